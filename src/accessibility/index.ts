export * from "./matrix.js";
export * from "./indicators.js";
export * from "./summary.js";
export { peopleWithin, peopleInPolygon, type PeopleCount, type PopulatedTown } from "./people.js";
export { peopleShareWithin, type PeopleShare } from "./peopleShare.js";
