package fr.traitant.app.continuity;

/** Why a doctor stops practising here. */
public enum DepartureReason {
    RETIREMENT("Retraite"),
    MOVE("Déménagement"),
    STOP("Cessation d’activité"),
    OTHER("Autre motif");

    private final String label;

    DepartureReason(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
