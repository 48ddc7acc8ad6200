package fr.traitant.app.matching;

import java.time.Instant;

/** A proposal as its doctor (or an agent) sees it; no account id when made to a directory doctor without account (ADR 0051). */
public record ProposalView(long id, long householdId, Long doctorAccountId, String status, Instant createdAt) {

    /** The state in French, as the doctor reads it. */
    public String statusLabel() {
        return switch (status) {
            case "PENDING" -> "En attente de votre réponse";
            case "ACCEPTED" -> "Acceptée : en attente de la confirmation du foyer";
            case "ATTACHED" -> "Le foyer vous a choisi comme médecin traitant";
            case "DECLINED" -> "Déclinée";
            case "REFUSED" -> "Refusée par le foyer";
            case "EXPIRED" -> "Expirée sans réponse";
            case "WITHDRAWN" -> "Retirée";
            default -> status;
        };
    }
}
