package fr.traitant.app.portal;

import static fr.traitant.app.identity.AccessRule.everybody;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The public portal: home and sources pages need no login. */
@Component
class PortalAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                everybody(HttpMethod.GET, "/"),
                everybody(HttpMethod.GET, "/sources"),
                everybody(HttpMethod.GET, "/accessibilite"));
    }
}
