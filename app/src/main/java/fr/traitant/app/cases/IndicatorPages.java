package fr.traitant.app.cases;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The indicators of the cases over a period (no personal data), as a page with bars and as CSV. */
@Controller
class IndicatorPages {

    static final int MAX_DAYS = 3 * 366;
    private final Cases cases;

    IndicatorPages(Cases cases) {
        this.cases = cases;
    }

    record Period(LocalDate from, LocalDate to) {}

    private Period period(String from, String to) {
        try {
            if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
                int year = cases.defaultIndicatorYear();
                return new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
            }
            LocalDate f = LocalDate.parse(from.strip());
            LocalDate t = LocalDate.parse(to.strip());
            if (t.isBefore(f)) {
                throw new IllegalArgumentException("La fin de la période précède son début.");
            }
            if (f.plusDays(MAX_DAYS).isBefore(t)) {
                throw new IllegalArgumentException("La période compte au plus trois ans.");
            }
            return new Period(f, t);
        } catch (DateTimeParseException | NullPointerException e) {
            throw new IllegalArgumentException("Les dates sont de la forme AAAA-MM-JJ.");
        }
    }

    @GetMapping("/indicateurs/dossiers")
    String page(
            @RequestParam(name = "du", required = false) String from,
            @RequestParam(name = "au", required = false) String to,
            Model model) {
        Period p;
        try {
            p = period(from, to);
        } catch (IllegalArgumentException e) {
            model.addAttribute("periodError", e.getMessage());
            int year = cases.defaultIndicatorYear();
            p = new Period(LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31));
        }
        model.addAttribute("report", cases.indicators(p.from(), p.to()));
        int year = cases.today().getYear();
        model.addAttribute("years", List.of(year, year - 1, year - 2, year - 3));
        model.addAttribute("synthetic", cases.hasSyntheticHistory());
        model.addAttribute("pass", CaseKind.PASS);
        model.addAttribute("conciliation", CaseKind.CONCILIATION);
        return "cases/indicators";
    }

    @GetMapping(value = "/indicateurs/dossiers.csv", produces = "text/csv")
    ResponseEntity<String> csv(
            @RequestParam(name = "du", required = false) String from,
            @RequestParam(name = "au", required = false) String to) {
        Period p = period(from, to);
        CaseIndicators.Report report = cases.indicators(p.from(), p.to());
        StringWriter out = new StringWriter();
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord("du", "au", "type", "indicateur", "valeur");
            for (String[] row : rows(report)) {
                csv.writeRecord(row);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(
                        HttpHeaders.CONTENT_DISPOSITION,
                        "attachment; filename=\"indicateurs-dossiers-" + p.from() + "-" + p.to() + ".csv\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }

    static List<String[]> rows(CaseIndicators.Report report) {
        List<String[]> rows = new ArrayList<>();
        for (CaseIndicators.KindFigures k : report.kinds()) {
            String from = report.from().toString();
            String to = report.to().toString();
            String kind = k.kind().name();
            rows.add(new String[] {from, to, kind, "recus", Integer.toString(k.received())});
            rows.add(new String[] {from, to, kind, "clotures", Integer.toString(k.closed())});
            rows.add(new String[] {from, to, kind, "delai_moyen_jours", number(k.meanHandlingDays())});
            rows.add(new String[] {from, to, kind, "delai_median_jours", number(k.medianHandlingDays())});
            rows.add(new String[] {from, to, kind, "part_venant_des_assures_pct", number(k.fromInsuredPercent())});
            for (CaseIndicators.MotiveShare m : k.motives()) {
                rows.add(new String[] {
                    from, to, kind, "motif_" + m.motive().name() + "_nombre", Integer.toString(m.count())
                });
                rows.add(new String[] {from, to, kind, "motif_" + m.motive().name() + "_pct", number(m.percent())});
            }
            rows.add(new String[] {from, to, kind, "satisfaction_reponses", Integer.toString(k.satisfactionAnswers())});
            rows.add(new String[] {from, to, kind, "satisfaction_moyenne", number(k.satisfactionMean())});
            for (int s = 1; s <= 5; s++) {
                rows.add(new String[] {
                    from,
                    to,
                    kind,
                    "satisfaction_note_" + s,
                    Integer.toString(k.satisfactionCounts().get(s - 1))
                });
            }
        }
        return rows;
    }

    private static String number(@Nullable Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.1f", value);
    }
}
