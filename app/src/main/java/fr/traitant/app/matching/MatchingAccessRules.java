package fr.traitant.app.matching;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.http.HttpMethod;

/** Proposal API and the doctor's page, with their access rules (ownership checked by {@link Proposals}). */
@org.springframework.stereotype.Component
class MatchingAccessRules implements AccessRules {

    @Override
    public List<fr.traitant.app.identity.AccessRule> rules() {
        return List.of(
                roles(HttpMethod.GET, "/api/v1/proposals", Role.DOCTOR),
                roles(HttpMethod.GET, "/api/v1/proposals/{id}", Role.DOCTOR, Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/propositions", Role.DOCTOR),
                roles(HttpMethod.GET, "/propositions/{id}", Role.DOCTOR),
                roles(HttpMethod.POST, "/propositions/{id}/declaration", Role.DOCTOR),
                roles(HttpMethod.GET, "/liste-attente", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/liste-attente.csv", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/appariements", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/mutations/import", Role.ADVISOR, Role.ADMIN),
                roles(HttpMethod.POST, "/mutations/import", Role.ADVISOR, Role.ADMIN),
                roles(HttpMethod.GET, "/appariements/{id}", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.POST, "/appariements", Role.ADVISOR),
                roles(HttpMethod.POST, "/appariements/{id}/publication", Role.ADVISOR),
                roles(HttpMethod.GET, "/appariements/{id}/foyers/{entry}", Role.ADVISOR),
                roles(HttpMethod.GET, "/appariements/{id}/etat", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.POST, "/appariements/{id}/foyers/{entry}/medecin", Role.ADVISOR),
                roles(HttpMethod.POST, "/appariements/{id}/foyers/{entry}/retrait", Role.ADVISOR),
                roles(HttpMethod.POST, "/liste-attente/{id}/contacts", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/mon-medecin-traitant", Role.INSURED),
                roles(HttpMethod.POST, "/mon-medecin-traitant/propositions/{id}/reponse", Role.INSURED),
                roles(HttpMethod.POST, "/propositions/{id}/reponse", Role.DOCTOR),
                roles(HttpMethod.POST, "/propositions/capacite", Role.DOCTOR),
                // signed single-use links sent by e-mail: the token is the authorisation
                everybody(HttpMethod.GET, "/reponse/{token}"),
                everybody(HttpMethod.POST, "/reponse/{token}"),
                roles(HttpMethod.POST, "/mon-medecin-traitant/inscription", Role.INSURED),
                roles(HttpMethod.POST, "/mon-medecin-traitant/aide", Role.INSURED),
                roles(HttpMethod.GET, "/mon-medecin-traitant/demander/{rpps}", Role.INSURED),
                roles(HttpMethod.POST, "/mon-medecin-traitant/demander/{rpps}", Role.INSURED),
                roles(HttpMethod.POST, "/mon-medecin-traitant/demandes/{id}/retrait", Role.INSURED),
                // public aggregates (no personal data)
                everybody(HttpMethod.GET, "/chiffres/attente"),
                everybody(HttpMethod.GET, "/chiffres/attente.csv"),
                everybody(HttpMethod.GET, "/api/v1/figures/waiting"));
    }
}
