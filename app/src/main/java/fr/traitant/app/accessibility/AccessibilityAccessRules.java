package fr.traitant.app.accessibility;

import static fr.traitant.app.identity.AccessRule.everybody;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Access to care is public information: the APL pages, CSV and API need no login. */
@Component
class AccessibilityAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                everybody(HttpMethod.GET, "/acces-aux-soins"),
                everybody(HttpMethod.GET, "/acces-aux-soins/**"),
                everybody(HttpMethod.GET, "/api/v1/accessibility/**"));
    }
}
