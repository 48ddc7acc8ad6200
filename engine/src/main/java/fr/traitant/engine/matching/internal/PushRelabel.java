package fr.traitant.engine.matching.internal;

import java.util.Arrays;

/**
 * Maximum preflow by push-relabel on a compressed adjacency where each arc sits beside its twin ({@code rev}), for
 * {@link FlowBound}. Node 0 is the source and node 1 the sink; residual capacities ({@code cap}) are the caller's
 * arrays, changed in place; excess is passed to each call. A new instance follows each change of the adjacency.
 *
 * <p>Each node has two runs of arcs in the same arrays: its base run {@code [start[u], start[u+1])}, laid out once,
 * and its added run {@code [added[u], added[u+1])}, after every base run, laid out again when arc generation adds
 * arcs (an added arc's twin is an added arc too), so that the base — millions of arcs on a national run — is neither
 * copied nor moved.
 */
final class PushRelabel {

    private final int nodes;
    private final int[] start, added, to, rev, cap;
    private final int[] label, iter, queue, bfs;

    PushRelabel(int nodes, int[] start, int[] added, int[] to, int[] rev, int[] cap) {
        this.nodes = nodes;
        this.start = start;
        this.added = added;
        this.to = to;
        this.rev = rev;
        this.cap = cap;
        label = new int[nodes];
        iter = new int[nodes];
        queue = new int[nodes];
        bfs = new int[nodes];
    }

    /**
     * First phase of Goldberg and Tarjan's push-relabel algorithm (FIFO selection, periodic global relabelling by a
     * breadth-first search from the sink): pushes the excess toward the sink until no node holding excess can reach it.
     * The flow at the sink is then a maximum flow's value; excess that cannot reach the sink stays where it is (it is
     * never pushed back to the source, so the higher classes keep exactly their people). Labels: exact distances to the
     * sink after each global relabelling, {@code nodes} for the nodes that cannot reach it (the source included).
     */
    void maxPreflow(int[] excess) {
        int n = nodes;
        int[] fifo = queue;
        boolean[] inQueue = new boolean[n];
        if (warm) warm = false;
        else globalRelabel();
        System.arraycopy(start, 0, iter, 0, n);
        int head = 0, size = 0;
        for (int v = 2; v < n; v++) {
            if (excess[v] > 0 && label[v] < n) {
                fifo[(head + size++) % n] = v;
                inQueue[v] = true;
            }
        }
        long work = 0;
        // as in Cherkassky and Goldberg's implementation, a global relabelling once the relabels have scanned a
        // multiple
        // of (6 × nodes + arcs) arc entries: half of it (methodology §4, "four times as often": the national flows took
        // 18.8–20.1 s at ½, 20.4 s at ¼ and 0.3, 20.7 s at 1, 22.2–22.9 s at 2, 23.5 s at 0.1, 32.7 s at 6)
        long relabelEvery = (6L * n + (added[n] / 2)) / 2;
        while (size > 0) {
            int u = fifo[head];
            head = (head + 1) % n;
            size--;
            inQueue[u] = false;
            // discharge u
            while (excess[u] > 0 && label[u] < n) {
                int e = iter[u];
                int end = start[u + 1], from2 = added[u], end2 = added[u + 1];
                int lu = label[u] - 1;
                for (; ; e++) {
                    if (e == end) e = from2; // the base run done: the added run (never before it: from2 >= end)
                    if (e == end2) break;
                    int v = to[e];
                    if (cap[e] > 0 && label[v] == lu) {
                        int f = Math.min(excess[u], cap[e]);
                        cap[e] -= f;
                        cap[rev[e]] += f;
                        excess[u] -= f;
                        if (v != 1) {
                            excess[v] += f;
                            if (!inQueue[v]) {
                                fifo[(head + size++) % n] = v;
                                inQueue[v] = true;
                            }
                        }
                        if (excess[u] == 0) break;
                    }
                }
                if (excess[u] == 0) {
                    iter[u] = e;
                    break;
                }
                // relabel: one more than the lowest neighbour reachable by a residual arc
                int lowest = n;
                for (int a = start[u]; a < end; a++) if (cap[a] > 0 && label[to[a]] < lowest) lowest = label[to[a]];
                for (int a = from2; a < end2; a++) if (cap[a] > 0 && label[to[a]] < lowest) lowest = label[to[a]];
                work += end - start[u] + end2 - from2 + 12;
                label[u] = Math.min(n, lowest + 1);
                iter[u] = start[u];
            }
            if (work > relabelEvery) {
                work = 0;
                globalRelabel();
                System.arraycopy(start, 0, iter, 0, n);
                head = 0;
                size = 0;
                java.util.Arrays.fill(inQueue, false);
                for (int v = 2; v < n; v++) {
                    if (excess[v] > 0 && label[v] < n) {
                        fifo[size++] = v;
                        inQueue[v] = true;
                    }
                }
            }
        }
    }

    /** Set by {@link #warmStart}: the next {@link #maxPreflow} starts from these labels, not a global relabelling. */
    private boolean warm;

    /**
     * Starts the next {@link #maxPreflow} from the labels the previous instance ended with ({@code previous}, over the
     * same nodes or fewer; a node added since starts as unable to reach the sink), made valid again over the added
     * runs: arc generation only adds arcs, and the base runs keep their residual capacities, so a label can only be too
     * high across a new arc. Such a label drops to one more than the arc's head, and the drop is carried backwards to
     * the nodes whose residual arcs lead into it (label-correcting, unit lengths) until every residual arc u → v has
     * {@code label[u] <= label[v] + 1} again. Push-relabel is correct from any valid labelling (a label is then a lower
     * bound on the distance to the sink, so {@code nodes} still means "cannot reach it"); the global relabelling it
     * saves costs a pass over every arc of the graph (on the national run, about 80 % of the time of the flows after
     * the first, which add a few hundred arcs each).
     */
    void warmStart(int[] previous, int previousNodes) {
        int n = nodes;
        for (int v = 0; v < n; v++) label[v] = v < previous.length && previous[v] < previousNodes ? previous[v] : n;
        label[0] = n;
        label[1] = 0;
        int[] q = bfs;
        boolean[] queued = new boolean[n];
        int head = 0, size = 0;
        for (int u = 2; u < n; u++) {
            for (int e = added[u], end = added[u + 1]; e < end; e++) {
                if (cap[e] > 0 && label[u] > label[to[e]] + 1) label[u] = label[to[e]] + 1;
            }
            if (label[u] < n && (u >= previous.length || label[u] < previous[u]) && !queued[u]) {
                q[(head + size++) % n] = u;
                queued[u] = true;
            }
        }
        while (size > 0) {
            int v = q[head];
            head = (head + 1) % n;
            size--;
            queued[v] = false;
            int next = label[v] + 1;
            for (int e = start[v], end = start[v + 1]; ; e++) {
                if (e == end) e = added[v];
                if (e == added[v + 1]) break;
                int u = to[e];
                // residual arc u → v is the twin of e
                if (u > 1 && label[u] > next && cap[rev[e]] > 0) {
                    label[u] = next;
                    if (!queued[u]) {
                        q[(head + size++) % n] = u;
                        queued[u] = true;
                    }
                }
            }
        }
        warm = true;
    }

    /** The labels as they stand (after a {@link #maxPreflow}: valid), for {@link #warmStart}. */
    int[] labels() {
        return label;
    }

    /** Exact distances to the sink in the residual graph (breadth-first search backwards); {@code nodes} if none. */
    private void globalRelabel() {
        int n = nodes;
        int[] q = bfs;
        Arrays.fill(label, n);
        label[1] = 0;
        int head = 0, tail = 0;
        q[tail++] = 1;
        while (head < tail) {
            int v = q[head++];
            int next = label[v] + 1;
            for (int e = start[v], end = start[v + 1]; ; e++) {
                if (e == end) e = added[v];
                if (e == added[v + 1]) break;
                int u = to[e];
                // residual arc u → v is the twin of e
                if (u != 0 && label[u] == n && cap[rev[e]] > 0) {
                    label[u] = next;
                    q[tail++] = u;
                }
            }
        }
    }

    /**
     * The source side of a minimum cut once the preflow is maximum: every node the source or a node holding excess
     * reaches in the residual graph. Arcs leaving it are saturated, arcs entering it carry no flow and no excess lies
     * outside it, so its capacity is exactly the flow at the sink.
     */
    boolean[] sourceSide(int[] excess) {
        boolean[] seen = new boolean[nodes];
        int head = 0, tail = 0;
        queue[tail++] = 0;
        seen[0] = true;
        for (int v = 2; v < nodes; v++) {
            if (excess[v] > 0) {
                seen[v] = true;
                queue[tail++] = v;
            }
        }
        while (head < tail) {
            int u = queue[head++];
            for (int e = start[u], end = start[u + 1]; ; e++) {
                if (e == end) e = added[u];
                if (e == added[u + 1]) break;
                if (cap[e] > 0 && !seen[to[e]]) {
                    seen[to[e]] = true;
                    queue[tail++] = to[e];
                }
            }
        }
        return seen;
    }
}
