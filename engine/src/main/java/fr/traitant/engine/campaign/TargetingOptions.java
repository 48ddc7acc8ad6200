package fr.traitant.engine.campaign;

/**
 * @param budget at most this many doctors are selected (letters to send)
 * @param exactCandidateLimit up to this many useful candidates the selection is improved and bounded
 *     by a mixed-integer programme; above, greedy with its bound only
 * @param mipNodeLimit nodes of the mixed-integer programme's search (a work limit, not a clock, so
 *     that results are reproducible)
 */
public record TargetingOptions(int budget, int exactCandidateLimit, long mipNodeLimit) {

    public TargetingOptions {
        if (budget < 0) throw new IllegalArgumentException("budget must be ≥ 0: " + budget);
    }

    /** Default limits for a budget: exact stage up to 1,000 useful candidates, 5,000 nodes. */
    public static TargetingOptions budget(int budget) {
        return new TargetingOptions(budget, 1_000, 5_000);
    }
}
