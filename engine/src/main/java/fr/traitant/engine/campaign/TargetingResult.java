package fr.traitant.engine.campaign;

import java.util.List;

/**
 * The doctors to write to and what they are expected to bring.
 *
 * @param selection the chosen candidates' ids, the most useful first (each one's marginal value, in
 *     this order, never grows)
 * @param value expected people covered by the selection
 * @param upperBound no selection within the budget covers more (proven)
 * @param naiveSelection the naive choice: the candidates nearest to a place of demand
 * @param naiveValue expected people covered by the naive choice
 * @param method how the selection was found ({@code greedy}, {@code greedy+mip})
 */
public record TargetingResult(
        List<String> selection,
        double value,
        double upperBound,
        List<String> naiveSelection,
        double naiveValue,
        String method) {

    public TargetingResult {
        selection = List.copyOf(selection);
        naiveSelection = List.copyOf(naiveSelection);
    }

    /** Relative distance to the upper bound: 0 when the selection is proven optimal. */
    public double gap() {
        return upperBound <= 0 ? 0 : Math.max(0, (upperBound - value) / upperBound);
    }

    /** Whether no selection within the budget covers more (up to rounding). */
    public boolean proven() {
        return upperBound - value <= 1e-6 * Math.max(1, upperBound);
    }
}
