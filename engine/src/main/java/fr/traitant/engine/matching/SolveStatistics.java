package fr.traitant.engine.matching;

/**
 * How a solve went.
 *
 * @param households households in the problem
 * @param doctors doctors in the problem
 * @param eligiblePairs (household, doctor) pairs kept as candidates
 * @param components connected components of the eligibility graph with at least one household with a candidate
 * @param exactComponents components given to branch-and-bound
 * @param provenOptimalComponents of those, components where it finished (optimum proven)
 * @param heuristicHouseholds households in components solved by the heuristic only (too large, or budget/overflow)
 * @param candidateLimit effective per-household candidate limit (Integer.MAX_VALUE = none)
 * @param orToolsComponents of the exact components, those the branch-and-bound did not prove optimal and that were
 *     handed to OR-Tools (SCIP, then CP-SAT for any stage SCIP did not prove); proven optimal when also counted in
 *     provenOptimalComponents
 * @param tieBreakProvenComponents exact components whose tie-break stages (longest waiting, then id) were proven optimal
 * @param certificate people served and proven bound per class
 */
public record SolveStatistics(
        int households,
        int doctors,
        long eligiblePairs,
        int components,
        int exactComponents,
        int provenOptimalComponents,
        int heuristicHouseholds,
        int candidateLimit,
        int orToolsComponents,
        int tieBreakProvenComponents,
        Certificate certificate) {

    /**
     * True when the result is proven optimal for the whole problem: every class served up to its bound and the
     * person-minutes proven minimal.
     */
    public boolean provenOptimal() {
        return certificate.proven();
    }
}
