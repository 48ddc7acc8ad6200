package fr.traitant.app.members;

import static fr.traitant.app.identity.AccessRule.everybody;
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
                roles(HttpMethod.GET, "/mon-foyer", Role.INSURED),
                // aggregate figures only, as published in the fund's activity report
                everybody(HttpMethod.GET, "/api/v1/figures/population"),
                everybody(HttpMethod.GET, "/chiffres/population"),
                roles(HttpMethod.GET, "/adherents/import", Role.ADVISOR, Role.ADMIN),
                roles(HttpMethod.POST, "/adherents/import", Role.ADVISOR, Role.ADMIN));
    }

    @RestController
    static class MembersApi {
        private final Households households;
        private final PopulationFigures populationFigures;

        MembersApi(Households households, PopulationFigures populationFigures) {
            this.households = households;
            this.populationFigures = populationFigures;
        }

        /** The protected population by category and age band, in the shape of the fund's report (aggregates only). */
        @GetMapping("/api/v1/figures/population")
        PopulationTable population() {
            return populationFigures.table();
        }

        /** A household with its members (NIR masked); 404 when it does not exist or is not yours. */
        @GetMapping("/api/v1/households/{id}")
        HouseholdView household(@PathVariable long id, @RequestParam(name = "motif", required = false) String purpose) {
            return households.read(id, purpose);
        }
    }

    @Controller
    static class MembersPages {
        private final Households households;
        private final fr.traitant.app.identity.CurrentUser currentUser;
        private final PopulationFigures populationFigures;
        private final MemberImport memberImport;
        private final ActivationCodes activationCodes;

        MembersPages(
                Households households,
                fr.traitant.app.identity.CurrentUser currentUser,
                PopulationFigures populationFigures,
                MemberImport memberImport,
                ActivationCodes activationCodes) {
            this.activationCodes = activationCodes;
            this.households = households;
            this.currentUser = currentUser;
            this.populationFigures = populationFigures;
            this.memberImport = memberImport;
        }

        @GetMapping("/chiffres/population")
        String population(Model model) {
            model.addAttribute("table", populationFigures.table());
            model.addAttribute("categories", MemberCategory.values());
            return "members/population";
        }

        @GetMapping("/adherents/import")
        String importForm(Model model) {
            model.addAttribute("columns", String.join(";", MemberImport.COLUMNS));
            return "members/import";
        }

        @org.springframework.web.bind.annotation.PostMapping("/adherents/import")
        String importFile(
                @RequestParam(name = "fichier", required = false) org.springframework.web.multipart.MultipartFile file,
                Model model,
                jakarta.servlet.http.HttpServletResponse response) {
            model.addAttribute("columns", String.join(";", MemberImport.COLUMNS));
            if (file == null || file.isEmpty()) {
                response.setStatus(422);
                model.addAttribute(
                        "errors", List.of("Choisissez un fichier à importer (CSV UTF-8, séparateur « ; »)."));
                return "members/import";
            }
            try {
                model.addAttribute("result", memberImport.importCsv(file));
            } catch (MemberImportRefused e) {
                response.setStatus(422);
                model.addAttribute("errors", e.errors());
            } catch (fr.traitant.app.platform.ConflictException e) {
                response.setStatus(409);
                model.addAttribute("errors", List.of(e.getMessage()));
            }
            return "members/import";
        }

        @GetMapping("/foyers/{id}")
        String household(
                @PathVariable long id, @RequestParam(name = "motif", required = false) String purpose, Model model) {
            String why = purpose == null || purpose.isBlank() ? Households.DEFAULT_AGENT_PURPOSE : purpose;
            model.addAttribute("household", households.read(id, why));
            model.addAttribute("purposes", PURPOSES);
            model.addAttribute("purpose", why);
            boolean advisor = currentUser.get().role() == Role.ADVISOR;
            model.addAttribute("activation", advisor ? activationCodes.stateByMember(id) : null);
            return "members/household";
        }

        /** The insured person's own household (the first one linked to their account). */
        @GetMapping("/mon-foyer")
        String ownHousehold() {
            return households.householdsOf(currentUser.get().accountId()).stream()
                    .findFirst()
                    .map(id -> "redirect:/foyers/" + id)
                    .orElseThrow(() -> new fr.traitant.app.platform.NotFoundException(
                            "Aucun foyer n'est rattaché à votre compte."));
        }
    }
}
