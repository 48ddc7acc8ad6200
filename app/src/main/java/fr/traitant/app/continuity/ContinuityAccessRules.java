package fr.traitant.app.continuity;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Departures: the agents who act on them; the doctor declares their own. */
@Component
class ContinuityAccessRules implements AccessRules {

    static final Role[] AGENTS = {Role.ADVISOR, Role.CONCILIATOR, Role.NETWORK_MANAGER, Role.PROGRAMME_MANAGER};

    @Override
    public List<AccessRule> rules() {
        return List.of(
                roles(HttpMethod.GET, "/departs", AGENTS),
                roles(HttpMethod.POST, "/departs", AGENTS),
                roles(HttpMethod.GET, "/departs/import", AGENTS),
                roles(HttpMethod.POST, "/departs/import", AGENTS),
                roles(HttpMethod.GET, "/departs/{rpps}", AGENTS),
                roles(HttpMethod.POST, "/departs/{rpps}/annuler", AGENTS),
                roles(HttpMethod.GET, "/api/v1/departures", AGENTS),
                roles(HttpMethod.GET, "/espace-medecin/depart", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/depart", Role.DOCTOR));
    }
}
