package fr.traitant.engine.matching;

import java.util.Optional;

/**
 * A household whose proposal changed in an incremental re-match.
 *
 * @param householdId household
 * @param fromDoctor doctor before, empty if it was unserved
 * @param toDoctor doctor after, empty if it is now unserved
 * @param minutes travel time to {@code toDoctor}, NaN when unserved
 */
public record Change(String householdId, Optional<String> fromDoctor, Optional<String> toDoctor, double minutes) {}
