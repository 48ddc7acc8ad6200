package fr.traitant.app.members;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The household API and page, and their access rules (ownership is checked by {@link Households}). */
@Configuration(proxyBeanMethods = false)
class MembersWeb {

    static final List<String> PURPOSES = List.of(
            Households.DEFAULT_AGENT_PURPOSE,
            "Recherche d'un médecin traitant pour le foyer",
            "Instruction d'une saisine du conciliateur",
            "Demande d'exercice de droits (RGPD)");

    @Bean
    AccessRules membersAccessRules() {
        Role[] readers = {Role.INSURED, Role.ADVISOR, Role.CONCILIATOR, Role.DPO};
        return () -> List.of(
                roles(HttpMethod.GET, "/api/v1/households/{id}", readers),
                roles(HttpMethod.GET, "/foyers/{id}", readers),
                roles(HttpMethod.GET, "/mon-foyer", Role.INSURED));
    }

    @RestController
    @RequestMapping("/api/v1/households")
    static class MembersApi {
        private final Households households;

        MembersApi(Households households) {
            this.households = households;
        }

        /** A household with its members (NIR masked); 404 when it does not exist or is not yours. */
        @GetMapping("/{id}")
        HouseholdView household(@PathVariable long id, @RequestParam(name = "motif", required = false) String purpose) {
            return households.read(id, purpose);
        }
    }

    @Controller
    static class MembersPages {
        private final Households households;
        private final fr.traitant.app.identity.CurrentUser currentUser;

        MembersPages(Households households, fr.traitant.app.identity.CurrentUser currentUser) {
            this.households = households;
            this.currentUser = currentUser;
        }

        @GetMapping("/foyers/{id}")
        String household(@PathVariable long id, @RequestParam(name = "motif", required = false) String purpose, Model model) {
            String why = purpose == null || purpose.isBlank() ? Households.DEFAULT_AGENT_PURPOSE : purpose;
            model.addAttribute("household", households.read(id, why));
            model.addAttribute("purposes", PURPOSES);
            model.addAttribute("purpose", why);
            return "members/household";
        }

        /** The insured person's own household (the first one linked to their account). */
        @GetMapping("/mon-foyer")
        String ownHousehold() {
            return households.householdsOf(currentUser.get().accountId()).stream().findFirst()
                    .map(id -> "redirect:/foyers/" + id)
                    .orElseThrow(() -> new fr.traitant.app.platform.NotFoundException("Aucun foyer n'est rattaché à votre compte."));
        }
    }
}
