package fr.traitant.app.cases;

/** How a case ended. {@link #DOCTOR_DECLARED} closes the loop of a "find me a médecin traitant" request. */
public enum Outcome {
    DOCTOR_DECLARED("Médecin traitant déclaré"),
    NO_DOCTOR_FOUND("Aucun médecin traitant trouvé"),
    CARE_ACCESS_RESOLVED("Accès aux soins rétabli"),
    RIGHTS_RESTORED("Droits rétablis"),
    INFORMATION_GIVEN("Renseignement donné"),
    REDIRECTED_TO_PARTNER("Orienté vers un partenaire"),
    FINANCIAL_HELP_GRANTED("Aide financière accordée"),
    FINANCIAL_HELP_REFUSED("Aide financière refusée"),
    DISPUTE_SETTLED("Litige résolu"),
    DISPUTE_NOT_SETTLED("Litige non résolu"),
    WITHDRAWN("Demande retirée par l'assuré"),
    UNREACHABLE("Assuré injoignable");

    private final String label;

    Outcome(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
