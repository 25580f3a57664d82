import { existsSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { NetworkFileSchema, type NetworkFile } from "../../src/network/schema.js";
import { loadNetworkSync } from "../../src/node.js";
import { resolveScenario } from "../../src/network/index.js";
import { NETWORK_DIR, SHARED_DIR, activeItems, readNetworkFolder, resolveProjects } from "./network-folder.js";

const raw = readNetworkFolder();
const parsed = NetworkFileSchema.safeParse(raw);
const net = (parsed.success ? parsed.data : raw) as NetworkFile;
const services = net.services ?? [];
const targets = net.targets ?? [];

const ROAD_MODES = new Set(["expressway", "road", "urban-road", "connector"]);

describe("networks/qijiang-wansheng", () => {
  it("parses with NetworkFileSchema", () => {
    const issues = parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`);
    expect(issues).toEqual([]);
  });

  it("has unique ids within each collection", () => {
    for (const key of ["places", "links", "services", "projects", "scenarios", "targets"] as const) {
      const ids = ((net[key] ?? []) as { id: string }[]).map((x) => x.id);
      const dup = ids.filter((id, i) => ids.indexOf(id) !== i);
      expect(dup, key).toEqual([]);
    }
  });

  it("resolves every reference", () => {
    const place = new Map(net.places.map((p) => [p.id, p]));
    const project = new Set(net.projects.map((p) => p.id));
    const link = new Set(net.links.map((l) => l.id));
    const service = new Set(services.map((s) => s.id));
    const scenario = new Set(net.scenarios.map((s) => s.id));
    const bad: string[] = [];
    const need = (ok: boolean, what: string): void => {
      if (!ok) bad.push(what);
    };
    for (const p of net.places) {
      for (const s of p.stations ?? []) need(place.get(s)?.kind === "station", `places.${p.id}.stations: ${s} is not a station place`);
    }
    for (const l of net.links) {
      need(place.has(l.from), `links.${l.id}.from ${l.from}`);
      need(place.has(l.to), `links.${l.id}.to ${l.to}`);
      need(l.from !== l.to, `links.${l.id} is a loop`);
      for (const p of l.projects ?? []) need(project.has(p), `links.${l.id}.projects ${p}`);
      for (const r of l.replaces ?? []) need(link.has(r), `links.${l.id}.replaces ${r}`);
    }
    for (const s of services) {
      for (const st of s.stops) need(place.get(st)?.kind === "station", `services.${s.id}.stops ${st} is not a station`);
      need(s.stops.length >= 2, `services.${s.id} has fewer than two stops`);
      if (s.runMinutes) need(s.runMinutes.length === s.stops.length - 1, `services.${s.id}.runMinutes length`);
      need(s.runMinutes !== undefined || s.speedKmh !== undefined, `services.${s.id} has neither runMinutes nor speedKmh`);
      for (const p of s.projects ?? []) need(project.has(p), `services.${s.id}.projects ${p}`);
      for (const r of s.replaces ?? []) need(service.has(r), `services.${s.id}.replaces ${r}`);
    }
    for (const sc of net.scenarios) {
      if (sc.extends) need(scenario.has(sc.extends), `scenarios.${sc.id}.extends ${sc.extends}`);
      for (const p of [...(sc.projects?.include ?? []), ...(sc.projects?.exclude ?? [])]) need(project.has(p), `scenarios.${sc.id} project ${p}`);
    }
    for (const t of targets) {
      for (const p of [...t.origins, ...(t.destinations ?? [])]) need(place.has(p), `targets.${t.id} place ${p}`);
      need(t.pairs === "all-pairs" || (t.destinations ?? []).length > 0, `targets.${t.id} has no destinations`);
    }
    expect(bad).toEqual([]);
  });

  it("services that ride on speedKmh have a track link between every pair of consecutive stops", () => {
    const railModes = new Set(["hsr", "rail", "suburban", "metro"]);
    const key = (a: string, b: string): string => (a < b ? `${a}|${b}` : `${b}|${a}`);
    const track = new Set(net.links.filter((l) => railModes.has(l.mode)).map((l) => key(l.from, l.to)));
    const missing = services
      .filter((s) => s.runMinutes === undefined)
      .flatMap((s) => s.stops.slice(1).map((b, i) => [s.id, s.stops[i] as string, b] as const))
      .filter(([, a, b]) => !track.has(key(a, b)))
      .map(([id, a, b]) => `${id}: ${a}–${b}`);
    expect(missing).toEqual([]);
  });

  it("every link and service with projects is active in at least one scenario", () => {
    const sets = net.scenarios.map((s) => resolveProjects(s.id, net.scenarios, net.projects));
    const never = [...net.links, ...services]
      .filter((x) => !sets.some((set) => activeItems([x], set).length === 1))
      .map((x) => x.id);
    expect(never).toEqual([]);
  });

  it("every place is reachable by road from central Chongqing in every scenario", () => {
    for (const sc of net.scenarios) {
      const set = resolveProjects(sc.id, net.scenarios, net.projects);
      const roads = activeItems(net.links, set).filter((l) => ROAD_MODES.has(l.mode));
      const adj = new Map<string, string[]>();
      for (const l of roads) {
        adj.set(l.from, [...(adj.get(l.from) ?? []), l.to]);
        adj.set(l.to, [...(adj.get(l.to) ?? []), l.from]);
      }
      const seen = new Set(["CQ_CBD"]);
      const queue = ["CQ_CBD"];
      while (queue.length > 0) {
        for (const n of adj.get(queue.shift() as string) ?? []) {
          if (!seen.has(n)) {
            seen.add(n);
            queue.push(n);
          }
        }
      }
      const unreachable = net.places.map((p) => p.id).filter((id) => !seen.has(id));
      expect(unreachable, sc.id).toEqual([]);
    }
  });

  it("scenarios follow the sourced opening dates (baseline-2020 has no 渝黔复线 or 内自泸; current has 贵广 at 300 km/h, 成宜, 渝昆 and 渝厦)", () => {
    const base = resolveProjects("baseline-2020", net.scenarios, net.projects);
    const current = resolveProjects("current", net.scenarios, net.projects);
    const vision = resolveProjects("vision-2035", net.scenarios, net.projects);
    expect(base.has("P_YUGUI_RAIL")).toBe(true);
    expect(base.has("P_CHENGGUI")).toBe(true);
    for (const later of ["P_YUQIAN_EXPANSION", "P_CHONGZUN_EXPANSION", "P_JIANGTIAO", "P_NEIZILU", "P_GUIGUANG_300", "P_CHENGZIYI", "P_YUKUN_YY", "P_YUXIA_QJ"])
      expect(base.has(later), later).toBe(false);
    for (const open of ["P_YUQIAN_EXPANSION", "P_NEIZILU", "P_GUIGUANG_300", "P_CHENGZIYI", "P_YUKUN_YY", "P_YUXIA_QJ"])
      expect(current.has(open), open).toBe(true);
    const svc = (set: Set<string>) => new Set(activeItems(services, set).map((s) => s.id));
    for (const id of ["S_GG300_GYE_GZS", "S_YUKUN_CQW_YB", "S_YUXIA_EXP", "S_CHENGYI_YB"]) {
      expect(svc(base).has(id), id).toBe(false);
      expect(svc(current).has(id), id).toBe(true);
    }
    expect(vision.has("P_YUGUI_HSR")).toBe(true);
    // Scenario sets only grow along extends chains.
    const plan = resolveProjects("plan-2025", net.scenarios, net.projects);
    expect([...current].filter((p) => !plan.has(p))).toEqual([]);
    expect([...plan].filter((p) => !vision.has(p))).toEqual([]);
  });

  it("every target uses ≤, both measures and a plan quotation", () => {
    for (const t of targets) {
      expect(t.comparison, t.id).toBe("<=");
      expect([...(t.measures ?? [])].sort(), t.id).toEqual(["door-to-door", "station-to-station"]);
      expect(t.thresholdMin.source ?? "", t.id).toMatch(/“.+”/);
    }
  });
});

/** Plan items of section 四(一) (and the 陆海新通道 train of 九(一)), by the plan's own wording. */
const PLAN_ITEMS = [
  "新建万盛—关坝铁路",
  "续建关坝—赶水铁路",
  "改扩建川黔铁路",
  "渝贵",
  "渝桂高铁",
  "铁路二环线",
  "广安—涪陵—柳州铁路",
  "改造三江—万盛—南川铁路",
  "推动渝贵铁路",
  "三江—万盛—南川铁路开行城市公交化列车",
  "研究论证重庆中心城区—綦江—万盛城轨快线",
  "完成渝黔高速公路扩能",
  "綦江—万盛—正安",
  "安稳—习水",
  "重庆—赤水—叙永",
  "万盛—桐梓羊蹬",
  "綦江绕城",
  "改扩建綦江—万盛高速公路",
  "渝黔高速南环至綦江段高速公路",
  "重庆中心城区—綦江—万盛快速通道",
  "南桐—接龙",
  "永城—庆江",
  "开展江津—綦江—万盛高速公路规划研究",
  "开展万盛支线机场布局研究",
  "研究推动綦河航道综合开发利用",
  "研究开行西部陆海新通道铁海联运（綦江—万盛至北部湾）班列",
  "建设重庆南向铁路枢纽",
  "新（扩）建一批快速路、产业路、旅游路等骨干公路",
  "规划建设一批直升机起降点",
  "统筹推进综合客运站和公交枢纽布局建设",
  "推进铁路专用线进大型工矿企业和物流园区",
];

describe("plan projects of section 四(一)", () => {
  const byItem = new Map<string, (typeof net.projects)[number]>();
  for (const p of net.projects) {
    const m = /Plan item: (.+?)\.( |$)/.exec(p.note ?? "");
    if (m?.[1]) byItem.set(m[1], p);
  }

  it("each plan item is a project with a planText that names it", () => {
    const missing = PLAN_ITEMS.filter((item) => {
      const p = byItem.get(item);
      return p === undefined || p.planText === undefined || !p.planText.includes(item);
    });
    expect(missing).toEqual([]);
  });

  const planPath = path.join(SHARED_DIR, "reference/000_db721f674c0ebe57.txt");
  describe.skipIf(!existsSync(planPath))("against the plan text", () => {
    it("every planText (projects and targets) occurs verbatim in the plan", () => {
      const plan = readFileSync(planPath, "utf8");
      const quotes = [...net.projects.map((p) => [p.id, p.planText] as const), ...targets.map((t) => [t.id, t.planText] as const)];
      const absent = quotes.filter(([, q]) => q !== undefined && !plan.includes(q)).map(([id]) => id);
      expect(absent).toEqual([]);
    });
  });
  if (!existsSync(planPath)) console.warn(`skipping plan-text checks: ${planPath} not found (fresh clone without ../shared)`);
});

describe("provenance", () => {
  it("every number is a Quantity with a source or an assumption range, or a definition (coord, version, year)", () => {
    const plainOk = new Set(["version", "year"]);
    const bad: string[] = [];
    const walk = (v: unknown, at: string, key: string): void => {
      if (typeof v === "number") {
        if (!plainOk.has(key)) bad.push(at);
        return;
      }
      if (Array.isArray(v)) {
        if (key === "coord") return;
        v.forEach((x, i) => walk(x, `${at}[${i}]`, key));
        return;
      }
      if (v === null || typeof v !== "object") return;
      const o = v as Record<string, unknown>;
      if (typeof o.value === "number") {
        const a = o.assumption as { range?: unknown } | undefined;
        const ok = (typeof o.source === "string" && o.source.length > 2) !== (a !== undefined && Array.isArray(a.range));
        if (!ok) bad.push(`${at} (quantity without exactly one of source / assumption.range)`);
        return;
      }
      for (const [k, x] of Object.entries(o)) walk(x, `${at}.${k}`, k);
    };
    walk(raw, "network", "");
    expect(bad).toEqual([]);
  });
});

describe("with the library loader (src/network)", () => {
  it("loadNetworkSync reads the folder without a problem, and resolveScenario agrees with the data checks above", () => {
    const loaded = loadNetworkSync(NETWORK_DIR);
    expect(loaded.places.length).toBe(net.places.length);
    for (const sc of net.scenarios) {
      const official = resolveScenario(loaded, sc.id);
      const mine = resolveProjects(sc.id, net.scenarios, net.projects);
      expect([...official.projects].sort(), sc.id).toEqual([...mine].sort());
      expect(official.links.map((l) => l.id).sort(), sc.id).toEqual(activeItems(net.links, mine).map((l) => l.id).sort());
      expect(official.services.map((s) => s.id).sort(), sc.id).toEqual(activeItems(services, mine).map((s) => s.id).sort());
    }
  });
});
