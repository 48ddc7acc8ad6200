package fr.traitant.app.matching;

import java.time.Instant;
import java.util.List;
import java.util.Set;

/**
 * Port: assigns the waiting households of one zone to doctors with room. The app's implementation is
 * {@link GreedyZoneMatcher}; the engine's territory-wide optimal matching (branch {@code match},
 * {@code fr.traitant.engine.matching.Matcher}) is meant to plug in here through an adapter.
 */
interface ZoneMatcher {

    /** A household waiting: its entry, how many people, priority class, since when, where. */
    record Demand(long entryId, long householdId, int people, int priority, Instant waitingSince, double lat, double lon) {}

    /** A doctor with {@code remaining} places. */
    record Supply(long doctorAccountId, int remaining, boolean networkMember, double lat, double lon) {}

    /** An assignment and why. */
    record Assignment(long entryId, long doctorAccountId, double distanceKm, String reason) {}

    /**
     * @param excluded pairs "householdId:doctorAccountId" never to propose again (declined, refused, expired)
     * @return assignments; households left out are unserved; families are never split; no doctor beyond capacity
     */
    List<Assignment> match(List<Demand> demands, List<Supply> supplies, Set<String> excluded);
}
