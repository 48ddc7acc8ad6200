package fr.traitant.app.privacy;

import java.time.Instant;

/** One row of the audit trail. */
public record AuditEvent(
        long id,
        Instant occurredAt,
        String actor,
        String actorRole,
        String personRef,
        String recordType,
        String recordId,
        AuditAction action,
        String purpose) {

    private static final java.util.Map<String, String> RECORD_TYPES = java.util.Map.ofEntries(
            java.util.Map.entry("audit", "Journal des accès de la personne"), java.util.Map.entry("case", "Dossier"),
            java.util.Map.entry("doctor_availability", "Disponibilité d’un médecin"),
                    java.util.Map.entry("household", "Foyer"),
            java.util.Map.entry("matching_run", "Appariement"), java.util.Map.entry("member", "Bénéficiaire"),
            java.util.Map.entry("person", "Données de la personne"), java.util.Map.entry("proposal", "Proposition"),
            java.util.Map.entry("transfer", "Mutation"),
                    java.util.Map.entry("waiting_entry", "Inscription en liste d’attente"));

    /** "Foyer n° 12" rather than "household 12". */
    public String recordLabel() {
        String kind = RECORD_TYPES.getOrDefault(recordType, recordType);
        return recordId == null || recordId.isBlank() || "audit".equals(recordType) || "person".equals(recordType)
                ? kind
                : kind + " n° " + recordId;
    }

    /** The role in French ("Conseiller PASS"); the stored text if it is no role. */
    public String actorRoleLabel() {
        if (actorRole == null) {
            return "";
        }
        try {
            return fr.traitant.app.identity.Role.valueOf(actorRole).label();
        } catch (IllegalArgumentException unknown) {
            return actorRole;
        }
    }
}
