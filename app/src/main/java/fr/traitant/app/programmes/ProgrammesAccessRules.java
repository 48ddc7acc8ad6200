package fr.traitant.app.programmes;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may use the programmes: the programme manager; doctors their missions; the insured their bookings; the zones' outlines are public. */
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
                roles(HttpMethod.GET, "/programmes/missions", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/planifier", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/publier", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/journees", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/missions/journees/{id}", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/journees/{id}/*", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/lieux", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/missions/lieux/{id}", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/lieux/{id}/ouverture", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/missions/volontaires/import", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/volontaires/import", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.POST, "/programmes/missions/indemnite", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/missions/releves/*/*", Role.PROGRAMME_MANAGER),
                roles(HttpMethod.GET, "/programmes/missions/paiements-*", Role.PROGRAMME_MANAGER),
                // the doctor's own missions (the RPPS comes from the account)
                roles(HttpMethod.GET, "/espace-medecin/missions", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/missions", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/missions/journees/{id}/confirmer", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/missions/journees/{id}/refuser", Role.DOCTOR),
                roles(HttpMethod.POST, "/espace-medecin/missions/remplacant", Role.DOCTOR),
                // the insured person's bookings (their own household)
                roles(HttpMethod.GET, "/consultations-mission", Role.INSURED),
                roles(HttpMethod.POST, "/consultations-mission/creneaux/{id}", Role.INSURED),
                roles(HttpMethod.POST, "/consultations-mission/sans-creneau", Role.INSURED),
                // on every map, public ones included: which EPCI are priority zones is public
                everybody(HttpMethod.GET, "/geo/zones-prioritaires.geojson"));
    }
}
