package fr.traitant.app.matching;

import java.time.Instant;
import java.util.List;

/**
 * A run.
 *
 * @param departement the zone's code: a département's, a région's, or "FR"
 * @param zoneLabel the zone in words ("Var (83)", "Région Provence-Alpes-Côte d'Azur", "France entière")
 * @param neighbours the neighbouring départements whose doctors within reach were considered, in words
 * @param acrossBorders how many doctors of those départements were considered
 */
public record MatchingRun(
        long id,
        String departement,
        String createdBy,
        Instant createdAt,
        String status,
        int considered,
        int unserved,
        List<Line> lines,
        List<Unserved> unservedLines,
        String objective,
        String zoneLabel,
        String neighbours,
        int acrossBorders) {
    public MatchingRun {
        lines = List.copyOf(lines);
        unservedLines = List.copyOf(unservedLines);
    }

    /** The state as a French page says it. */
    public String statusLabel() {
        return switch (status) {
            case "PUBLISHED" -> "Publié";
            case "RUNNING" -> "Calcul en cours";
            case "FAILED" -> "Échec du calcul";
            default -> "Brouillon (rien n’est envoyé)";
        };
    }

    /**
     * A proposal of the run and the engine's explanation: travel time, rank of the doctor among the household's
     * eligible doctors (nearest first), nearer doctors passed over and why (French text). Runs made before the engine
     * have no minutes, rank or eligible count.
     */
    public record Line(
            long entryId,
            long householdId,
            int people,
            int priority,
            Long doctorId,
            double distanceKm,
            String reason,
            Long proposalId,
            String proposalStatus,
            Double minutes,
            Integer rank,
            Integer eligibleDoctors,
            String passedOver,
            String doctorLabel) {

        Line withDoctorLabel(String label) {
            return new Line(
                    entryId,
                    householdId,
                    people,
                    priority,
                    doctorId,
                    distanceKm,
                    reason,
                    proposalId,
                    proposalStatus,
                    minutes,
                    rank,
                    eligibleDoctors,
                    passedOver,
                    label);
        }

        public String proposalStatusLabel() {
            return ProposalStatus.labelOf(proposalStatus);
        }
    }

    /** A household of the zone left without a proposal, and why (French text). */
    public record Unserved(
            long entryId, long householdId, int people, int priority, String reason, int eligibleDoctors) {}
}
