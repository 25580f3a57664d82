/**
 * The local road mesh inside the travel-time model: town nodes in both layers (before and after a
 * ride), mesh edges in both directions and both layers, every place attached as an anchor. Mesh
 * edges are base infrastructure: present in every selection, admitted door-to-door by road and
 * multimodal trips (see `overlay.ts`). Their costs come from the terrain classes of the network's
 * `towns` section, read as quantities (`/towns/terrain/<class>/speedKmh`, `…/detourFactor`) so that a
 * Monte Carlo draw re-prices them through {@link meshCosts} without triangulating again.
 *
 * Layout (appended after the network's own nodes and edges, so every other index is unchanged):
 * - nodes: town i before any ride is `firstNode + i`, after a ride `firstNode + townCount + i`;
 * - edges: mesh edge m (undirected, see {@link Mesh}) is the four model edges `firstEdge + 4m + k`,
 *   k = 0 layer 0 from→to, 1 layer 0 to→from, 2 layer 1 from→to, 3 layer 1 to→from.
 */
import type { Id } from "../network/schema.js";
import type { Network, Town } from "../network/types.js";
import type { Values } from "./costs.js";
import { buildMesh, DEFAULT_MESH_TERRAIN, meshCosts, type Mesh, type MeshOptions, type MeshTerrain } from "./mesh.js";

/** Model edges per mesh edge: two directions × two layers. */
export const MODEL_EDGES_PER_MESH_EDGE = 4;

/** The mesh as the model holds it. */
export interface ModelMesh {
  readonly mesh: Mesh;
  readonly towns: readonly Town[];
  /** Node index of town 0 before any ride. */
  readonly firstNode: number;
  /** Edge index of the first mesh model edge (the network's own edges come before). */
  readonly firstEdge: number;
  /** Number of mesh model edges (`4 × mesh.edgeCount`). */
  readonly edgeCount: number;
  /** Place ids not attached to the mesh (no town within `anchorMaxKm`). */
  readonly unattachedPlaces: readonly Id[];
}

/**
 * Meshes already built, by towns section (frozen, shared by every scenario network derived from the
 * same base) and then by anchors and options: the mesh is a pure function of those, so models of
 * the same towns and places (a scenario file, a comparison) triangulate once.
 */
const meshCache = new WeakMap<object, Map<string, Mesh>>();

/**
 * Builds the mesh of a network's towns with every place as an anchor, laid out after `firstNode`
 * nodes and `firstEdge` edges; undefined when the network has no towns.
 */
export function modelMesh(network: Network, firstNode: number, firstEdge: number, options: MeshOptions): ModelMesh | undefined {
  const section = network.towns;
  const towns = section?.list ?? [];
  if (section === undefined || towns.length === 0) return undefined;
  const anchors = network.places.map((p) => p.coord);
  const key = JSON.stringify([anchors, options.maxEdgeKm, options.anchorTowns, options.anchorMaxKm]);
  let byKey = meshCache.get(section);
  if (byKey === undefined) meshCache.set(section, (byKey = new Map()));
  let mesh = byKey.get(key);
  if (mesh === undefined) {
    // The costs it carries are never read: meshCostsInto prices every variant from the terrain.
    mesh = buildMesh(towns, anchors, { ...options, terrain: baseTerrain(network) });
    byKey.clear();
    byKey.set(key, mesh);
  }
  return {
    mesh,
    towns,
    firstNode,
    firstEdge,
    edgeCount: mesh.edgeCount * MODEL_EDGES_PER_MESH_EDGE,
    unattachedPlaces: mesh.unattachedAnchors.map((k) => network.places[k]!.id),
  };
}

function baseTerrain(network: Network): Map<string, MeshTerrain> {
  return new Map([...(network.towns?.terrain ?? [])].map(([id, t]) => [id, { speedKmh: t.speedKmh.value, detourFactor: t.detourFactor.value }]));
}

/** JSON Pointer of a terrain quantity: `/towns/terrain/<class>/speedKmh` or `…/detourFactor`. */
export function terrainPointer(classId: Id, field: "speedKmh" | "detourFactor"): string {
  return `/towns/terrain/${classId}/${field}`;
}

/**
 * Writes the mesh model edges' seconds into `costsSecs` (at `m.firstEdge` onwards), reading each
 * terrain class's speed and detour factor through `values` (so overrides apply and the pointers are
 * recorded). Towns without a class use `DEFAULT_MESH_TERRAIN`.
 */
export function meshCostsInto(network: Network, m: ModelMesh, values: Values, costsSecs: Float64Array): void {
  const terrain = new Map<string, MeshTerrain>();
  for (const [id, t] of network.towns?.terrain ?? []) {
    terrain.set(id, {
      speedKmh: values.q(terrainPointer(id, "speedKmh"), t.speedKmh.value),
      detourFactor: values.q(terrainPointer(id, "detourFactor"), t.detourFactor.value),
    });
  }
  const { secs } = meshCosts(m.mesh, m.towns, { terrain, defaultTerrain: DEFAULT_MESH_TERRAIN });
  let e = m.firstEdge;
  for (let k = 0; k < secs.length; k++) {
    const s = secs[k]!;
    costsSecs[e++] = s;
    costsSecs[e++] = s;
    costsSecs[e++] = s;
    costsSecs[e++] = s;
  }
}

/**
 * Model node of mesh node `i` in `layer`: a town node, or for an anchor the place's own node
 * (`placeIndex + layer × placeCount`).
 */
export function meshNode(m: ModelMesh, i: number, layer: 0 | 1, placeCount: number): number {
  const T = m.mesh.townCount;
  return i < T ? m.firstNode + layer * T + i : i - T + layer * placeCount;
}

/** Fills `from` / `to` of the mesh model edges (at `m.firstEdge` onwards). */
export function meshEndpointsInto(m: ModelMesh, placeCount: number, from: Int32Array, to: Int32Array): void {
  const { mesh } = m;
  let e = m.firstEdge;
  for (let k = 0; k < mesh.edgeCount; k++) {
    for (const layer of [0, 1] as const) {
      const a = meshNode(m, mesh.from[k]!, layer, placeCount);
      const b = meshNode(m, mesh.to[k]!, layer, placeCount);
      from[e] = a;
      to[e++] = b;
      from[e] = b;
      to[e++] = a;
    }
  }
}

/**
 * The local road mesh of a network as map polylines (one two-point line per mesh road: town–town
 * and place–town), for the `roads` layer of a map; empty without towns. Shares the model's mesh
 * cache, so a map drawn beside a model triangulates once.
 */
export function meshRoads(network: Network, options: Omit<MeshOptions, "terrain" | "defaultTerrain"> = {}): [number, number][][] {
  const m = modelMesh(network, 0, 0, options);
  if (m === undefined) return [];
  const T = m.mesh.townCount;
  const coord = (i: number): [number, number] => {
    const c = i < T ? m.towns[i]!.coord : network.places[i - T]!.coord;
    return [c[0], c[1]];
  };
  const out: [number, number][][] = [];
  for (let k = 0; k < m.mesh.edgeCount; k++) out.push([coord(m.mesh.from[k]!), coord(m.mesh.to[k]!)]);
  return out;
}
