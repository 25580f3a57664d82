import { NETWORK_SCHEMA_ID, NETWORK_SCHEMA_VERSION, type NetworkFile } from "./schema.js";
import { townsToSection } from "./towns.js";
import type { Network } from "./types.js";

/**
 * A loaded network back in the single-file layout, as a fresh mutable deep copy: edit it in code
 * (add a link, change a headway) and pass it to `loadNetwork` again to validate the edit. Optional
 * lists are written even when empty. `loadNetwork(networkToFile(n))` equals `n` except for `origin`.
 */
export function networkToFile(network: Network): NetworkFile {
  const file: NetworkFile = {
    schema: NETWORK_SCHEMA_ID,
    version: NETWORK_SCHEMA_VERSION,
    id: network.id,
    name: network.name,
    ...(network.description === undefined ? {} : { description: network.description }),
    asOf: network.asOf,
    sources: [...network.sources],
    parameters: network.parameters,
    places: [...network.places],
    links: [...network.links],
    services: [...network.services],
    projects: [...network.projects],
    scenarios: [...network.scenarios],
    targets: [...network.targets],
    ...(network.towns === undefined ? {} : { towns: townsToSection(network.towns) }),
  };
  // structuredClone drops the freeze: the copy is the caller's to edit.
  return structuredClone(file);
}
