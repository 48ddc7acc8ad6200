package fr.traitant.app.campaigns;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may use campaigns: the network manager only. */
@Component
class CampaignsAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(HttpMethod.GET, "/reseau/campagnes", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/manques.csv", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/reseau/campagnes/ciblage", Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/campaigns/gaps", Role.NETWORK_MANAGER));
    }
}
