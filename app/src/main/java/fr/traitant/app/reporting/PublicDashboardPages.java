package fr.traitant.app.reporting;

import fr.traitant.app.platform.Charts;
import fr.traitant.app.platform.ChoroplethMaps;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.FrenchNumbers;
import fr.traitant.app.territory.DepartementShapes;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public dashboard by zone and month (issue #21, point 3): the zone's figures with their definitions, the last
 * twelve months as series, a map of the départements, the sub-zones' table; the open data (CSV with its schema, JSON);
 * a correction published as a new version by a programme manager or the operator.
 */
@Controller
class PublicDashboardPages {

    /** How far back the dashboard goes. */
    static final int MONTHS = 24;

    /** The figures a map may show. */
    enum MapFigure {
        SANS_MEDECIN("Part des assurés sans médecin traitant"),
        ATTENTE("Personnes en attente pour 10 000 assurés"),
        APL("Accessibilité potentielle localisée (APL)");

        final String label;

        MapFigure(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }

        @Nullable
        Double value(ZoneFigures z) {
            return switch (this) {
                case SANS_MEDECIN -> z.withoutDoctorShare();
                case ATTENTE ->
                    z.waitingPeople() == null || z.members() == null || z.members() == 0
                            ? null
                            : 10_000.0 * z.waitingPeople() / z.members();
                case APL -> z.apl();
            };
        }

        String format(double v) {
            return switch (this) {
                case SANS_MEDECIN -> FrenchNumbers.percent(v);
                case ATTENTE -> FrenchNumbers.decimal(v, 1);
                case APL -> FrenchNumbers.decimal(v, 2);
            };
        }
    }

    private final MonthlyFigures figures;
    private final DepartementShapes shapes;

    PublicDashboardPages(MonthlyFigures figures, DepartementShapes shapes) {
        this.figures = figures;
        this.shapes = shapes;
    }

    private YearMonth month(@Nullable String text) {
        YearMonth current = figures.currentMonth();
        if (text == null || text.isBlank()) return current;
        YearMonth m;
        try {
            m = YearMonth.parse(text.strip());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("Mois attendu au format AAAA-MM, pas « " + text + " ».");
        }
        if (m.isAfter(current) || m.isBefore(current.minusMonths(MONTHS - 1))) {
            throw new IllegalArgumentException("Le tableau de bord couvre les " + MONTHS + " derniers mois, de "
                    + FrenchDates.month(current.minusMonths(MONTHS - 1)) + " à " + FrenchDates.month(current) + ".");
        }
        return m;
    }

    @GetMapping("/tableau-de-bord")
    String page(
            @RequestParam(defaultValue = "FR") String zone,
            @RequestParam(name = "mois", required = false) @Nullable String monthText,
            @RequestParam(name = "carte", defaultValue = "SANS_MEDECIN") MapFigure map,
            Model model) {
        YearMonth month = month(monthText);
        MonthlyFigures.Published published = figures.of(month);
        ZoneFigures shown = published
                .zone(zone)
                .orElseThrow(() -> new IllegalArgumentException(
                        published.version() > 0
                                        && figures.of(figures.currentMonth())
                                                .zone(zone)
                                                .isPresent()
                                ? "Les chiffres de " + FrenchDates.month(month)
                                        + " ont été publiés sans cette zone (publiés avant"
                                        + " l’ajout des intercommunalités) : choisissez un mois plus récent ou son département."
                                : "Zone inconnue : « " + zone + " »."));
        model.addAttribute("published", published);
        model.addAttribute("z", shown);
        model.addAttribute("month", month);
        model.addAttribute("monthName", FrenchDates.month(month));
        List<YearMonth> months = new ArrayList<>();
        for (int i = 0; i < MONTHS; i++) months.add(figures.currentMonth().minusMonths(i));
        model.addAttribute("months", months);
        model.addAttribute("zones", published.zones());
        model.addAttribute("map", map);
        model.addAttribute("maps", MapFigure.values());
        model.addAttribute("subzones", subzones(published, shown));
        model.addAttribute("series", series(zone, published));
        Map<String, @Nullable Double> values = new HashMap<>();
        Map<String, String> names = new HashMap<>();
        for (ZoneFigures z : published.zones()) {
            if (!z.level().equals("DEPARTEMENT")) continue;
            values.put(z.zone(), map.value(z));
            names.put(z.zone(), z.name());
        }
        DepartementShapes.Shapes s = shapes.shapes();
        model.addAttribute(
                "choropleth",
                ChoroplethMaps.of(
                        s.width(),
                        s.height(),
                        s.paths(),
                        values,
                        code -> names.getOrDefault(code, code),
                        map::format,
                        map.label()));
        return "reporting/dashboard";
    }

    /** The zones one level down: the régions of France, the départements of a région, the EPCI of a département. */
    private static List<ZoneFigures> subzones(MonthlyFigures.Published published, ZoneFigures zone) {
        return published.zones().stream()
                .filter(z -> zone.zone().equals(z.parent()))
                .toList();
    }

    /** People waiting and attached over the twelve months up to {@code month}. */
    private Charts.LineChart series(String zone, MonthlyFigures.Published shown) {
        YearMonth month = shown.month();
        List<Charts.Datum> waiting = new ArrayList<>(), attached = new ArrayList<>();
        double max = 0;
        for (int i = 11; i >= 0; i--) {
            YearMonth m = month.minusMonths(i);
            // the month shown is already computed (live when it is the current one): not computed again
            ZoneFigures z = (i == 0 ? shown : figures.of(m)).zone(zone).orElse(null);
            if (z == null) continue;
            java.time.LocalDate day = m.atEndOfMonth();
            if (z.waitingPeople() != null) {
                waiting.add(new Charts.Datum(day, z.waitingPeople(), FrenchNumbers.count(z.waitingPeople())));
                max = Math.max(max, z.waitingPeople());
            }
            if (z.attachedPeople() != null) {
                attached.add(new Charts.Datum(day, z.attachedPeople(), FrenchNumbers.count(z.attachedPeople())));
                max = Math.max(max, z.attachedPeople());
            }
        }
        return Charts.lines(
                List.of(
                        new Charts.SeriesData("Personnes en attente (fin de mois)", Charts.BLUE, false, waiting),
                        new Charts.SeriesData("Personnes rattachées dans le mois", Charts.GREEN, true, attached)),
                max,
                v -> FrenchNumbers.count(Math.round(v)));
    }

    @GetMapping(value = "/tableau-de-bord.csv", produces = "text/csv")
    ResponseEntity<String> csv(@RequestParam(name = "mois", required = false) @Nullable String monthText) {
        YearMonth month = month(monthText);
        MonthlyFigures.Published p = figures.of(month);
        return fr.traitant.app.platform.CsvExport.of(
                "traitant-chiffres-" + month + ".csv",
                OpenData.COLUMNS,
                p.zones().stream().map(z -> OpenData.cells(p, z)).toList());
    }

    @GetMapping("/tableau-de-bord/schema")
    String schema(Model model) {
        model.addAttribute("columns", OpenData.SCHEMA);
        return "reporting/schema";
    }

    @GetMapping(value = "/api/v1/figures/dashboard", produces = MediaType.APPLICATION_JSON_VALUE)
    @ResponseBody
    MonthlyFigures.Published api(
            @RequestParam(name = "mois", required = false) @Nullable String monthText,
            @RequestParam(required = false) @Nullable String zone) {
        MonthlyFigures.Published p = figures.of(month(monthText));
        if (zone == null || zone.isBlank()) return p;
        ZoneFigures z = p.zone(zone.strip())
                .orElseThrow(() -> new IllegalArgumentException("Zone inconnue : « " + zone + " »."));
        return new MonthlyFigures.Published(
                p.month(), p.version(), p.publishedAt(), p.reconstructed(), p.note(), List.of(z));
    }

    @PostMapping("/tableau-de-bord/correction")
    String correct(
            @RequestParam(name = "mois") String monthText,
            @RequestParam(defaultValue = "") String note,
            RedirectAttributes redirect) {
        YearMonth month = month(monthText);
        if (note.isBlank()) throw new IllegalArgumentException("Dites ce que corrige la nouvelle version.");
        int version = figures.publish(month, false, note);
        redirect.addFlashAttribute(
                "message", "Version " + version + " des chiffres de " + FrenchDates.month(month) + " publiée.");
        return "redirect:/tableau-de-bord?mois=" + month;
    }
}
