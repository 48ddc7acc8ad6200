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
 * @param exactWorkBudget work units (arc relaxations) the branch-and-bound may spend per component
 *     before it stops with the best solution found (then not proven optimal); deterministic, unlike a time limit
 * @param progress progress reports
 */
public record MatchingOptions(int candidateLimit, int exactComponentLimit, long exactWorkBudget, ProgressListener progress) {

    /** Automatic candidate limit, exact up to 400 households per component, 10⁹ work units (a few seconds at most). */
    public static final MatchingOptions DEFAULT = new MatchingOptions(0, 400, 1_000_000_000L, ProgressListener.NONE);

    public MatchingOptions {
        if (candidateLimit < 0) throw new IllegalArgumentException("candidateLimit must be >= 0");
        if (exactComponentLimit < 0) throw new IllegalArgumentException("exactComponentLimit must be >= 0");
        if (exactWorkBudget < 0) throw new IllegalArgumentException("exactWorkBudget must be >= 0");
        Objects.requireNonNull(progress, "progress");
    }

    public MatchingOptions withProgress(ProgressListener listener) {
        return new MatchingOptions(candidateLimit, exactComponentLimit, exactWorkBudget, listener);
    }

    public MatchingOptions withCandidateLimit(int limit) {
        return new MatchingOptions(limit, exactComponentLimit, exactWorkBudget, progress);
    }

    public MatchingOptions withExactComponentLimit(int limit) {
        return new MatchingOptions(candidateLimit, limit, exactWorkBudget, progress);
    }

    public MatchingOptions withExactWorkBudget(long budget) {
        return new MatchingOptions(candidateLimit, exactComponentLimit, budget, progress);
    }
}
