package fr.traitant.engine.accessibility;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Stepwise decreasing weights of travel time, as in DREES's APL.
 *
 * <p>A time {@code t} (minutes) gets the weight of the first step whose upper bound is ≥ {@code t}
 * (bounds are inclusive upper limits); beyond the last bound the weight is 0. With the default
 * {@code 10:1, 15:0.66, 20:0.33}: 0 ≤ t ≤ 10 → 1; 10 &lt; t ≤ 15 → 0.66; 15 &lt; t ≤ 20 → 0.33;
 * t &gt; 20 → 0.
 *
 * @param steps at least one step; bounds finite, &gt; 0 and strictly increasing; weights in (0, 1]
 *              and non-increasing
 */
public record StepDecay(List<Step> steps) implements DistanceDecay {

    /**
     * One step.
     *
     * @param upToMinutes inclusive upper bound of the step, minutes
     * @param weight      weight of the step, in (0, 1]
     */
    public record Step(double upToMinutes, double weight) {
        public Step {
            if (!(upToMinutes > 0) || Double.isInfinite(upToMinutes)) {
                throw new IllegalArgumentException("step bound must be finite and > 0 minutes, got " + upToMinutes);
            }
            if (!(weight > 0 && weight <= 1)) {
                throw new IllegalArgumentException("step weight must be in (0, 1], got " + weight);
            }
        }
    }

    /**
     * The default weights for general practitioners: 1 up to 10 minutes, 0.66 up to 15, 0.33 up
     * to 20, 0 beyond (DREES APL; source and caveats in {@code docs/methodology/accessibility.md}).
     */
    public static final StepDecay DREES_GENERAL_PRACTITIONERS =
            new StepDecay(List.of(new Step(10, 1.0), new Step(15, 0.66), new Step(20, 0.33)));

    public StepDecay {
        Objects.requireNonNull(steps, "steps");
        steps = List.copyOf(steps);
        if (steps.isEmpty()) {
            throw new IllegalArgumentException("at least one step is needed");
        }
        for (int k = 1; k < steps.size(); k++) {
            if (!(steps.get(k).upToMinutes() > steps.get(k - 1).upToMinutes())) {
                throw new IllegalArgumentException("step bounds must be strictly increasing: " + steps);
            }
            if (steps.get(k).weight() > steps.get(k - 1).weight()) {
                throw new IllegalArgumentException("step weights must not increase: " + steps);
            }
        }
    }

    /**
     * Parses {@code "10:1,15:0.66,20:0.33"} (upper bound in minutes : weight, comma-separated).
     *
     * @throws IllegalArgumentException with the reason when the text is malformed or invalid
     */
    public static StepDecay parse(String text) {
        Objects.requireNonNull(text, "text");
        List<Step> steps = new ArrayList<>();
        for (String part : text.split(",")) {
            String[] boundAndWeight = part.trim().split(":");
            if (boundAndWeight.length != 2) {
                throw new IllegalArgumentException("expected 'minutes:weight', got '" + part.trim() + "'");
            }
            try {
                steps.add(new Step(
                        Double.parseDouble(boundAndWeight[0].trim()), Double.parseDouble(boundAndWeight[1].trim())));
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("not a number in '" + part.trim() + "'", e);
            }
        }
        return new StepDecay(steps);
    }

    @Override
    public double weight(double minutes) {
        if (!(minutes >= 0)) {
            throw new IllegalArgumentException("travel time must be >= 0 minutes, got " + minutes);
        }
        for (Step step : steps) {
            if (minutes <= step.upToMinutes()) {
                return step.weight();
            }
        }
        return 0.0;
    }

    @Override
    public double maxMinutes() {
        return steps.get(steps.size() - 1).upToMinutes();
    }

    /** The weights in the {@link #parse} format. */
    public String format() {
        StringBuilder sb = new StringBuilder();
        for (Step s : steps) {
            if (!sb.isEmpty()) {
                sb.append(',');
            }
            sb.append(s.upToMinutes()).append(':').append(s.weight());
        }
        return sb.toString();
    }
}
