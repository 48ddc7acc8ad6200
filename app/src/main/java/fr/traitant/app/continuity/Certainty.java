package fr.traitant.app.continuity;

/** How a departure is known, the surest first. */
public enum Certainty {
    DECLARED("Déclaré"),
    OBSERVED("Constaté (absent de l’extraction nationale)"),
    PREDICTED("Probable (âge)");

    private final String label;

    Certainty(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
