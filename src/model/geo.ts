import { haversineKm } from "../util/geo.js";

/**
 * Great-circle distance (km) between two `[lon, lat]` points in degrees (haversine on the mean Earth
 * radius). The model's name for the library's one distance function (`haversineKm`), kept public
 * because model options and warnings are phrased in it.
 */
export const greatCircleKm = haversineKm;
