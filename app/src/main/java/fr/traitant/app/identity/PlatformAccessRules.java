package fr.traitant.app.identity;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;
import static fr.traitant.app.identity.AccessRule.signedIn;

import java.util.List;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;

/**
 * Rules for what the platform and identity serve: static assets, error pages, operations, API documentation,
 * sign-in and sign-out. (The platform module cannot declare them itself: it is shared and depends on nothing.)
 */
@Component
class PlatformAccessRules implements AccessRules {

    @Override
    public List<AccessRule> rules() {
        return List.of(
                // static assets of the DSFR shell
                everybody(HttpMethod.GET, "/dsfr/**"),
                everybody(HttpMethod.GET, "/webjars/**"),
                everybody(HttpMethod.GET, "/js/**"),
                everybody(HttpMethod.GET, "/css/**"),
                everybody(HttpMethod.GET, "/img/**"),
                everybody(HttpMethod.GET, "/favicon.ico"),
                everybody("/error"),
                everybody("/acces-refuse"),
                everybody("/erreur-requete"),
                everybody("/introuvable"),
                // operations: probes are public (load balancers), metrics are for ADMIN (HTTP Basic for scrapers)
                everybody(HttpMethod.GET, "/actuator/health"),
                everybody(HttpMethod.GET, "/actuator/health/**"),
                roles(HttpMethod.GET, "/actuator/info", Role.ADMIN),
                roles(HttpMethod.GET, "/actuator/prometheus", Role.ADMIN),
                roles("/actuator", Role.ADMIN),
                // the public API's documentation
                everybody(HttpMethod.GET, "/v3/api-docs"),
                everybody(HttpMethod.GET, "/v3/api-docs/**"),
                everybody(HttpMethod.GET, "/v3/api-docs.yaml"),
                everybody(HttpMethod.GET, "/swagger-ui.html"),
                everybody(HttpMethod.GET, "/swagger-ui/**"),
                // signing in and out
                everybody(HttpMethod.GET, "/connexion"),
                everybody(HttpMethod.POST, "/connexion"),
                everybody(HttpMethod.GET, "/oauth2/authorization/{registrationId}"),
                everybody(HttpMethod.GET, "/login/oauth2/code/{registrationId}"),
                // first accounts: an invitation link (its secret is the key), then the administrator's accounts page
                everybody(HttpMethod.GET, "/invitation/{secret}"),
                everybody(HttpMethod.POST, "/invitation/{secret}"),
                roles(HttpMethod.GET, "/admin/comptes", Role.ADMIN),
                roles(HttpMethod.POST, "/admin/comptes", Role.ADMIN),
                roles(HttpMethod.POST, "/admin/comptes/{id}/role", Role.ADMIN),
                roles(HttpMethod.POST, "/admin/comptes/{id}/desactiver", Role.ADMIN),
                roles(HttpMethod.POST, "/admin/comptes/{id}/reactiver", Role.ADMIN),
                roles(HttpMethod.POST, "/admin/invitations/{id}/renvoyer", Role.ADMIN),
                roles(HttpMethod.POST, "/admin/invitations/{id}/annuler", Role.ADMIN),
                signedIn("/deconnexion"),
                signedIn("/mon-compte"),
                signedIn("/mes-notifications"));
    }
}
