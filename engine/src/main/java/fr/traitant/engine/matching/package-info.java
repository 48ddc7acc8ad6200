/**
 * Territory-wide matching of households to doctors (médecin traitant).
 *
 * <p>Entry point: {@link fr.traitant.engine.matching.Matcher#solve}. It returns a
 * {@link fr.traitant.engine.matching.MatchingSession} holding the optimal (or, for very large
 * connected components, near-optimal) assignment, which can produce a
 * {@link fr.traitant.engine.matching.MatchingResult} (proposals, explanations, unserved households,
 * shortlists) and be re-matched incrementally after a doctor declines or a household refuses.
 *
 * <p>Objective, lexicographic: people served of priority 1, then 2, … 5; then least total
 * person-minutes; ties settled in favour of the households waiting longest, then by id.
 * See {@code docs/methodology/matching.md}.
 *
 * <p>Deterministic: the same households, doctors, travel-time model and options give the same
 * result, whatever the order of the input lists and the number of threads.
 */
@org.jspecify.annotations.NullMarked
package fr.traitant.engine.matching;
