package fr.traitant.app.matching;

import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;

/**
 * Port: assigns the waiting households of one zone to doctors with room. Implemented by {@link EngineZoneMatcher}
 * (the engine's optimal matching, {@code fr.traitant.engine.matching.Matcher}); ADR 0050.
 */
interface ZoneMatcher {

    /**
     * A household waiting.
     *
     * @param transferred a transferred military family, or the patient of a departing doctor: network doctors first (ADR
     *     0050, ADR 0071)
     * @param communeCode commune of {@code lat}/{@code lon} (its density sets the road speed), may be null
     * @param complex a member has a long-term condition (ALD) or a vulnerability flag: only doctors taking more than
     *     simple situations are proposed
     */
    record Demand(
            long entryId,
            long householdId,
            int people,
            int priority,
            LocalDate waitingSince,
            double lat,
            double lon,
            @Nullable String communeCode,
            boolean paediatrics,
            boolean wheelchair,
            @Nullable String language,
            boolean transferred,
            boolean complex) {}

    /**
     * A doctor with {@code remaining} places, accepting new patients or not, and what they can offer.
     *
     * @param complexCases false only when the doctor declared taking simple situations only (complexity 1)
     */
    record Supply(
            long doctorId,
            int remaining,
            boolean accepting,
            boolean networkMember,
            double lat,
            double lon,
            String communeCode,
            boolean paediatrics,
            boolean wheelchair,
            Set<String> languages,
            boolean complexCases) {

        /** The same doctor with {@code remaining} places left (none below 0). */
        Supply withRemaining(int remaining) {
            return new Supply(
                    doctorId,
                    Math.max(0, remaining),
                    accepting,
                    networkMember,
                    lat,
                    lon,
                    communeCode,
                    paediatrics,
                    wheelchair,
                    languages,
                    complexCases);
        }
    }

    /** A doctor nearer than the proposed one and why it was passed over (engine's reason name). */
    record PassedOver(long doctorId, double minutes, String reason) {}

    /** An assignment and why. */
    record Assignment(
            long entryId,
            long doctorId,
            double minutes,
            double distanceKm,
            int rank,
            int eligibleDoctors,
            boolean networkMember,
            List<PassedOver> nearerDoctors) {}

    /** A household left without a proposal, and why (engine's reason name). */
    record Unserved(long entryId, String reason, int eligibleDoctors) {}

    /** Assignments, unserved households, and the objective in words. */
    record Result(List<Assignment> assignments, List<Unserved> unserved, String objective) {}

    /**
     * @param excluded by household id, the doctors never to propose to it again (declined, refused, expired)
     * @return families are never split; no doctor beyond capacity
     */
    default Result match(List<Demand> demands, List<Supply> supplies, java.util.Map<Long, Set<Long>> excluded) {
        return match(demands, supplies, excluded, (phase, percent) -> {});
    }

    /** Progress of a long computation: the phase in French, and how far it is, in percent. */
    @FunctionalInterface
    interface Progress {
        void at(String phase, int percent);
    }

    /** {@link #match(List, List, java.util.Map)}, telling its progress. */
    Result match(
            List<Demand> demands, List<Supply> supplies, java.util.Map<Long, Set<Long>> excluded, Progress progress);

    /** A doctor a household could be proposed to instead, with the estimated road minutes. */
    record Alternative(long doctorId, double minutes, double distanceKm, boolean networkMember) {}

    /**
     * The doctors this household could be proposed to by the same rules as {@link #match} — accepting, needs met,
     * within the travel limit, never an excluded pair, at least {@code people} places in {@code remaining} — nearest
     * first. {@code remaining} gives each doctor's places left (a review's other lines already counted).
     */
    List<Alternative> alternatives(
            Demand demand,
            List<Supply> supplies,
            java.util.Map<Long, Integer> remaining,
            java.util.Map<Long, Set<Long>> excluded);
}
