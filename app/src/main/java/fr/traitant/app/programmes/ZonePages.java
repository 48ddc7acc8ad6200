package fr.traitant.app.programmes;

import fr.traitant.app.platform.SemicolonCsv;
import fr.traitant.app.platform.TextFile;
import fr.traitant.app.territory.EpciOutlines;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** Priority zones (PROGRAMME_MANAGER): the official lists, their import, and the comparison with the computed ones. */
@Controller
class ZonePages {

    private final PriorityZones zones;
    private final EpciOutlines outlines;

    ZonePages(PriorityZones zones, EpciOutlines outlines) {
        this.zones = zones;
        this.outlines = outlines;
    }

    @GetMapping("/programmes/zones")
    String page(Model model) {
        model.addAttribute("lists", zones.lists());
        // every EPCI scored once (the directory's whole supply is read for it), for the comparison and the candidates
        List<PriorityZones.Zone> all = zones.computed(Integer.MAX_VALUE);
        model.addAttribute(
                "comparison",
                zones.latest().map(l -> zones.compare(l.id(), all)).orElse(null));
        model.addAttribute("candidates", all.subList(0, Math.min(151, all.size())));
        if (!model.containsAttribute("name")) model.addAttribute("name", "");
        if (!model.containsAttribute("published")) model.addAttribute("published", "");
        return "programmes/zones";
    }

    /**
     * The current priority zones as GeoJSON for every map (public: the official list is public, the computed one says
     * only which EPCI score highest), outlines approximate ({@link EpciOutlines}).
     */
    @GetMapping(value = "/geo/zones-prioritaires.geojson", produces = "application/geo+json")
    @ResponseBody
    ResponseEntity<Map<String, Object>> outlines() {
        PriorityZones.CurrentZones current = zones.current();
        List<Map<String, Object>> features = new ArrayList<>();
        for (EpciOutlines.Outline o : outlines.of(current.sirens())) {
            features.add(Map.of(
                    "type", "Feature",
                    "properties", Map.of("siren", o.siren(), "nom", o.name()),
                    "geometry", Map.of("type", "MultiPolygon", "coordinates", o.polygons())));
        }
        Map<String, Object> collection = new LinkedHashMap<>();
        collection.put("type", "FeatureCollection");
        int missing = current.sirens().size() - features.size();
        collection.put(
                "legend",
                missing == 0
                        ? current.legend()
                        : current.legend() + " ; " + missing
                                + (missing > 1
                                        ? " zones d’outre-mer ne sont pas tracées"
                                        : " zone d’outre-mer n’est pas tracée"));
        collection.put("official", current.official());
        collection.put("features", features);
        return ResponseEntity.ok()
                .cacheControl(CacheControl.maxAge(Duration.ofMinutes(10)))
                .contentType(MediaType.parseMediaType("application/geo+json"))
                .body(collection);
    }

    @PostMapping("/programmes/zones")
    String upload(
            @RequestParam(defaultValue = "") String name,
            @RequestParam(defaultValue = "") String published,
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        List<String> errors = new ArrayList<>();
        LocalDate date = null;
        if (name.isBlank())
            errors.add("Donnez un nom à la liste (par exemple « 151 EPCI prioritaires, septembre 2025 »).");
        try {
            date = LocalDate.parse(published);
        } catch (DateTimeParseException e) {
            errors.add("Indiquez la date de publication de la liste.");
        }
        if (file == null || file.isEmpty())
            errors.add("Choisissez un fichier à importer (CSV UTF-8, colonne « epci »).");
        if (errors.isEmpty() && file != null && date != null) {
            try (var reader = TextFile.utf8(file.getInputStream())) {
                long id = zones.importList(name, date, reader);
                redirect.addFlashAttribute(
                        "message", "Liste importée : " + zones.zonesOf(id).size() + " intercommunalités prioritaires.");
                return "redirect:/programmes/zones";
            } catch (SemicolonCsv.Refused e) {
                errors.addAll(e.errors());
            } catch (IllegalArgumentException e) {
                errors.add(String.valueOf(e.getMessage()));
            }
        }
        response.setStatus(422);
        model.addAttribute("errors", errors);
        model.addAttribute("name", name);
        model.addAttribute("published", published);
        return page(model);
    }
}
