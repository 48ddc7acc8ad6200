/**
 * Choosing whom to write to in a recruitment campaign for the médecins solidaires network.
 *
 * <p>A {@link fr.traitant.engine.campaign.TargetingProblem} holds candidate doctors (probability of
 * signing, places they would take), places of demand (people needing a doctor) and the pairs within
 * reach. The value of a selection is the largest fractional flow of expected places (probability ×
 * places) from the selected doctors to the demand within reach ({@link
 * fr.traitant.engine.campaign.CoverageFlow}). {@link fr.traitant.engine.campaign.TargetingOptimiser}
 * selects at most a budget of doctors maximising it: lazy greedy, then a mixed-integer programme
 * (SCIP) warm-started from it that closes the gap or proves an upper bound. See
 * {@code docs/methodology/campaigns.md}.
 */
@org.jspecify.annotations.NullMarked
package fr.traitant.engine.campaign;
