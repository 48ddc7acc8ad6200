package fr.traitant.app.programmes;

/** Where a planned mission day stands. */
public enum MissionDayStatus {
    DRAFT("Brouillon"),
    PROPOSED("Proposée au médecin"),
    CONFIRMED("Confirmée"),
    REFUSED("Refusée"),
    HELD("Tenue"),
    NOT_HELD("Non tenue");

    private final String label;

    MissionDayStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }
}
