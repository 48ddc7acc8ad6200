package fr.traitant.engine.matching;

import java.util.Objects;

/**
 * Tuning of the matcher. {@link #DEFAULT} suits both a 200-household zone (solved exactly) and
 * the national instance.
 *
 * @param candidateLimit how many eligible doctors (nearest first) are kept per household; 0 means
 *     automatic: every eligible doctor when there are at most 2,000 households and households × doctors ≤ 25 million,
 *     else the 32 nearest.
 *     A limit makes the result a heuristic even in small components.
 * @param exactComponentLimit connected components (of the household–doctor eligibility graph) with
 *     at most this many households are solved by branch-and-bound; larger ones heuristically
 * @param exactWorkBudget work units (arc relaxations) the pure-Java branch-and-bound may spend per component
 *     before it stops with the best solution found and hands it to CP-SAT as a hint; deterministic, unlike a
 *     time limit. When CP-SAT is disabled or its native library cannot be loaded, 50 times this budget is
 *     spent instead and the component may end not proven optimal
 * @param progress progress reports
 * @param cpSatDeterministicTime limit of the OR-Tools stage per lexicographic stage and component, for
 *     components the branch-and-bound did not prove optimal (SCIP: 5,000 branch-and-bound nodes per unit;
 *     CP-SAT: this many deterministic time units, about a second of single-core work each but independent of
 *     the load) and for the tie-break stage (CP-SAT); 0 disables OR-Tools
 * @param tieBreak whether exact components also get the tie-break stages (longest waiting, then id)
 * @param windowsPerHousehold fix-and-optimise after the heuristic on components above the exact limit (and of at
 *     most 5,000 households): at most
 *     this many windows (neighbouring doctors, re-solved exactly, everything else fixed) per household of the
 *     component; 0 = off
 * @param networkPreferenceMinutes "network doctors first" for transferred families ({@link Household#prefersNetwork()}):
 *     a trip to a doctor outside the network counts this many minutes more in the person-minutes objective and in
 *     the nearest-first order; the travel limit stays on the real minutes (ADR 0050). 10 by default
 */
public record MatchingOptions(
        int candidateLimit,
        int exactComponentLimit,
        long exactWorkBudget,
        ProgressListener progress,
        double cpSatDeterministicTime,
        boolean tieBreak,
        double windowsPerHousehold,
        double networkPreferenceMinutes) {

    /**
     * Automatic candidate limit, exact up to 400 households per component, 2·10⁷ branch-and-bound
     * work units then CP-SAT with 10 deterministic-time units per stage, tie-break on.
     */
    /** Minutes a transferred family's trip to a doctor outside the network counts more, by default. */
    public static final double DEFAULT_NETWORK_PREFERENCE = 10.0;

    public static final MatchingOptions DEFAULT =
            new MatchingOptions(0, 400, 20_000_000L, ProgressListener.NONE, 10.0, true, 0, 10.0);

    public MatchingOptions {
        if (candidateLimit < 0) throw new IllegalArgumentException("candidateLimit must be >= 0");
        if (exactComponentLimit < 0) throw new IllegalArgumentException("exactComponentLimit must be >= 0");
        if (exactWorkBudget < 0) throw new IllegalArgumentException("exactWorkBudget must be >= 0");
        if (!(cpSatDeterministicTime >= 0)) throw new IllegalArgumentException("cpSatDeterministicTime must be >= 0");
        if (!(windowsPerHousehold >= 0)) throw new IllegalArgumentException("windowsPerHousehold must be >= 0");
        if (!(networkPreferenceMinutes >= 0 && networkPreferenceMinutes <= 600)) {
            throw new IllegalArgumentException("networkPreferenceMinutes must be within [0, 600]");
        }
        Objects.requireNonNull(progress, "progress");
    }

    /** No fix-and-optimise windows above the exact limit. */
    public MatchingOptions(
            int candidateLimit,
            int exactComponentLimit,
            long exactWorkBudget,
            ProgressListener progress,
            double cpSatDeterministicTime,
            boolean tieBreak) {
        this(
                candidateLimit,
                exactComponentLimit,
                exactWorkBudget,
                progress,
                cpSatDeterministicTime,
                tieBreak,
                0,
                DEFAULT_NETWORK_PREFERENCE);
    }

    /** Default CP-SAT stage limit and tie-break. */
    public MatchingOptions(
            int candidateLimit, int exactComponentLimit, long exactWorkBudget, ProgressListener progress) {
        this(candidateLimit, exactComponentLimit, exactWorkBudget, progress, 10.0, true, 0, DEFAULT_NETWORK_PREFERENCE);
    }

    public MatchingOptions withProgress(ProgressListener listener) {
        return new MatchingOptions(
                candidateLimit,
                exactComponentLimit,
                exactWorkBudget,
                listener,
                cpSatDeterministicTime,
                tieBreak,
                windowsPerHousehold,
                networkPreferenceMinutes);
    }

    public MatchingOptions withCandidateLimit(int limit) {
        return new MatchingOptions(
                limit,
                exactComponentLimit,
                exactWorkBudget,
                progress,
                cpSatDeterministicTime,
                tieBreak,
                windowsPerHousehold,
                networkPreferenceMinutes);
    }

    public MatchingOptions withExactComponentLimit(int limit) {
        return new MatchingOptions(
                candidateLimit,
                limit,
                exactWorkBudget,
                progress,
                cpSatDeterministicTime,
                tieBreak,
                windowsPerHousehold,
                networkPreferenceMinutes);
    }

    public MatchingOptions withExactWorkBudget(long budget) {
        return new MatchingOptions(
                candidateLimit,
                exactComponentLimit,
                budget,
                progress,
                cpSatDeterministicTime,
                tieBreak,
                windowsPerHousehold,
                networkPreferenceMinutes);
    }

    /** CP-SAT stage limit (0 = pure Java only). */
    public MatchingOptions withCpSatDeterministicTime(double limit) {
        return new MatchingOptions(
                candidateLimit,
                exactComponentLimit,
                exactWorkBudget,
                progress,
                limit,
                tieBreak,
                windowsPerHousehold,
                networkPreferenceMinutes);
    }

    public MatchingOptions withTieBreak(boolean on) {
        return new MatchingOptions(
                candidateLimit,
                exactComponentLimit,
                exactWorkBudget,
                progress,
                cpSatDeterministicTime,
                on,
                windowsPerHousehold,
                networkPreferenceMinutes);
    }

    /** Fix-and-optimise windows per household above the exact limit (0 = off). */
    public MatchingOptions withWindowsPerHousehold(double windows) {
        return new MatchingOptions(
                candidateLimit,
                exactComponentLimit,
                exactWorkBudget,
                progress,
                cpSatDeterministicTime,
                tieBreak,
                windows,
                networkPreferenceMinutes);
    }

    /** Minutes added to a transferred family's trip to a doctor outside the network (0 = no preference). */
    public MatchingOptions withNetworkPreferenceMinutes(double minutes) {
        return new MatchingOptions(
                candidateLimit,
                exactComponentLimit,
                exactWorkBudget,
                progress,
                cpSatDeterministicTime,
                tieBreak,
                windowsPerHousehold,
                minutes);
    }
}
