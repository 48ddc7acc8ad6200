package fr.traitant.app.cases;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;

/**
 * Access rules of the cases pages. Which case: {@link Cases} checks it (an advisor handles PASS cases, a
 * conciliator conciliation cases, an insured person their own requests; anything else is "not found").
 */
@Configuration(proxyBeanMethods = false)
class CasesWeb {

    @Bean
    AccessRules casesAccessRules() {
        Role[] agents = {Role.ADVISOR, Role.CONCILIATOR};
        return () -> List.of(
                roles(HttpMethod.GET, "/demandes/nouvelle", Role.INSURED),
                roles(HttpMethod.POST, "/demandes", Role.INSURED),
                roles(HttpMethod.GET, "/mes-demandes", Role.INSURED),
                roles(HttpMethod.GET, "/mes-demandes/{id}", Role.INSURED),
                roles(HttpMethod.GET, "/mes-demandes/{id}/etat", Role.INSURED),
                roles(HttpMethod.POST, "/mes-demandes/{id}/avis", Role.INSURED),
                roles(HttpMethod.GET, "/dossiers", agents),
                roles(HttpMethod.GET, "/dossiers.csv", agents),
                roles(HttpMethod.POST, "/dossiers", agents),
                roles(HttpMethod.GET, "/dossiers/charge", agents),
                roles(HttpMethod.GET, "/dossiers/nouveau", agents),
                roles(HttpMethod.GET, "/dossiers/{id}", agents),
                roles(HttpMethod.GET, "/dossiers/{id}/medecins", agents),
                roles(HttpMethod.POST, "/dossiers/{id}/proposition", agents),
                roles(HttpMethod.POST, "/dossiers/{id}/etat", agents),
                roles(HttpMethod.POST, "/dossiers/{id}/journal", agents),
                roles(HttpMethod.POST, "/dossiers/{id}/attribution", agents),
                roles(HttpMethod.POST, "/dossiers/{id}/priorite", agents),
                roles(HttpMethod.GET, "/indicateurs/dossiers", Role.ADVISOR, Role.CONCILIATOR, Role.PROGRAMME_MANAGER),
                roles(
                        HttpMethod.GET,
                        "/indicateurs/dossiers.csv",
                        Role.ADVISOR,
                        Role.CONCILIATOR,
                        Role.PROGRAMME_MANAGER));
    }
}
