import { loadNetwork, embeddedNetworkPath, buildModel, checkTargets } from "/work/wt-people/src/node.js";
const network = await loadNetwork(embeddedNetworkPath());
const model = buildModel(network);
let t0 = performance.now();
const rs = checkTargets(network, { model });
console.log("check ms", performance.now() - t0);
for (const r of rs) {
  const p = r.summary.people;
  if (!p) continue;
  console.log(r.scenarioId, r.targetId, r.measure, r.reading, p.kind === "share" ? `${(p.share! * 100).toFixed(1)}% nearest ${(p.nearestShare! * 100).toFixed(1)}% est=${p.estimated} total=${p.total.population} towns=${p.total.towns} per=${p.perDestination.map(d=>d.destination+":"+Math.round(d.share!*100)).join(",")}` : p.reason);
}
t0 = performance.now();
checkTargets(network, { model, people: false });
console.log("no people ms", performance.now() - t0);
