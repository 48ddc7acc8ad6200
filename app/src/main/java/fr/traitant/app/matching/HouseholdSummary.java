package fr.traitant.app.matching;

import java.util.List;

/**
 * What a doctor sees of a household proposed to them — the minimum needed to decide (no name, no NIR, no ALD group):
 *
 * @param people          people needing the doctor
 * @param ageBands        e.g. "2 de 16 à 59 ans", "1 de 3 à 15 ans"
 * @param longTermCondition someone in the household has a long-term condition (ALD), yes or no
 * @param needs           e.g. "enfants (suivi pédiatrique)", "cabinet accessible en fauteuil roulant"
 * @param commune         commune where the household lives (or arrives, for a transfer)
 * @param priority        priority class on the waiting list, 1 (most urgent) to 5
 * @param priorityReasons why that class (as computed by the priority policy)
 * @param minutes         estimated road travel time to the doctor's practice, if known
 * @param transferred     a military family arriving on transfer
 */
public record HouseholdSummary(
        int people,
        List<String> ageBands,
        boolean longTermCondition,
        List<String> needs,
        String commune,
        Integer priority,
        String priorityReasons,
        Double minutes,
        boolean transferred) {
    public HouseholdSummary {
        ageBands = List.copyOf(ageBands);
        needs = List.copyOf(needs);
    }
}
