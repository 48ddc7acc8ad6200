package fr.traitant.engine.campaign;

import java.util.Arrays;
import java.util.Collection;

/**
 * The largest fractional flow of expected places from a selection of candidates to the demand
 * within their reach: each selected candidate supplies at most its expected places, each zone
 * absorbs at most its people, a candidate sends only to zones within reach.
 *
 * <p>Built incrementally: {@link #add} pushes as much as possible from one more candidate along
 * augmenting paths (which may move flow already placed from other candidates to other zones). After
 * each {@code add} the flow is maximum for the candidates added so far: in the residual network of a
 * maximum flow every augmenting path created by a new source starts at that source, so augmenting
 * from it alone is enough. {@link #gain} does the same and undoes it.
 */
public final class CoverageFlow {

    /** Flows below this are treated as zero (the inputs are counts and probabilities). */
    static final double EPSILON = 1e-9;

    private final TargetingProblem problem;
    private final double[] pairFlow;
    private final double[] zoneFlow;
    private final boolean[] added;
    private double value;

    // breadth-first search state, reused
    private final int[] zoneParentPair;
    private final int[] candidateParentPair;
    private final int[] zoneMark;
    private final int[] candidateMark;
    private final int[] queue;
    private int round;

    // undo log of the last gain(): pair and zone indices with their previous flow
    private int[] logPair = new int[64];
    private double[] logPairFlow = new double[64];
    private int logSize;
    private int[] logZone = new int[64];
    private double[] logZoneFlow = new double[64];
    private int logZoneSize;
    private boolean logging;

    public CoverageFlow(TargetingProblem problem) {
        this.problem = problem;
        pairFlow = new double[problem.pairCount()];
        zoneFlow = new double[problem.zones.size()];
        added = new boolean[problem.candidates.size()];
        zoneParentPair = new int[problem.zones.size()];
        candidateParentPair = new int[problem.candidates.size()];
        zoneMark = new int[problem.zones.size()];
        candidateMark = new int[problem.candidates.size()];
        queue = new int[problem.zones.size() + problem.candidates.size()];
    }

    /** The value of a whole selection, computed from scratch. */
    public static double valueOf(TargetingProblem problem, Collection<String> selection) {
        CoverageFlow flow = new CoverageFlow(problem);
        for (String id : selection) flow.add(problem.candidateIndex(id));
        return flow.value();
    }

    /** Expected people covered by the candidates added so far. */
    public double value() {
        return value;
    }

    /** Adds candidate {@code c} and returns how much the value grew. */
    public double add(int c) {
        if (added[c]) return 0;
        added[c] = true;
        double gain = augmentFrom(c);
        value += gain;
        return gain;
    }

    /** How much adding candidate {@code c} would add, leaving the flow as it is. */
    public double gain(int c) {
        if (added[c]) return 0;
        logging = true;
        logSize = 0;
        logZoneSize = 0;
        double gain = augmentFrom(c);
        logging = false;
        for (int i = logSize - 1; i >= 0; i--) pairFlow[logPair[i]] = logPairFlow[i];
        for (int i = logZoneSize - 1; i >= 0; i--) zoneFlow[logZone[i]] = logZoneFlow[i];
        return gain;
    }

    /** People covered at each zone, in the order of {@link TargetingProblem#zones()}. */
    public double[] zoneCoverage() {
        return Arrays.copyOf(zoneFlow, zoneFlow.length);
    }

    /** Flow on each eligible pair (for reports), by pair index. */
    double[] pairFlows() {
        return Arrays.copyOf(pairFlow, pairFlow.length);
    }

    /** Augments from candidate c (its flow out is zero) until its supply is used or no path is left. */
    private double augmentFrom(int c) {
        double budget = problem.supply[c];
        double sent = 0;
        while (budget - sent > EPSILON) {
            double pushed = augmentOnce(c, budget - sent);
            if (pushed <= EPSILON) break;
            sent += pushed;
        }
        return sent;
    }

    /**
     * One shortest augmenting path from c: c → zone, then either zone → sink (room left) or zone →
     * another candidate (against flow it sends there) → another zone…
     */
    private double augmentOnce(int c, double budget) {
        TargetingProblem p = problem;
        round++;
        int head = 0, tail = 0;
        candidateMark[c] = round;
        candidateParentPair[c] = -1;
        queue[tail++] = c; // candidates as themselves, zones as ~z
        int endZone = -1;
        search:
        while (head < tail) {
            int node = queue[head++];
            if (node >= 0) {
                for (int q = p.pairStart[node]; q < p.pairStart[node + 1]; q++) {
                    int z = p.pairZone[q];
                    if (zoneMark[z] == round) continue;
                    zoneMark[z] = round;
                    zoneParentPair[z] = q;
                    if (p.demand[z] - zoneFlow[z] > EPSILON) {
                        endZone = z;
                        break search;
                    }
                    queue[tail++] = ~z;
                }
            } else {
                int z = ~node;
                for (int k = p.zoneStart[z]; k < p.zoneStart[z + 1]; k++) {
                    int q = p.zonePairs[k];
                    int other = p.pairCandidate[q];
                    if (candidateMark[other] == round || pairFlow[q] <= EPSILON) continue;
                    candidateMark[other] = round;
                    candidateParentPair[other] = q;
                    queue[tail++] = other;
                }
            }
        }
        if (endZone < 0) return 0;
        // bottleneck: the budget, the room at the end zone, the flow of every pair walked against
        double delta = Math.min(budget, p.demand[endZone] - zoneFlow[endZone]);
        for (int z = endZone; ; ) {
            int q = zoneParentPair[z];
            int from = p.pairCandidate[q];
            if (from == c) break;
            int back = candidateParentPair[from];
            delta = Math.min(delta, pairFlow[back]);
            z = p.pairZone[back];
        }
        setZone(endZone, zoneFlow[endZone] + delta);
        for (int z = endZone; ; ) {
            int q = zoneParentPair[z];
            setPair(q, pairFlow[q] + delta);
            int from = p.pairCandidate[q];
            if (from == c) break;
            int back = candidateParentPair[from];
            setPair(back, pairFlow[back] - delta);
            z = p.pairZone[back];
        }
        return delta;
    }

    private void setPair(int q, double flow) {
        if (logging) {
            if (logSize == logPair.length) {
                logPair = Arrays.copyOf(logPair, logSize * 2);
                logPairFlow = Arrays.copyOf(logPairFlow, logSize * 2);
            }
            logPair[logSize] = q;
            logPairFlow[logSize++] = pairFlow[q];
        }
        pairFlow[q] = flow;
    }

    private void setZone(int z, double flow) {
        if (logging) {
            if (logZoneSize == logZone.length) {
                logZone = Arrays.copyOf(logZone, logZoneSize * 2);
                logZoneFlow = Arrays.copyOf(logZoneFlow, logZoneSize * 2);
            }
            logZone[logZoneSize] = z;
            logZoneFlow[logZoneSize++] = zoneFlow[z];
        }
        zoneFlow[z] = flow;
    }
}
