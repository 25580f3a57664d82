// Native reference for benchmarks/run.ts: one-to-all Dijkstra over the same CSR graph, one
// implementation per process, serving queries until stdin closes (so run.ts can interleave it query
// by query with the TypeScript core running in another process).
//
// Usage: sssp <graph.bin> binary|quad|dial
//   graph.bin: "QWG1", int32 n, int32 m, then int32 from[m], to[m], cost[m] (directed arcs, whole units)
// Prints {"ready": …} once loaded, then answers one command per line (see serve() below).
//
// Implementations: CSR + binary heap with lazy deletion (std::push_heap/pop_heap over one vector),
// CSR + indexed 4-ary heap (decrease-key), CSR + Dial's bucket queue with doubly linked buckets
// (the same algorithm as the TypeScript core). Every buffer is allocated before the first query
// (the binary heap's vector keeps its capacity), so the timed loop allocates nothing; each query
// starts by resetting `dist` over all nodes (O(n), like the core's Int32 result fill).
#include <algorithm>
#include <chrono>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <ctime>
#include <functional>
#include <string>
#include <sys/resource.h>
#include <vector>

using u32 = uint32_t;
static const u32 INF = 0xffffffffu;

struct Csr {
  int n = 0;
  std::vector<int> first, head;
  std::vector<u32> cost;
  u32 maxCost = 0;
};

static std::vector<int32_t> readInts(FILE* f, size_t count) {
  std::vector<int32_t> v(count);
  if (count && fread(v.data(), 4, count, f) != count) { fprintf(stderr, "short read\n"); exit(2); }
  return v;
}

static Csr load(const char* path) {
  FILE* f = fopen(path, "rb");
  if (!f) { perror(path); exit(2); }
  char magic[4];
  if (fread(magic, 1, 4, f) != 4 || memcmp(magic, "QWG1", 4) != 0) { fprintf(stderr, "bad magic\n"); exit(2); }
  auto hdr = readInts(f, 2);
  int n = hdr[0], m = hdr[1];
  auto from = readInts(f, m), to = readInts(f, m), cost = readInts(f, m);
  fclose(f);
  Csr g;
  g.n = n;
  g.first.assign(n + 1, 0);
  for (int e = 0; e < m; e++) g.first[from[e] + 1]++;
  for (int u = 0; u < n; u++) g.first[u + 1] += g.first[u];
  std::vector<int> fill(g.first.begin(), g.first.end() - 1);
  g.head.resize(m);
  g.cost.resize(m);
  for (int e = 0; e < m; e++) {
    int a = fill[from[e]]++;
    g.head[a] = to[e];
    g.cost[a] = (u32)cost[e];
    if ((u32)cost[e] > g.maxCost) g.maxCost = cost[e];
  }
  return g;
}

struct BinaryHeapDijkstra {
  const Csr& g;
  std::vector<u32> dist;
  using Item = std::pair<u32, int>;
  // The heap's storage is kept across queries (clear() keeps the capacity), so after the first
  // query the timed loop allocates nothing.
  std::vector<Item> heap;
  explicit BinaryHeapDijkstra(const Csr& g) : g(g), dist(g.n, INF) { heap.reserve(g.n); }
  void run(int s) {
    std::fill(dist.begin(), dist.end(), INF);
    const std::greater<Item> later;
    heap.clear();
    dist[s] = 0;
    heap.push_back({0, s});
    while (!heap.empty()) {
      std::pop_heap(heap.begin(), heap.end(), later);
      auto [d, u] = heap.back();
      heap.pop_back();
      if (d != dist[u]) continue;
      for (int a = g.first[u], end = g.first[u + 1]; a < end; a++) {
        u32 nd = d + g.cost[a];
        int v = g.head[a];
        if (nd < dist[v]) { dist[v] = nd; heap.push_back({nd, v}); std::push_heap(heap.begin(), heap.end(), later); }
      }
    }
  }
};

struct QuadHeapDijkstra {
  const Csr& g;
  std::vector<u32> dist, key;
  std::vector<int> node, pos;
  int size = 0;
  explicit QuadHeapDijkstra(const Csr& g) : g(g), dist(g.n, INF), key(g.n), node(g.n), pos(g.n, -1) {}
  void up(int i, int v, u32 k) {
    while (i > 0) {
      int p = (i - 1) >> 2;
      if (key[p] <= k) break;
      node[i] = node[p]; key[i] = key[p]; pos[node[i]] = i; i = p;
    }
    node[i] = v; key[i] = k; pos[v] = i;
  }
  void run(int s) {
    std::fill(dist.begin(), dist.end(), INF);
    std::fill(pos.begin(), pos.end(), -1);
    size = 0;
    dist[s] = 0;
    up(size++, s, 0);
    while (size > 0) {
      int u = node[0];
      u32 d = key[0];
      pos[u] = -2;
      if (--size > 0) {
        int lv = node[size];
        u32 lk = key[size];
        int i = 0;
        for (;;) {
          int c = 4 * i + 1;
          if (c >= size) break;
          int best = c;
          int end = c + 4 < size ? c + 4 : size;
          for (int j = c + 1; j < end; j++) if (key[j] < key[best]) best = j;
          if (key[best] >= lk) break;
          node[i] = node[best]; key[i] = key[best]; pos[node[i]] = i; i = best;
        }
        node[i] = lv; key[i] = lk; pos[lv] = i;
      }
      for (int a = g.first[u], end = g.first[u + 1]; a < end; a++) {
        u32 nd = d + g.cost[a];
        int v = g.head[a];
        if (nd < dist[v]) {
          dist[v] = nd;
          up(pos[v] >= 0 ? pos[v] : size++, v, nd);
        }
      }
    }
  }
};

struct DialDijkstra {
  const Csr& g;
  std::vector<u32> dist;
  std::vector<int> bucket, next, prev;
  u32 mask;
  explicit DialDijkstra(const Csr& g) : g(g), dist(g.n, INF), next(g.n), prev(g.n) {
    u32 size = 1;
    while (size <= g.maxCost) size <<= 1;
    bucket.assign(size, -1);
    mask = size - 1;
  }
  void run(int s) {
    std::fill(dist.begin(), dist.end(), INF);
    dist[s] = 0;
    u32 cur = 0;
    long long count = 1;
    bucket[0] = s; next[s] = -1; prev[s] = -1;
    while (count > 0) {
      int u = bucket[cur & mask];
      if (u < 0) { cur++; continue; }
      int nu = next[u];
      bucket[cur & mask] = nu;
      if (nu >= 0) prev[nu] = -1;
      count--;
      for (int a = g.first[u], end = g.first[u + 1]; a < end; a++) {
        u32 nd = cur + g.cost[a];
        int v = g.head[a];
        u32 dv = dist[v];
        if (nd < dv) {
          if (dv != INF) {
            int p = prev[v], nx = next[v];
            if (p < 0) bucket[dv & mask] = nx; else next[p] = nx;
            if (nx >= 0) prev[nx] = p;
          } else count++;
          dist[v] = nd;
          int b = nd & mask, nx = bucket[b];
          next[v] = nx; prev[v] = -1;
          if (nx >= 0) prev[nx] = v;
          bucket[b] = v;
        }
      }
    }
  }
};

/** CPU time of this process in ms (user + system, all threads), as Node's process.cpuUsage() counts it. */
static double cpuMs() {
  timespec ts;
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts);
  return ts.tv_sec * 1e3 + ts.tv_nsec / 1e6;
}

/** Bytes of the per-query state an implementation keeps (all allocated once, before any query). */
static size_t stateBytes(const BinaryHeapDijkstra& d) { return d.dist.capacity() * 4 + d.heap.capacity() * sizeof(BinaryHeapDijkstra::Item); }
static size_t stateBytes(const QuadHeapDijkstra& d) { return (d.dist.capacity() + d.key.capacity() + d.node.capacity() + d.pos.capacity()) * 4; }
static size_t stateBytes(const DialDijkstra& d) { return (d.dist.capacity() + d.bucket.capacity() + d.next.capacity() + d.prev.capacity()) * 4; }

/**
 * Serves queries on stdin until EOF, one command per line, one JSON line per answer:
 *   run S  -> {"ms": query time, "reach": nodes reached, "sum": sum of their distances}
 *   mem    -> {"maxRssKb": peak RSS of this process, "stateBytes": search state, "csrBytes": graph}
 * Only the search itself is timed; the checksum and the I/O are outside the clock.
 */
/**
 * Peak resident set of this process in kB: VmHWM from /proc/self/status (reset by exec), not
 * getrusage's ru_maxrss, which on Linux carries over the high-water mark of the process that
 * forked us (the Node driver).
 */
static long maxRssKb() {
  if (FILE* f = fopen("/proc/self/status", "r")) {
    char line[256];
    long kb = -1;
    while (fgets(line, sizeof line, f)) {
      if (sscanf(line, "VmHWM: %ld kB", &kb) == 1) break;
    }
    fclose(f);
    if (kb >= 0) return kb;
  }
  struct rusage usage;
  getrusage(RUSAGE_SELF, &usage);
  return usage.ru_maxrss;
}

template <class Impl>
static int serve(const Csr& g, long startRssKb, double loadMs) {
  Impl impl(g);
  size_t csrBytes = g.first.capacity() * 4 + g.head.capacity() * 4 + g.cost.capacity() * 4;
  printf("{\"ready\": true, \"buildMs\": %.2f, \"csrBytes\": %zu, \"startRssKb\": %ld}\n", loadMs, csrBytes, startRssKb);
  fflush(stdout);
  char line[256];
  while (fgets(line, sizeof line, stdin)) {
    int s;
    if (sscanf(line, "run %d", &s) == 1) {
      if (s < 0 || s >= g.n) { fprintf(stderr, "source %d out of range\n", s); return 2; }
      double c0 = cpuMs();
      auto t0 = std::chrono::steady_clock::now();
      impl.run(s);
      auto t1 = std::chrono::steady_clock::now();
      double c1 = cpuMs();
      long long reach = 0;
      double sum = 0;
      for (u32 d : impl.dist) if (d != INF) { reach++; sum += d; }
      printf("{\"ms\": %.4f, \"cpuMs\": %.4f, \"reach\": %lld, \"sum\": %.0f}\n", std::chrono::duration<double, std::milli>(t1 - t0).count(), c1 - c0, reach, sum);
    } else if (strncmp(line, "mem", 3) == 0) {
      printf("{\"maxRssKb\": %ld, \"startRssKb\": %ld, \"stateBytes\": %zu, \"csrBytes\": %zu}\n", maxRssKb(), startRssKb, stateBytes(impl), csrBytes);
    } else {
      fprintf(stderr, "unknown command: %s", line);
      return 2;
    }
    fflush(stdout);
  }
  return 0;
}

int main(int argc, char** argv) {
  if (argc != 3) { fprintf(stderr, "usage: sssp graph.bin binary|quad|dial   (then commands on stdin: run S | mem)\n"); return 2; }
  long startRssKb = maxRssKb();
  auto t0 = std::chrono::steady_clock::now();
  Csr g = load(argv[1]);
  double loadMs = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  std::string impl = argv[2];
  if (impl == "binary") return serve<BinaryHeapDijkstra>(g, startRssKb, loadMs);
  if (impl == "quad") return serve<QuadHeapDijkstra>(g, startRssKb, loadMs);
  if (impl == "dial") return serve<DialDijkstra>(g, startRssKb, loadMs);
  fprintf(stderr, "unknown implementation %s\n", argv[2]);
  return 2;
}
