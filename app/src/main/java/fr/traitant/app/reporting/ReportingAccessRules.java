package fr.traitant.app.reporting;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** The report and the dashboards are public (aggregates, small counts suppressed); the survey is the family's own. */
@Component
class ReportingAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                everybody(HttpMethod.GET, "/rapport"),
                everybody(HttpMethod.GET, "/rapport/{year}"),
                everybody(HttpMethod.GET, "/rapport/{year}.pdf"),
                everybody(HttpMethod.GET, "/api/v1/figures/report/{year}"),
                everybody(HttpMethod.GET, "/tableau-de-bord"),
                everybody(HttpMethod.GET, "/tableau-de-bord.csv"),
                everybody(HttpMethod.GET, "/tableau-de-bord/schema"),
                everybody(HttpMethod.GET, "/api/v1/figures/dashboard"),
                roles(HttpMethod.POST, "/tableau-de-bord/correction", Role.PROGRAMME_MANAGER, Role.ADMIN),
                roles(HttpMethod.GET, "/mon-avis", Role.INSURED),
                roles(HttpMethod.POST, "/mon-avis", Role.INSURED));
    }
}
