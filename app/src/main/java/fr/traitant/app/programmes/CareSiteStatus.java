package fr.traitant.app.programmes;

import java.util.EnumSet;
import java.util.Set;

/**
 * The labelling workflow: a candidate goes under review; a review ends labelled (every criterion met) or back to
 * candidate; a labelled site may be withdrawn; a withdrawn site may be reviewed again.
 */
public enum CareSiteStatus {
    CANDIDATE("Candidat"),
    UNDER_REVIEW("En instruction"),
    LABELLED("Labellisé France Santé"),
    WITHDRAWN("Label retiré");

    private final String label;

    CareSiteStatus(String label) {
        this.label = label;
    }

    public String label() {
        return label;
    }

    /** The statuses this one may move to. */
    public Set<CareSiteStatus> next() {
        return switch (this) {
            case CANDIDATE -> EnumSet.of(UNDER_REVIEW);
            case UNDER_REVIEW -> EnumSet.of(LABELLED, CANDIDATE);
            case LABELLED -> EnumSet.of(WITHDRAWN);
            case WITHDRAWN -> EnumSet.of(UNDER_REVIEW);
        };
    }

    /** The button that moves a site to this status. */
    public String action() {
        return switch (this) {
            case CANDIDATE -> "Renvoyer en candidat";
            case UNDER_REVIEW -> "Mettre en instruction";
            case LABELLED -> "Labelliser";
            case WITHDRAWN -> "Retirer le label";
        };
    }
}
