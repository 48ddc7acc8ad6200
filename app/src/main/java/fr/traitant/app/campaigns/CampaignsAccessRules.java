package fr.traitant.app.campaigns;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Who may use campaigns: the network manager; a doctor's personal signing link is public (the link is the key, and the
 * page shows only that doctor's name and the charter).
 */
@Component
class CampaignsAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(HttpMethod.GET, "/reseau/campagnes", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/manques.csv", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/ciblage", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/campagnes", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/{id}", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/campagnes/{id}/cibles/{doctorId}/retirer", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/campagnes/{id}/cibles/{doctorId}/remettre", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/campagnes/{id}/envoi", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/{id}/courriers.pdf", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/campagnes/{id}/relance", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/{id}/relances.pdf", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/{id}/resultats.csv", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/reponses-passees", Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/reseau/campagnes/reponses-passees", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/campaigns/gaps", Role.NETWORK_MANAGER),
                everybody(HttpMethod.GET, "/charte/signer/{token}"),
                everybody(HttpMethod.POST, "/charte/signer/{token}"),
                everybody(HttpMethod.POST, "/charte/signer/{token}/refus"));
    }
}
