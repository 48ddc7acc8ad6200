package fr.traitant.app.members;

/** Group of a long-term condition (ALD), as targeted by the national programme for chronic patients without a GP. */
public enum LongTermCondition {
    CARDIOVASCULAR("Maladie cardio-vasculaire"),
    DIABETES("Diabète"),
    PSYCHIATRIC("Affection psychiatrique de longue durée"),
    CANCER("Cancer"),
    OTHER("Autre ALD");

    private final String label;

    LongTermCondition(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
