package fr.traitant.app.campaigns;

import java.time.Instant;
import org.jspecify.annotations.Nullable;

/**
 * A doctor on a campaign's list.
 *
 * @param rank the optimiser's order, the most useful first
 * @param removedAt when the manager took the doctor off the list (drafts only)
 * @param holdout drawn at sending: not written to
 * @param sentBy how the doctor was written to ({@code LETTER}, {@code EMAIL}), set at sending
 * @param token the personal signing link's secret
 * @param openedAt when the doctor first opened their link
 * @param signedAt when the doctor signed through their link
 * @param optedOutAt when the doctor refused further campaigns through their link
 */
public record CampaignTarget(
        long campaignId,
        String doctorId,
        String rpps,
        int rank,
        String departement,
        double probability,
        int places,
        @Nullable Instant removedAt,
        boolean holdout,
        @Nullable String sentBy,
        String token,
        @Nullable Instant openedAt,
        @Nullable Instant signedAt,
        @Nullable Instant optedOutAt) {

    /** Written to: on the list and not in the hold-out. */
    public boolean contacted() {
        return removedAt == null && !holdout;
    }

    public double expectedPlaces() {
        return probability * places;
    }

    /** "Retiré", "Témoin (pas de courrier)", "Signé par le lien", "Refuse les campagnes", "Lien ouvert", "". */
    public String stateLabel() {
        if (removedAt != null) return "Retiré de la liste";
        if (holdout) return "Témoin : pas de courrier";
        if (signedAt != null) return "A signé par son lien";
        if (optedOutAt != null) return "Refuse les campagnes";
        if (openedAt != null) return "Lien ouvert";
        return "";
    }
}
