package fr.traitant.app.programmes;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may use the programmes: the programme manager; the zones' outlines are public. */
@Component
class ProgrammesAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(HttpMethod.GET, "/programmes", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/sites", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/sites", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/sites/import", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/sites/import", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/sites/{id}", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/sites/{id}/statut", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/zones", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/zones", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/couverture", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/couverture.csv", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/couverture-epci.csv", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/api/v1/programmes/priority-zones", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/api/v1/programmes/coverage", Role.PROGRAMME_MANAGER),
                // on every map, public ones included: which EPCI are priority zones is public
                everybody(HttpMethod.GET, "/geo/zones-prioritaires.geojson"));
    }
}
