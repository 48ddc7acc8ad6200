package fr.traitant.app.privacy;

/** What was done to a record, with the word the DPO's pages use. */
public enum AuditAction {
    READ("Consultation"),
    CREATE("Création"),
    UPDATE("Modification"),
    DELETE("Suppression"),
    EXPORT("Export"),
    PURGE("Purge");

    private final String label;

    AuditAction(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
