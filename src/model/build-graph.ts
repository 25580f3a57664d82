import { MultiDirectedGraph } from "graphology";
import type { Id } from "../network/schema.js";
import type { Network } from "../network/types.js";
import { buildModel, type TravelTimeModel } from "./build-model.js";
import type { ModelEdgeAttributes, ModelNodeAttributes, ModelOptions, QueryFilter } from "./types.js";

/**
 * The graphology graph of one scenario: the model's superset graph (see {@link buildModel}) keeping
 * only the edges present in the scenario and admitted by the filter (default multimodal,
 * door-to-door), with `costSecs` on every edge. Every node of the superset is kept, so node keys
 * (`place:<id>`, `destination:<id>`, …) are the same in every scenario. Pass a built model to reuse it.
 */
export function buildGraph(
  network: Network | TravelTimeModel,
  scenarioId: Id,
  options: ModelOptions & QueryFilter = {},
): MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes> {
  const model = "compiled" in network ? network : buildModel(network, options);
  const costs = model.costsFor({ scenario: scenarioId, ...options });
  const graph = new MultiDirectedGraph<ModelNodeAttributes, ModelEdgeAttributes>();
  model.graph.forEachNode((key, attrs) => graph.addNode(key, attrs));
  model.graph.forEachEdge((key, attrs, source, target) => {
    const c = costs[attrs.index]!;
    if (c < Infinity) graph.addEdgeWithKey(key, source, target, { ...attrs, costSecs: c });
  });
  return graph;
}
