package fr.traitant.app.programmes;

import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.identity.WorkSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/** The programme manager's card: the France Santé registry. */
@Component
class ProgrammesWork implements WorkSummary {

    private final CareSites sites;

    ProgrammesWork(CareSites sites) {
        this.sites = sites;
    }

    @Override
    public List<Item> itemsFor(SignedInUser user) {
        if (user.role() != Role.PROGRAMME_MANAGER) return List.of();
        var counts = sites.counts();
        return List.of(new Item(
                5,
                "Sites France Santé",
                Long.toString(counts.getOrDefault(CareSiteStatus.UNDER_REVIEW, 0L)),
                "en instruction ; " + counts.getOrDefault(CareSiteStatus.LABELLED, 0L)
                        + " labellisé(s). Tableau de bord : sites, couverture, zones prioritaires.",
                "/programmes"));
    }
}
