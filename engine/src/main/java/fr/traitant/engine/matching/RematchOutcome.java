package fr.traitant.engine.matching;

import java.util.List;

/**
 * Result of an incremental re-match.
 *
 * @param changes households whose proposal changed (the one that declined/refused included), by household id
 * @param before objective before
 * @param after objective after
 */
public record RematchOutcome(List<Change> changes, Objective before, Objective after) {
    public RematchOutcome {
        changes = List.copyOf(changes);
    }
}
