package fr.traitant.app.territory;

import static fr.traitant.app.identity.AccessRule.everybody;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The territory is public reference data: its pages and API need no login. */
@Component
class TerritoryAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                everybody(HttpMethod.GET, "/communes"),
                everybody(HttpMethod.GET, "/communes/**"),
                everybody(HttpMethod.GET, "/geo/**"),
                everybody(HttpMethod.GET, "/api/v1/communes"),
                everybody(HttpMethod.GET, "/api/v1/communes/**"),
                everybody(HttpMethod.GET, "/api/v1/departements"),
                everybody(HttpMethod.GET, "/api/v1/regions"));
    }
}
