package fr.traitant.app.network;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who may use the network: a doctor their own space (availability, charter); the network manager the signatories,
 * histories, counts and map; everybody the charter text.
 */
@Component
class NetworkAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(HttpMethod.GET, "/espace-medecin", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/disponibilite", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/charte", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/charte/retrait", Role.DOCTOR),
                roles(HttpMethod.GET, "/reseau", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/signataires.csv", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/invitations", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/charte", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/charte/papier", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/charte/import", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/charte/version", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/invitations", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/invitations/{id}/renvoyer", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/medecins/{doctorId}", Role.NETWORK_MANAGER),
                everybody(HttpMethod.GET, "/api/v1/network/charter"),
                roles(HttpMethod.GET, "/api/v1/network/departements", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/network/members", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/network/members/points", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/network/members/{doctorId}/history", Role.NETWORK_MANAGER));
    }
}
