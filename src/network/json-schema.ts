/**
 * The JSON Schema of network files, generated from the zod schemas (so it cannot drift from them).
 * `npm run schema` writes it to `networks/schema.json`; network files point editors at it with
 * `"$schema"`. The semantic checks (references, coordinates, cycles) are beyond JSON Schema: only
 * `loadNetwork` runs those.
 */
import { z } from "zod";
import {
  LinkSchema,
  LocalNameSchema,
  NetworkFileSchema,
  PlaceSchema,
  ProjectSchema,
  ScenarioSchema,
  ServiceSchema,
  SourceSchema,
  TargetSchema,
  TerrainClassSchema,
  TownsSectionSchema,
} from "./schema.js";

/** Header fields of a folder network's `network.json` (the single-file layout minus the entity lists). */
export const NetworkHeaderFileSchema = NetworkFileSchema.pick({
  $schema: true,
  schema: true,
  version: true,
  id: true,
  name: true,
  description: true,
  asOf: true,
  sources: true,
  parameters: true,
});

const entityFile = <K extends string, S extends z.ZodType>(key: K, item: S) =>
  z.strictObject({ $schema: z.string().optional(), [key]: z.array(item) } as {
    $schema: z.ZodOptional<z.ZodString>;
  } & Record<K, z.ZodArray<S>>);

/**
 * One file of a folder network: an entity file holds a single entity list, e.g. `places.json` is
 * `{ "$schema": "../schema.json", "places": [...] }`; `towns.json` holds the `towns` section object.
 */
export const EntityFileSchemas = {
  places: entityFile("places", PlaceSchema),
  links: entityFile("links", LinkSchema),
  services: entityFile("services", ServiceSchema),
  projects: entityFile("projects", ProjectSchema),
  scenarios: entityFile("scenarios", ScenarioSchema),
  targets: entityFile("targets", TargetSchema),
  /** `towns.json` holds one object (the section), not a list. */
  towns: z.strictObject({ $schema: z.string().optional(), towns: TownsSectionSchema }),
} as const;

/**
 * The JSON Schema (draft 2020-12) accepted by editors for any network file: a whole single-file
 * network, a folder network's `network.json`, or one of its entity files. Deterministic output.
 */
export function networkJsonSchema(): Record<string, unknown> {
  const registry = z.registry<{ id: string; description?: string }>();
  registry.add(LocalNameSchema, { id: "LocalName" });
  registry.add(SourceSchema, { id: "Source" });
  registry.add(PlaceSchema, {
    id: "Place",
    description: "A city, town, station, airport, port or road node; coord is [lon, lat].",
  });
  registry.add(LinkSchema, {
    id: "Link",
    description: "Infrastructure between two places: minutes, or lengthKm (with speedKmh or a mode default).",
  });
  registry.add(ServiceSchema, {
    id: "Service",
    description: "A line running over stops, with runMinutes (one per segment) or speedKmh.",
  });
  registry.add(ProjectSchema, { id: "Project", description: "A plan item with status and opening year." });
  registry.add(ScenarioSchema, {
    id: "Scenario",
    description: "A year and a project set (extends, byYear, include, exclude).",
  });
  registry.add(TargetSchema, { id: "Target", description: "A travel-time promise of the plan." });
  registry.add(TerrainClassSchema, {
    id: "TerrainClass",
    description: "Local-road speed and detour factor of the towns of one terrain class.",
  });
  registry.add(TownsSectionSchema, {
    id: "Towns",
    description:
      "Town centres as a table: columns [id, name, lon, lat, population, populationEstimated, county, terrain], one row per town; source covers every row.",
  });
  registry.add(NetworkFileSchema, { id: "NetworkFile", description: "A whole network in one file." });
  registry.add(NetworkHeaderFileSchema, { id: "NetworkHeaderFile", description: "network.json of a folder network." });
  for (const [key, schema] of Object.entries(EntityFileSchemas)) {
    registry.add(schema, {
      id: `${key[0]!.toUpperCase()}${key.slice(1)}File`,
      description: `${key}.json of a folder network.`,
    });
  }
  const root = z.union([NetworkFileSchema, NetworkHeaderFileSchema, ...Object.values(EntityFileSchemas)]);
  const json = z.toJSONSchema(root, {
    metadata: registry,
    target: "draft-2020-12",
    io: "input",
    unrepresentable: "any",
  });
  return {
    $schema: json.$schema,
    title: "qiwan-access network file",
    description:
      "A qiwan-access network: one file holding everything, or a folder with network.json (header) and one file per entity kind. Generated from src/network/schema.ts by `npm run schema`; do not edit.",
    ...Object.fromEntries(Object.entries(json).filter(([k]) => k !== "$schema")),
  };
}
