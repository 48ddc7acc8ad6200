package fr.traitant.app.directory;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/** Who may use the directory: search and FHIR are public; imports are for administrators and network managers. */
@Component
class DirectoryAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                everybody(HttpMethod.GET, "/trouver-un-medecin"),
                everybody(HttpMethod.GET, "/medecins/{id}"),
                everybody(HttpMethod.GET, "/api/v1/doctors/search"),
                everybody(HttpMethod.GET, "/api/v1/doctors/specialties"),
                everybody(HttpMethod.GET, "/api/v1/doctors/{id}"),
                everybody(HttpMethod.GET, "/fhir/metadata"),
                everybody(HttpMethod.GET, "/fhir/{type}"),
                everybody(HttpMethod.GET, "/fhir/{type}/{id}"),
                roles(HttpMethod.GET, "/annuaire/import", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/annuaire/import", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/annuaire/import/{id}", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/annuaire/import/{id}/etat", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/annuaire/import/{id}/rejets.csv", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/annuaire/import/{id}/avertissements.csv", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/annuaire/import/{id}/confirmer", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.POST, "/api/v1/directory/imports", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/directory/imports", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/directory/imports/{id}", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/directory/imports/{id}/rejections", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/directory/imports/{id}/warnings", Role.ADMIN, Role.NETWORK_MANAGER),
                roles(HttpMethod.GET, "/api/v1/directory/imports/running", Role.ADMIN, Role.NETWORK_MANAGER));
    }
}
