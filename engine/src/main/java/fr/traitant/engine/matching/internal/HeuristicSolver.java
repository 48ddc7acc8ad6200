package fr.traitant.engine.matching.internal;

import fr.traitant.engine.matching.ProgressListener;
import java.util.Arrays;
import java.util.PriorityQueue;
import org.jspecify.annotations.Nullable;

/**
 * Constructive heuristic with repair and local search, for components too large for the exact
 * solver (and as its first incumbent):
 *
 * <ol>
 *   <li>greedy: households in order (priority, waiting since, id) take their nearest doctor with room;
 *   <li>repair: each unserved household, in the same order, is inserted by an ejection chain
 *       (breadth-first over doctors: move a member of a full doctor to another doctor, and so on),
 *       or else by evicting households of strictly lower priority from one doctor (each eviction
 *       strictly improves the lexicographic objective, so repair terminates); evicted households
 *       are queued again;
 *   <li>polish: relocations to nearer doctors with room and pairwise swaps that lower person-minutes.
 * </ol>
 * Deterministic: every loop runs in a fixed order.
 */
public final class HeuristicSolver {

    private final MatchState st;
    private final ProblemIndex p;
    private final int[] visited;
    private int stamp;
    private int[] nodeDoctor = new int[64], nodeMover = new int[64], nodeSlot = new int[64], nodeParent = new int[64];
    /** Pairs (household, slot before the change) of every change, when recording. */
    private @Nullable IntList touched;

    private final int chainNodes;
    private final int chainWork;

    public HeuristicSolver(MatchState st, int chainNodes, int chainWork) {
        this.st = st;
        this.p = st.p;
        this.visited = new int[p.doctorCount()];
        this.chainNodes = chainNodes;
        this.chainWork = chainWork;
    }

    /** Starts recording changes as (household, previous slot) pairs; null stops. */
    public void record(@Nullable IntList into) {
        touched = into;
    }

    private void doAssign(int h, int s) {
        if (touched != null) {
            touched.add(h);
            touched.add(st.slot[h]);
        }
        st.assign(h, s);
    }

    private void doUnassign(int h) {
        if (touched != null) {
            touched.add(h);
            touched.add(st.slot[h]);
        }
        st.unassign(h);
    }

    /** Full run over every household of the state. */
    public void solve(ProgressListener progress) {
        int nh = p.householdCount();
        long step = Math.max(1, nh / 50);
        for (int r = 0; r < nh; r++) {
            int h = p.order[r];
            if (st.slot[h] < 0) {
                int s = st.bestFreeSlot(h);
                if (s >= 0) doAssign(h, s);
            }
            if (r % step == 0) progress.onProgress("greedy", r, nh);
        }
        progress.onProgress("greedy", nh, nh);
        repairAll(progress, true);
        polish(2, progress);
        // places moved by polishing: direct insertions only (chains already failed for these households)
        for (int r = 0; r < nh; r++) {
            int h = p.order[r];
            if (st.slot[h] < 0) {
                int s = st.bestFreeSlot(h);
                if (s >= 0) doAssign(h, s);
            }
        }
    }

    /** Tries to serve every unserved household, in rank order. */
    public void repairAll(ProgressListener progress, boolean evict) {
        PriorityQueue<Integer> queue = new PriorityQueue<>((a, b) -> Integer.compare(p.rank[a], p.rank[b]));
        for (int r = 0; r < p.order.length; r++) {
            int h = p.order[r];
            if (st.slot[h] < 0 && p.slotStart[h + 1] > p.slotStart[h]) queue.add(h);
        }
        long total = queue.size(), done = 0, step = Math.max(1, total / 50);
        while (!queue.isEmpty()) {
            int h = queue.poll();
            if (st.slot[h] >= 0) continue;
            insert(h, evict, queue);
            if (++done % step == 0) progress.onProgress("repair", Math.min(done, total), total);
        }
        progress.onProgress("repair", total, total);
    }

    /**
     * Tries to serve h: nearest doctor with room, else an ejection chain, else (if allowed) evicting
     * lower-priority households, which are then added to {@code evicted} when not null.
     */
    public boolean insert(int h, boolean evict, @Nullable PriorityQueue<Integer> evicted) {
        int s = st.bestFreeSlot(h);
        if (s >= 0) {
            doAssign(h, s);
            return true;
        }
        if (chain(h)) return true;
        return evict && evict(h, evicted);
    }

    private void ensureNodes(int n) {
        if (n < nodeDoctor.length) return;
        int len = nodeDoctor.length * 2;
        nodeDoctor = Arrays.copyOf(nodeDoctor, len);
        nodeMover = Arrays.copyOf(nodeMover, len);
        nodeSlot = Arrays.copyOf(nodeSlot, len);
        nodeParent = Arrays.copyOf(nodeParent, len);
    }

    /** Breadth-first ejection chain; true when h got served. */
    boolean chain(int h) {
        if (chainNodes <= 0) return false;
        stamp++;
        int n = 0;
        for (int s = p.slotStart[h]; s < p.slotStart[h + 1] && n < chainNodes; s++) {
            if (st.forbidden[s]) continue;
            int d = p.slotDoctor[s];
            if (visited[d] == stamp) continue;
            visited[d] = stamp;
            ensureNodes(n);
            nodeDoctor[n] = d;
            nodeMover[n] = h;
            nodeSlot[n] = s;
            nodeParent[n] = -1;
            n++;
        }
        int work = 0;
        for (int head = 0; head < n && work < chainWork; head++) {
            int d = nodeDoctor[head];
            int shortage = p.size[nodeMover[head]] - st.remaining[d];
            int mc = st.memberCount(d);
            for (int i = 0; i < mc; i++) {
                int m = st.member(d, i);
                if (p.size[m] < shortage) continue;
                for (int s2 = p.slotStart[m]; s2 < p.slotStart[m + 1]; s2++) {
                    work++;
                    if (st.forbidden[s2]) continue;
                    int d2 = p.slotDoctor[s2];
                    if (d2 == d || visited[d2] == stamp) continue;
                    if (st.remaining[d2] >= p.size[m]) {
                        doUnassign(m);
                        doAssign(m, s2);
                        for (int k = head; k >= 0; k = nodeParent[k]) {
                            int mover = nodeMover[k];
                            doUnassign(mover);
                            doAssign(mover, nodeSlot[k]);
                        }
                        return true;
                    }
                    if (n < chainNodes) {
                        visited[d2] = stamp;
                        ensureNodes(n);
                        nodeDoctor[n] = d2;
                        nodeMover[n] = m;
                        nodeSlot[n] = s2;
                        nodeParent[n] = head;
                        n++;
                    }
                }
            }
        }
        return false;
    }

    /** Serves h by evicting strictly lower-priority households from the doctor where that costs least. */
    boolean evict(int h, @Nullable PriorityQueue<Integer> evicted) {
        int prio = p.priority[h];
        if (prio == 5) return false;
        long[] bestLoss = null;
        int bestSlot = -1;
        int[] bestSet = null;
        int[] buf = new int[16];
        for (int s = p.slotStart[h]; s < p.slotStart[h + 1]; s++) {
            if (st.forbidden[s]) continue;
            int d = p.slotDoctor[s];
            int shortage = p.size[h] - st.remaining[d];
            int mc = st.memberCount(d);
            int k = 0;
            for (int i = 0; i < mc; i++) {
                int m = st.member(d, i);
                if (p.priority[m] > prio) {
                    if (k == buf.length) buf = Arrays.copyOf(buf, k * 2);
                    buf[k++] = m;
                }
            }
            // lowest priority first, then smallest, then highest rank (last in order) first
            Integer[] cand = new Integer[k];
            for (int i = 0; i < k; i++) cand[i] = buf[i];
            Arrays.sort(
                    cand,
                    (a, b) -> p.priority[a] != p.priority[b]
                            ? Integer.compare(p.priority[b], p.priority[a])
                            : p.size[a] != p.size[b]
                                    ? Integer.compare(p.size[a], p.size[b])
                                    : Integer.compare(p.rank[b], p.rank[a]));
            int freed = 0, taken = 0;
            while (taken < k && freed < shortage) freed += p.size[cand[taken++]];
            if (freed < shortage) continue;
            boolean[] drop = new boolean[taken];
            // drop unnecessary evictions, highest priority first
            for (int i = taken - 1; i >= 0; i--) {
                if (freed - p.size[cand[i]] >= shortage) {
                    freed -= p.size[cand[i]];
                    drop[i] = true;
                }
            }
            long[] loss = new long[5];
            int cnt = 0;
            for (int i = 0; i < taken; i++)
                if (!drop[i]) {
                    loss[p.priority[cand[i]] - 1] += p.size[cand[i]];
                    cnt++;
                }
            if (bestLoss == null || lossLess(loss, bestLoss)) {
                bestLoss = loss;
                bestSlot = s;
                bestSet = new int[cnt];
                int j = 0;
                for (int i = 0; i < taken; i++) if (!drop[i]) bestSet[j++] = cand[i];
            }
        }
        if (bestSlot < 0 || bestSet == null) return false; // both set together
        for (int m : bestSet) {
            doUnassign(m);
            if (evicted != null) evicted.add(m);
        }
        doAssign(h, bestSlot);
        return true;
    }

    private static boolean lossLess(long[] a, long[] b) {
        for (int i = 0; i < 5; i++) if (a[i] != b[i]) return a[i] < b[i];
        return false;
    }

    /**
     * Local search lowering person-minutes: relocations and swaps, at most {@code passes} sweeps in rank order. After the
     * first sweep only the households a move may have helped are tried again: the members of the two doctors it changed
     * and the households having one of them in their row (whatever {@link #improveOne} reads of any other household is
     * unchanged, so it would find nothing again): the same moves as full sweeps, in the same order.
     */
    public void polish(int passes, ProgressListener progress) {
        int nh = p.householdCount();
        boolean[] dirty = new boolean[nh];
        Arrays.fill(dirty, true);
        for (int pass = 0; pass < passes; pass++) {
            boolean improved = false;
            for (int r = 0; r < nh; r++) {
                int h = p.order[r];
                if (!dirty[h]) continue;
                dirty[h] = false;
                int before = st.slot[h] >= 0 ? p.slotDoctor[st.slot[h]] : -1;
                if (improveOne(h)) {
                    improved = true;
                    markAround(before, dirty);
                    markAround(p.slotDoctor[st.slot[h]], dirty);
                }
            }
            progress.onProgress("polish", pass + 1, passes);
            if (!improved) break;
        }
    }

    private void markAround(int d, boolean[] dirty) {
        int mc = st.memberCount(d);
        for (int i = 0; i < mc; i++) dirty[st.member(d, i)] = true;
        int[][] reverse = p.reverse();
        for (int i = reverse[0][d]; i < reverse[0][d + 1]; i++) dirty[reverse[1][i]] = true;
    }

    /** Tries one improving relocation or swap for h. */
    public boolean improveOne(int h) {
        int sc = st.slot[h];
        if (sc < 0) return false;
        int dc = p.slotDoctor[sc];
        int sh = p.size[h];
        for (int s = p.slotStart[h]; s < sc; s++) {
            if (st.forbidden[s] || p.slotCm[s] >= p.slotCm[sc]) continue;
            int d = p.slotDoctor[s];
            if (st.remaining[d] >= sh) {
                doUnassign(h);
                doAssign(h, s);
                return true;
            }
            long gainH = (long) sh * (p.slotCm[sc] - p.slotCm[s]);
            int mc = st.memberCount(d);
            for (int i = 0; i < mc; i++) {
                int m = st.member(d, i);
                int sm = p.size[m];
                if (st.remaining[dc] + sh < sm || st.remaining[d] + sm < sh) continue;
                int smd = p.slotOf(m, dc);
                if (smd < 0 || st.forbidden[smd]) continue;
                long lossM = (long) sm * (p.slotCm[smd] - p.slotCm[st.slot[m]]);
                if (lossM < gainH) {
                    doUnassign(h);
                    doUnassign(m);
                    doAssign(h, s);
                    doAssign(m, smd);
                    return true;
                }
            }
        }
        return false;
    }

    /** Growable int list. */
    public static final class IntList {
        public int[] a = new int[16];
        public int n;

        public void add(int v) {
            if (n == a.length) a = Arrays.copyOf(a, n * 2);
            a[n++] = v;
        }
    }
}
