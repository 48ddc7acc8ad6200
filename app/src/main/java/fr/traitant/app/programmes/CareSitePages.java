package fr.traitant.app.programmes;

import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.territory.Territory;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The France Santé registry (PROGRAMME_MANAGER): the sites, their criteria, the labelling decisions, the import. */
@Controller
class CareSitePages {

    private final CareSites sites;
    private final Territory territory;

    CareSitePages(CareSites sites, Territory territory) {
        this.sites = sites;
        this.territory = territory;
    }

    @GetMapping("/programmes/sites")
    String list(
            @RequestParam(required = false) @Nullable String statut,
            @RequestParam(required = false) @Nullable String departement,
            ListRequest list,
            Model model) {
        CareSiteStatus status = null;
        for (CareSiteStatus s : CareSiteStatus.values()) if (s.name().equals(statut)) status = s;
        String dep = departement == null || departement.isBlank()
                ? null
                : departement.strip().toUpperCase(Locale.ROOT);
        if (dep != null && !territory.isDepartement(dep)) dep = null;
        model.addAttribute("sites", sites.page(status, dep, list));
        model.addAttribute("counts", sites.counts());
        model.addAttribute("statuses", CareSiteStatus.values());
        model.addAttribute("statut", status == null ? "" : status.name());
        model.addAttribute("departement", dep == null ? "" : dep);
        model.addAttribute("kinds", kinds());
        if (!model.containsAttribute("form")) model.addAttribute("form", SiteForm.empty());
        return "programmes/sites";
    }

    @PostMapping("/programmes/sites")
    String add(
            @Valid @ModelAttribute("form") SiteForm form,
            BindingResult errors,
            ListRequest list,
            Model model,
            HttpServletResponse response) {
        String commune = null;
        if (!errors.hasFieldErrors("commune")) {
            commune = territory
                    .resolveCommune(Objects.requireNonNull(form.commune()))
                    .map(fr.traitant.app.territory.CommuneSummary::code)
                    .orElse(null);
            if (commune == null) {
                errors.rejectValue(
                        "commune", "commune", "Commune inconnue : son nom ou son code INSEE, par exemple 46042.");
            }
        }
        if (!errors.hasErrors()) {
            try {
                long id = sites.add(new CareSites.NewSite(
                        Objects.requireNonNull(form.name()).strip(),
                        Objects.requireNonNull(form.kind()),
                        form.address() == null ? "" : form.address().strip(),
                        Objects.requireNonNull(commune),
                        Objects.requireNonNull(form.openingDays()),
                        Boolean.TRUE.equals(form.nurse()),
                        Boolean.TRUE.equals(form.sector1()),
                        Boolean.TRUE.equals(form.sas()),
                        Boolean.TRUE.equals(form.appointment48h())));
                return "redirect:/programmes/sites/" + id;
            } catch (ConflictException e) {
                errors.rejectValue("name", "name", String.valueOf(e.getMessage()));
            }
        }
        response.setStatus(422);
        return list(null, null, list, model);
    }

    @GetMapping("/programmes/sites/{id}")
    String site(@PathVariable long id, Model model) {
        CareSite site = sites.get(id);
        model.addAttribute("site", site);
        model.addAttribute("history", sites.history(id));
        model.addAttribute("commune", territory.communeLabel(site.communeCode()));
        return "programmes/site";
    }

    @PostMapping("/programmes/sites/{id}/statut")
    String move(
            @PathVariable long id,
            @RequestParam CareSiteStatus statut,
            @RequestParam(defaultValue = "") String autorite,
            @RequestParam(defaultValue = "") String note,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        try {
            CareSite moved = sites.move(id, statut, autorite, note);
            redirect.addFlashAttribute(
                    "message",
                    "Site « " + moved.name() + " » : " + moved.status().label() + ".");
            return "redirect:/programmes/sites/" + id;
        } catch (ConflictException | IllegalArgumentException e) {
            response.setStatus(422);
            model.addAttribute("error", e.getMessage());
            model.addAttribute("autorite", autorite);
            model.addAttribute("note", note);
            return site(id, model);
        }
    }

    @GetMapping("/programmes/sites/import")
    String importForm(Model model) {
        model.addAttribute("columns", String.join(";", CareSites.COLUMNS));
        model.addAttribute(
                "slugs",
                java.util.Arrays.stream(CareSiteKind.values())
                        .map(k -> new fr.traitant.app.platform.FormChoice(k.slug(), k.label()))
                        .toList());
        return "programmes/import";
    }

    @PostMapping("/programmes/sites/import")
    String importFile(
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        fr.traitant.app.platform.CsvUpload.show(
                file, fr.traitant.app.platform.CsvUpload.utf8(sites::importFile), "imported", model, response);
        return importForm(model);
    }

    private static List<fr.traitant.app.platform.FormChoice> kinds() {
        return java.util.Arrays.stream(CareSiteKind.values())
                .map(k -> new fr.traitant.app.platform.FormChoice(k.name(), k.label()))
                .toList();
    }
}
