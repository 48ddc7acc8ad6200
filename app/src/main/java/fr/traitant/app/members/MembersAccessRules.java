package fr.traitant.app.members;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;

/** The household API and page, and their access rules (ownership is checked by {@link Households}). */
@org.springframework.stereotype.Component
class MembersAccessRules implements AccessRules {

    @Override
    public List<fr.traitant.app.identity.AccessRule> rules() {
        Role[] readers = {Role.INSURED, Role.ADVISOR, Role.CONCILIATOR, Role.DPO};
        return List.of(
                roles(HttpMethod.GET, "/api/v1/households/{id}", readers),
                roles(HttpMethod.GET, "/foyers/{id}", readers),
                roles(HttpMethod.GET, "/mon-foyer", Role.INSURED),
                // aggregate figures only, as published in the fund's activity report
                everybody(HttpMethod.GET, "/api/v1/figures/population"),
                everybody(HttpMethod.GET, "/chiffres/population"),
                roles(HttpMethod.GET, "/adherents/import", Role.ADVISOR, Role.ADMIN),
                roles(HttpMethod.POST, "/adherents/import", Role.ADVISOR, Role.ADMIN));
    }
}
