export {
  Query,
  type PlaceMatrixOptions,
  type PlaceTimesOptions,
  type RoutesOptions,
  type TravelTimeMatrix,
} from "./query.js";
export { DEFAULT_READING, selectionOf, type QueryOptions, type TimedOrigin } from "./options.js";
export { stationsOf } from "./stations.js";
export { routeLegs, bindingLegIndex, initialWaitMin, type RouteLeg, type RouteResult } from "./legs.js";
export { findRoute, type RouteOptions } from "./route.js";
export { streetOverlay } from "./street.js";
