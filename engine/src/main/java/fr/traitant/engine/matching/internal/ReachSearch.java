package fr.traitant.engine.matching.internal;

import java.util.Arrays;
import java.util.function.IntFunction;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;

/**
 * The search of {@link FlowBound}'s arc generation, on every core: for each household, the eligible doctors within its
 * reach that its graph does not hold yet. It only reads (the grid, the eligibility test, the arrays given), one list
 * per household; the caller adds the arcs in household order, so the graph is the same whatever the threads do.
 */
final class ReachSearch {

    private ReachSearch() {}

    /**
     * @param households global household indexes
     * @param known for the x-th household, the doctors its graph already holds (or that are forbidden), sorted
     * @param onSourceSide doctors on the source side of the current cut: an arc to one of them does not cross the cut
     * @param skipped set to true for the x-th household when it had an eligible doctor on the source side
     * @return for the x-th household, the eligible doctors within reach to add, in the order the reach search met them
     */
    static int[][] newDoctors(
            ProblemIndex p, int[] households, IntFunction<int[]> known, IntPredicate onSourceSide, boolean[] skipped) {
        int[][] found = new int[households.length][];
        IntStream.range(0, households.length).parallel().forEach(x -> {
            int h = households[x];
            int[] held = known.apply(x);
            HeuristicSolver.IntList take = new HeuristicSolver.IntList();
            p.forEachDoctorWithinReach(h, d -> {
                if (Arrays.binarySearch(held, d) >= 0 || !p.eligiblePair(h, d)) return;
                if (onSourceSide.test(d)) {
                    // not a cut arc now, but it may become one once the flow changes
                    skipped[x] = true;
                    return;
                }
                take.add(d);
            });
            found[x] = Arrays.copyOf(take.a, take.n);
        });
        return found;
    }
}
