package fr.traitant.app.territory;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.springframework.core.io.ClassPathResource;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/** CommuneSummary pages, the htmx suggestion fragment and the shipped département outlines. */
@Controller
class TerritoryPages {

    private static final byte[] DEPARTEMENTS_GEOJSON =
            readShipped("fr/traitant/referencedata/departements-metropole.geojson");

    private final Territory territory;

    TerritoryPages(Territory territory) {
        this.territory = territory;
    }

    /** Suggestions under the commune search field (htmx fragment). */
    @GetMapping("/communes/suggestions")
    String suggestions(@RequestParam(defaultValue = "") String query, Model model) {
        searchInto(model, query, 8);
        return "territory/suggestions :: suggestions";
    }

    /**
     * Suggestions for any place field of a form ({@code <datalist>} options "Toulon (83)", which
     * {@link Territory#resolveCommune} reads back): whatever the field's name, its text is the query.
     */
    @GetMapping("/communes/options")
    String options(@RequestParam java.util.Map<String, String> params, Model model) {
        String query = params.values().stream()
                .filter(v -> v != null && !v.isBlank())
                .findFirst()
                .orElse("")
                .strip();
        model.addAttribute(
                "communes",
                query.isEmpty() || query.length() > Territory.MAX_QUERY_LENGTH
                        ? List.of()
                        : territory.searchCommunes(query, 8));
        return "territory/suggestions :: options";
    }

    /** Full results page (the search works without JavaScript too). */
    @GetMapping("/communes")
    String search(
            @RequestParam(defaultValue = "") String query,
            fr.traitant.app.platform.ListRequest list,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        model.addAttribute("query", query);
        model.addAttribute("results", null);
        if (query.length() > Territory.MAX_QUERY_LENGTH) {
            response.setStatus(422);
            model.addAttribute("error", "Le texte recherché dépasse " + Territory.MAX_QUERY_LENGTH + " caractères.");
        } else if (!query.isBlank()) {
            model.addAttribute("results", territory.searchCommunes(query, list));
        }
        return "territory/search";
    }

    private void searchInto(Model model, String query, int limit) {
        model.addAttribute("query", query);
        List<CommuneSummary> communes = List.of();
        if (query.length() > Territory.MAX_QUERY_LENGTH) {
            model.addAttribute("error", "Le texte recherché dépasse " + Territory.MAX_QUERY_LENGTH + " caractères.");
        } else if (!query.isBlank()) {
            communes = territory.searchCommunes(query, limit);
        }
        model.addAttribute("communes", communes);
    }

    @GetMapping("/communes/{code}")
    String commune(@PathVariable String code, Model model) {
        model.addAttribute("commune", territory.getCommune(code));
        return "territory/commune";
    }

    @GetMapping(value = "/geo/departements.geojson", produces = "application/geo+json")
    @ResponseBody
    ResponseEntity<byte[]> departementOutlines() {
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(java.time.Duration.ofDays(1)))
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(DEPARTEMENTS_GEOJSON);
    }

    private static byte[] readShipped(String path) {
        try (InputStream in = new ClassPathResource(path).getInputStream()) {
            return in.readAllBytes();
        } catch (IOException e) {
            throw new IllegalStateException("Missing shipped reference file " + path, e);
        }
    }
}
