package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/** Node potentials of an optimal minimum-cost flow, for reduced costs ({@link MinutesStage}). */
final class ResidualPotentials {

    private ResidualPotentials() {}

    /**
     * Shortest distances from a virtual root joined to every node at cost 0, in the residual graph of an optimal flow
     * (no negative cycle): then {@code cost + dist(tail) − dist(head) ≥ 0} on every residual arc.
     */
    static long[] of(int nodes, int[] tail, int[] head, long[] cost, long[] flow, long[] cap) {
        int[] start = new int[nodes + 1];
        for (int a = 0; a < tail.length; a++) {
            if (flow[a] < cap[a]) start[tail[a] + 1]++;
            if (flow[a] > 0) start[head[a] + 1]++;
        }
        for (int v = 0; v < nodes; v++) start[v + 1] += start[v];
        int[] fill = Arrays.copyOf(start, nodes);
        int[] to = new int[start[nodes]];
        long[] w = new long[start[nodes]];
        for (int a = 0; a < tail.length; a++) {
            if (flow[a] < cap[a]) {
                to[fill[tail[a]]] = head[a];
                w[fill[tail[a]]++] = cost[a];
            }
            if (flow[a] > 0) {
                to[fill[head[a]]] = tail[a];
                w[fill[head[a]]++] = -cost[a];
            }
        }
        long[] d = new long[nodes];
        int[] queue = new int[nodes + 1];
        boolean[] queued = new boolean[nodes];
        int qh = 0, qt = 0, inQueue = 0;
        for (int v = 0; v < nodes; v++) {
            queue[qt++] = v;
            queued[v] = true;
            inQueue++;
        }
        qt %= queue.length;
        long work = 0, maxWork = (long) nodes * to.length + 1;
        while (inQueue > 0) {
            int u = queue[qh];
            qh = (qh + 1) % queue.length;
            queued[u] = false;
            inQueue--;
            for (int e = start[u]; e < start[u + 1]; e++) {
                int v = to[e];
                if (d[u] + w[e] < d[v]) {
                    d[v] = d[u] + w[e];
                    if (!queued[v]) {
                        queued[v] = true;
                        inQueue++;
                        queue[qt] = v;
                        qt = (qt + 1) % queue.length;
                    }
                }
            }
            if ((work += start[u + 1] - start[u]) > maxWork)
                throw new IllegalStateException("negative cycle in an optimal flow's residual graph");
        }
        return d;
    }
}
