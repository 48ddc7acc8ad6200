package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Minimum-cost flow of any amount on a bipartite transportation network
 * source → households (capacity = size) → doctors (per-person cost, negative) → sink
 * (capacity = remaining capacity), by successive shortest paths (Dijkstra with potentials).
 * Stops when no augmenting path of negative cost remains, which is optimal for "flow of any amount".
 * Integral: flows are whole people. Counts arc relaxations as work.
 */
final class MinCostFlow {

    private final int nodes;
    private int[] head, next, to, cap;
    private long[] cost;
    private int edges;
    long work;

    MinCostFlow(int nodes, int edgeHint) {
        this.nodes = nodes;
        head = new int[nodes];
        Arrays.fill(head, -1);
        int e = Math.max(4, edgeHint * 2);
        next = new int[e];
        to = new int[e];
        cap = new int[e];
        cost = new long[e];
    }

    /** Adds an arc and its residual twin; returns the arc index (twin = index ^ 1). */
    int addArc(int u, int v, int capacity, long unitCost) {
        if (edges + 2 > to.length) {
            int len = to.length * 2;
            next = Arrays.copyOf(next, len);
            to = Arrays.copyOf(to, len);
            cap = Arrays.copyOf(cap, len);
            cost = Arrays.copyOf(cost, len);
        }
        int e = edges;
        to[e] = v;
        cap[e] = capacity;
        cost[e] = unitCost;
        next[e] = head[u];
        head[u] = e;
        to[e + 1] = u;
        cap[e + 1] = 0;
        cost[e + 1] = -unitCost;
        next[e + 1] = head[v];
        head[v] = e + 1;
        edges += 2;
        return e;
    }

    int flow(int arc) {
        return cap[arc ^ 1];
    }

    /**
     * Runs from source to sink; {@code initialPotential} must make every reduced cost of arcs with
     * capacity non-negative. Returns the total cost, or Long.MIN_VALUE if the work budget ran out.
     */
    long solve(int source, int sink, long[] initialPotential, long workBudget) {
        long[] pot = initialPotential;
        long[] dist = new long[nodes];
        int[] prevArc = new int[nodes];
        boolean[] done = new boolean[nodes];
        long total = 0;
        LongHeap heap = new LongHeap(Math.max(16, nodes));
        while (true) {
            Arrays.fill(dist, Long.MAX_VALUE);
            Arrays.fill(done, false);
            dist[source] = 0;
            heap.clear();
            heap.push(0, source);
            while (!heap.isEmpty()) {
                long du = heap.topKey();
                int u = heap.pop();
                if (done[u] || du != dist[u]) continue;
                done[u] = true;
                for (int e = head[u]; e >= 0; e = next[e]) {
                    work++;
                    if (cap[e] <= 0) continue;
                    int v = to[e];
                    long nd = du + cost[e] + pot[u] - pot[v];
                    if (nd < dist[v]) {
                        dist[v] = nd;
                        prevArc[v] = e;
                        heap.push(nd, v);
                    }
                }
            }
            if (dist[sink] == Long.MAX_VALUE) break;
            for (int v = 0; v < nodes; v++) if (dist[v] != Long.MAX_VALUE) pot[v] += dist[v];
            long pathCost = pot[sink] - pot[source];
            if (pathCost >= 0) break;
            int push = Integer.MAX_VALUE;
            for (int v = sink; v != source; v = to[prevArc[v] ^ 1]) push = Math.min(push, cap[prevArc[v]]);
            for (int v = sink; v != source; v = to[prevArc[v] ^ 1]) {
                cap[prevArc[v]] -= push;
                cap[prevArc[v] ^ 1] += push;
            }
            total += pathCost * push;
            if (work > workBudget) return Long.MIN_VALUE;
        }
        return total;
    }

    /** Binary min-heap of (key, node) with lazy deletion. */
    static final class LongHeap {
        private long[] keys;
        private int[] vals;
        private int n;

        LongHeap(int capacity) {
            keys = new long[capacity];
            vals = new int[capacity];
        }

        void clear() {
            n = 0;
        }

        boolean isEmpty() {
            return n == 0;
        }

        long topKey() {
            return keys[0];
        }

        void push(long k, int v) {
            if (n == keys.length) {
                keys = Arrays.copyOf(keys, n * 2);
                vals = Arrays.copyOf(vals, n * 2);
            }
            int i = n++;
            while (i > 0) {
                int parent = (i - 1) >>> 1;
                if (keys[parent] <= k) break;
                keys[i] = keys[parent];
                vals[i] = vals[parent];
                i = parent;
            }
            keys[i] = k;
            vals[i] = v;
        }

        int pop() {
            int top = vals[0];
            long k = keys[--n];
            int v = vals[n];
            int i = 0;
            while (true) {
                int c = 2 * i + 1;
                if (c >= n) break;
                if (c + 1 < n && keys[c + 1] < keys[c]) c++;
                if (keys[c] >= k) break;
                keys[i] = keys[c];
                vals[i] = vals[c];
                i = c;
            }
            keys[i] = k;
            vals[i] = v;
            return top;
        }
    }
}
