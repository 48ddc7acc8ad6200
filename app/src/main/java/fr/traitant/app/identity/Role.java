package fr.traitant.app.identity;

/** What a signed-in person may do; one role per account. The French label is what pages show. */
public enum Role {
    INSURED("Assuré"),
    DOCTOR("Médecin"),
    ADVISOR("Conseiller PASS"),
    CONCILIATOR("Conciliateur"),
    NETWORK_MANAGER("Responsable du réseau"),
    PROGRAMME_MANAGER("Responsable de programme"),
    DPO("Délégué à la protection des données"),
    ADMIN("Administrateur");

    private final String label;

    Role(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** Staff of the fund or of the programme (not an insured person, not a doctor). */
    public boolean agent() {
        return this != INSURED && this != DOCTOR;
    }

    /** The Spring Security authority ({@code ROLE_ADVISOR}). */
    public String authority() {
        return "ROLE_" + name();
    }
}
