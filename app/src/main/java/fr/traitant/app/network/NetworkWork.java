package fr.traitant.app.network;

import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.identity.WorkSummary;
import java.util.List;
import org.springframework.stereotype.Component;

/** The network manager's card: the network's size. */
@Component
class NetworkWork implements WorkSummary {

    private final Charter charter;

    NetworkWork(Charter charter) {
        this.charter = charter;
    }

    @Override
    public List<Item> itemsFor(SignedInUser user) {
        if (user.role() != Role.NETWORK_MANAGER) {
            return List.of();
        }
        return List.of(new Item(
                10,
                "Réseau des médecins solidaires",
                Integer.toString(charter.memberCount()),
                "signataires de la charte : carte, départements, signataires.",
                "/reseau"));
    }
}
