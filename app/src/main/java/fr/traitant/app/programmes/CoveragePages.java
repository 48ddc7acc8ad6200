package fr.traitant.app.programmes;

import fr.traitant.app.platform.CsvExport;
import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;

/**
 * The coverage of the labelled France Santé sites (PROGRAMME_MANAGER): figures, map, tables, CSV per commune, and
 * where to label next.
 */
@Controller
class CoveragePages {

    private final SiteCoverage coverage;
    private final CareSites sites;
    private final Territory territory;
    private final TraitantProperties properties;
    private final PriorityZones zones;

    CoveragePages(
            SiteCoverage coverage,
            CareSites sites,
            Territory territory,
            TraitantProperties properties,
            PriorityZones zones) {
        this.zones = zones;
        this.coverage = coverage;
        this.sites = sites;
        this.territory = territory;
        this.properties = properties;
    }

    @GetMapping("/programmes/couverture")
    String page(
            @RequestParam(required = false) Integer k,
            @RequestParam(name = "parmi", required = false) String source,
            Model model) {
        SiteCoverage.Coverage c = coverage.coverage();
        model.addAttribute("coverage", c);
        model.addAttribute(
                "departements",
                c.departements().stream()
                        .sorted(Comparator.comparingDouble(SiteCoverage.Area::share)
                                .thenComparing(SiteCoverage.Area::code))
                        .toList());
        model.addAttribute(
                "zones",
                zones.latest()
                        .map(l -> c.of(new java.util.HashSet<>(zones.zonesOf(l.id())), l.name()))
                        .orElse(null));
        int wanted = k == null ? 10 : Math.max(1, Math.min(200, k));
        model.addAttribute("k", wanted);
        SiteCoverage.Candidates from =
                "cabinets".equals(source) ? SiteCoverage.Candidates.PRACTICES : SiteCoverage.Candidates.REGISTRY;
        model.addAttribute("source", from == SiteCoverage.Candidates.PRACTICES ? "cabinets" : "registre");
        model.addAttribute("proposals", coverage.whereNext(wanted, from));
        model.addAttribute("tileUrl", properties.map().tileUrl());
        model.addAttribute("tileAttribution", properties.map().tileAttribution());
        return "programmes/coverage";
    }

    @GetMapping(value = "/programmes/couverture.csv", produces = "text/csv")
    ResponseEntity<String> csv() {
        SiteCoverage.Coverage c = coverage.coverage();
        Communes communes = territory.engineCommunes();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) {
            Commune commune = communes.get(i);
            double m = c.minutes()[i];
            rows.add(List.of(
                    commune.code(),
                    commune.name(),
                    commune.departement(),
                    Long.toString(commune.population()),
                    Double.isInfinite(m) ? "" : String.format(Locale.ROOT, "%.1f", m),
                    m <= SiteCoverage.MINUTES ? "1" : "0"));
        }
        return CsvExport.of(
                "couverture-france-sante.csv",
                List.of(
                        "code_commune",
                        "commune",
                        "departement",
                        "population",
                        "minutes_site_le_plus_proche",
                        "a_30_minutes"),
                rows);
    }

    @GetMapping(value = "/programmes/couverture-epci.csv", produces = "text/csv")
    ResponseEntity<String> epciCsv() {
        SiteCoverage.Coverage c = coverage.coverage();
        java.util.Set<String> priority = zones.latest()
                .map(l -> (java.util.Set<String>) new java.util.HashSet<>(zones.zonesOf(l.id())))
                .orElse(java.util.Set.of());
        List<List<String>> rows = new ArrayList<>();
        for (SiteCoverage.Area a : c.epcis()) {
            rows.add(List.of(
                    a.code(),
                    a.name(),
                    Long.toString(a.population()),
                    Long.toString(a.covered()),
                    String.format(Locale.ROOT, "%.4f", a.share()),
                    priority.contains(a.code()) ? "oui" : "non"));
        }
        return CsvExport.of(
                "couverture-france-sante-epci.csv",
                List.of(
                        "siren",
                        "intercommunalite",
                        "population",
                        "population_a_30_minutes",
                        "part",
                        "zone_prioritaire"),
                rows);
    }

    /** The latest official list of priority zones and the computed candidates, with their criteria. */
    @GetMapping(value = "/api/v1/programmes/priority-zones", produces = "application/json")
    @ResponseBody
    Map<String, Object> priorityZones() {
        Map<String, Object> body = new java.util.LinkedHashMap<>();
        zones.latest().ifPresent(l -> {
            Map<String, String> names = territory.epciNames();
            body.put(
                    "official",
                    Map.of(
                            "name", l.name(),
                            "publishedOn", l.publishedOn().toString(),
                            "zones",
                                    zones.zonesOf(l.id()).stream()
                                            .map(s -> Map.of("siren", s, "name", names.getOrDefault(s, s)))
                                            .toList()));
        });
        body.put("computed", zones.computed(151));
        return body;
    }

    /** The départements' coverage and the labelled sites' places, for the map. */
    @GetMapping(value = "/api/v1/programmes/coverage", produces = "application/json")
    @ResponseBody
    Map<String, Object> json() {
        SiteCoverage.Coverage c = coverage.coverage();
        Communes communes = territory.engineCommunes();
        List<Map<String, Object>> labelled = new ArrayList<>();
        for (String code : sites.labelledCommunes()) {
            Commune commune = communes.get(communes.indexOf(code));
            labelled.add(Map.of(
                    "commune",
                    code,
                    "lat",
                    commune.position().lat(),
                    "lon",
                    commune.position().lon()));
        }
        return Map.of("france", c.france(), "departements", c.departements(), "sites", labelled);
    }
}
