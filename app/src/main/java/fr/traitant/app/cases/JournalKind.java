package fr.traitant.app.cases;

/**
 * What a journal line records. The first five are written by agents; the others by the application itself when
 * the case changes (so that the journal alone tells the case's whole story).
 */
public enum JournalKind {
    CALL("Appel", true),
    LETTER("Courrier", true),
    DOCTOR_CONTACTED("Médecin contacté", true),
    PARTNER_CONTACTED("Partenaire contacté", true),
    NOTE("Note", true),
    RECEIVED("Réception", false),
    STATUS("Changement d'état", false),
    ASSIGNMENT("Attribution", false),
    PROPOSAL("Proposition de médecin", false),
    SATISFACTION("Avis de l'assuré", false);

    private final String label;
    private final boolean byAgent;

    JournalKind(String label, boolean byAgent) {
        this.label = label;
        this.byAgent = byAgent;
    }

    public String label() {
        return label;
    }

    /** Whether an agent may write this kind of line by hand. */
    public boolean byAgent() {
        return byAgent;
    }
}
