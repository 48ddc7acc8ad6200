package fr.traitant.app.matching;

/**
 * Where a proposal stands (the {@code proposal.status} column), with how each side reads it: an agent's neutral
 * wording and the doctor's own ("en attente de votre réponse").
 */
public enum ProposalStatus {
    PENDING("En attente de la réponse du médecin", "En attente de votre réponse"),
    ACCEPTED(
            "Acceptée par le médecin, en attente de la confirmation du foyer",
            "Acceptée : en attente de la confirmation du foyer"),
    DECLINED("Déclinée par le médecin", "Déclinée"),
    REFUSED("Refusée par le foyer", "Refusée par le foyer"),
    ATTACHED("Médecin traitant choisi par le foyer", "Le foyer vous a choisi comme médecin traitant"),
    EXPIRED("Expirée sans réponse", "Expirée sans réponse"),
    WITHDRAWN("Retirée", "Retirée");

    private final String label;
    private final String doctorLabel;

    ProposalStatus(String label, String doctorLabel) {
        this.label = label;
        this.doctorLabel = doctorLabel;
    }

    public String label() {
        return label;
    }

    public String doctorLabel() {
        return doctorLabel;
    }

    /** Whether no transition leaves this status. */
    public boolean terminal() {
        return next().isEmpty();
    }

    /**
     * The transition table: the statuses a proposal may move to from this one. The doctor answers a pending proposal,
     * the family an accepted one (or refuses a pending one), the deadline expires either; WITHDRAWN is kept for the
     * proposals made before the workflow existed (no transition leads to it any more).
     */
    public java.util.Set<ProposalStatus> next() {
        return switch (this) {
            case PENDING -> java.util.EnumSet.of(ACCEPTED, DECLINED, REFUSED, EXPIRED);
            case ACCEPTED -> java.util.EnumSet.of(ATTACHED, REFUSED, EXPIRED);
            case DECLINED, REFUSED, ATTACHED, EXPIRED, WITHDRAWN -> java.util.EnumSet.noneOf(ProposalStatus.class);
        };
    }

    /** The label of a status read from the database; the text itself if it is none of them. */
    public static String labelOf(String status) {
        if (status == null) {
            return "";
        }
        for (ProposalStatus s : values()) {
            if (s.name().equals(status)) {
                return s.label;
            }
        }
        return status;
    }
}
