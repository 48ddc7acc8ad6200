package fr.traitant.app.members;

import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

@Controller
class MembersPages {

    /** Why an agent reads a household (chosen on the page, written to the audit trail). */
    static final List<String> PURPOSES = List.of(
            Households.DEFAULT_AGENT_PURPOSE,
            "Recherche d'un médecin traitant pour le foyer",
            "Instruction d'une saisine du conciliateur",
            "Demande d'exercice de droits (RGPD)");

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
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        model.addAttribute("columns", String.join(";", MemberImport.COLUMNS));
        fr.traitant.app.platform.CsvUpload.show(file, memberImport::importCsv, "result", model, response);
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
                .orElseThrow(() ->
                        new fr.traitant.app.platform.NotFoundException("Aucun foyer n'est rattaché à votre compte."));
    }
}
