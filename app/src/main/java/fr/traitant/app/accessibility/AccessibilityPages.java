package fr.traitant.app.accessibility;

import fr.traitant.app.directory.Doctors;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The public page "Accès aux soins", its fragments and its CSV download. */
@Controller
class AccessibilityPages {

    private final Accessibility accessibility;
    private final Territory territory;
    private final Doctors doctors;

    AccessibilityPages(Accessibility accessibility, Territory territory, Doctors doctors) {
        this.accessibility = accessibility;
        this.territory = territory;
        this.doctors = doctors;
    }

    @GetMapping("/acces-aux-soins")
    String page(Model model) {
        AccessibilityStatus status = accessibility.status();
        model.addAttribute("status", status);
        boolean ready = accessibility.hasScores();
        model.addAttribute("ready", ready);
        model.addAttribute("syntheticSupply", doctors.anySynthetic());
        if (ready) {
            List<Accessibility.AreaAccessibility> priority = accessibility.lowestEpcis(151);
            model.addAttribute("priorityEpcis", priority);
            model.addAttribute(
                    "priorityPopulation",
                    priority.stream()
                            .mapToLong(Accessibility.AreaAccessibility::population)
                            .sum());
            model.addAttribute(
                    "departements",
                    accessibility.departements().stream()
                            .sorted(java.util.Comparator.comparingDouble(Accessibility.AreaAccessibility::apl))
                            .toList());
            model.addAttribute("regions", accessibility.regions());
        }
        return "accessibility/page";
    }

    /** The status banner, polled by htmx while a computation runs. */
    @GetMapping("/acces-aux-soins/etat")
    String status(Model model) {
        model.addAttribute("status", accessibility.status());
        model.addAttribute("ready", accessibility.hasScores());
        return "accessibility/page :: status";
    }

    /**
     * CommuneSummary search with scores, page by page: the fragment for htmx, the whole page otherwise (a link followed
     * without JavaScript, a bookmarked address).
     */
    @GetMapping("/acces-aux-soins/communes")
    String searchCommunes(
            @RequestParam(defaultValue = "") String query,
            fr.traitant.app.platform.ListRequest list,
            @org.springframework.web.bind.annotation.RequestHeader(name = "HX-Request", required = false) String htmx,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("query", query);
        fr.traitant.app.platform.ListPage<Accessibility.CommunePoint> results = null;
        if (query.length() > Territory.MAX_QUERY_LENGTH) {
            response.setStatus(422);
            model.addAttribute("error", "Le texte recherché dépasse " + Territory.MAX_QUERY_LENGTH + " caractères.");
        } else if (!query.isBlank()) {
            fr.traitant.app.platform.ListPage<CommuneSummary> found = territory.searchCommunes(query, list);
            results = list.page(
                    accessibility.searchCommunes(
                            found.rows().stream().map(CommuneSummary::code).toList()),
                    found.total());
        }
        model.addAttribute("communes", results);
        if (htmx == null) {
            page(model);
            return "accessibility/page";
        }
        return "accessibility/page :: communeResults";
    }

    @GetMapping(value = "/acces-aux-soins/communes.csv")
    ResponseEntity<byte[]> csv() {
        StringBuilder csv = new StringBuilder("code,nom,apl,population,sous_dense\n");
        for (Accessibility.CommunePoint c : accessibility.communePoints(Optional.empty())) {
            csv.append(c.code())
                    .append(',')
                    .append('"')
                    .append(c.name().replace("\"", "\"\""))
                    .append('"')
                    .append(',')
                    .append(String.format(Locale.ROOT, "%.6f", c.apl()))
                    .append(',')
                    .append(c.population())
                    .append(',')
                    .append(c.apl() < Accessibility.UNDERSERVED_THRESHOLD ? "oui" : "non")
                    .append('\n');
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"apl-communes.csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(csv.toString().getBytes(StandardCharsets.UTF_8));
    }
}
