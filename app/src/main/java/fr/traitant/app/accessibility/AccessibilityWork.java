package fr.traitant.app.accessibility;

import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.identity.WorkSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/** The programme manager's card: the territory's access to GPs. */
@Component
class AccessibilityWork implements WorkSummary {

    @Override
    public List<Item> itemsFor(SignedInUser user) {
        if (user.role() != Role.PROGRAMME_MANAGER) {
            return List.of();
        }
        return List.of(
                new Item(
                        10,
                        "Accès aux soins",
                        "",
                        "APL par commune, département et intercommunalité ; les 151 "
                                + "intercommunalités les moins bien dotées.",
                        "/acces-aux-soins"),
                new Item(
                        11,
                        "Indicateurs des dossiers",
                        "",
                        "PASS et conciliation : reçus, clôturés, délais, satisfaction.",
                        "/indicateurs/dossiers"));
    }
}
