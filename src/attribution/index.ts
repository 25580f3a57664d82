export * from "./shapley.js";
export * from "./attributeProjects.js";
