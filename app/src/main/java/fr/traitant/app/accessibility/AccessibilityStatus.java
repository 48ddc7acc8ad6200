package fr.traitant.app.accessibility;

import java.time.Instant;
import java.util.Optional;

/**
 * Where the computation stands.
 *
 * @param state   IDLE (never computed yet), RUNNING, READY or FAILED
 * @param stage   current stage while running (e.g. "neighbours", "scores", "storing"), else empty
 * @param done    units done in the current stage
 * @param total   units in the current stage
 * @param lastRun the last finished computation, if any
 */
public record AccessibilityStatus(State state, String stage, long done, long total, Optional<Run> lastRun) {

    /** State of the computation. */
    public enum State {
        IDLE,
        RUNNING,
        READY,
        FAILED
    }

    /** Progress of the current stage, 0..1. */
    public double fraction() {
        return total <= 0 ? 0 : Math.min(1.0, (double) done / total);
    }

    /**
     * A finished computation.
     *
     * @param id                    run id
     * @param kind                  FULL or INCREMENTAL
     * @param trigger               why it ran
     * @param finishedAt            when it finished
     * @param durationMs            how long it took, milliseconds (engine and storage)
     * @param doctors               general practitioners counted
     * @param nationalApl           population-weighted national APL, consultations per inhabitant per year
     * @param underservedPopulation inhabitants of "sous-dense" communes (APL &lt; 2.5)
     */
    public record Run(
            long id,
            String kind,
            String trigger,
            Instant finishedAt,
            long durationMs,
            int doctors,
            double nationalApl,
            long underservedPopulation) {}
}
