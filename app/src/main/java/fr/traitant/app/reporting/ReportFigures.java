package fr.traitant.app.reporting;

import fr.traitant.app.matching.WaitingFigures;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.FrenchNumbers;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.function.DoubleFunction;
import org.jspecify.annotations.Nullable;

/** The report's figures as a French page writes them, and the year-over-year change. */
final class ReportFigures {

    private ReportFigures() {}

    static Instant yearStart(int year) {
        return LocalDate.of(year, 1, 1).atStartOfDay(FrenchDates.PARIS).toInstant();
    }

    static YearReport.Figure figure(String label, long now, long before, String definition) {
        return new YearReport.Figure(
                label,
                count(now),
                count(before),
                change((double) now, (double) before, v -> count((long) v)),
                definition);
    }

    /** The change from the previous year: "+12 (+5,3 %)", "−3 (−1,0 %)", or "—" when there is nothing to compare. */
    static String change(@Nullable Double now, @Nullable Double before, DoubleFunction<String> format) {
        if (now == null || before == null || before == 0) return "—";
        double delta = now - before;
        String sign = delta > 0 ? "+" : delta < 0 ? "−" : "";
        return sign + format.apply(Math.abs(delta)) + " (" + sign + FrenchNumbers.percent(Math.abs(delta) / before)
                + ")";
    }

    static String count(long n) {
        return FrenchNumbers.count(n);
    }

    static double share(long part, long total) {
        return total == 0 ? 0 : (double) part / total;
    }

    static String days(List<WaitingFigures.AttachedAt> attached) {
        if (attached.size() < ZoneFigures.THRESHOLD) return "non diffusée";
        return FrenchNumbers.decimal(
                        MonthlyFigures.median(attached.stream()
                                .mapToDouble(WaitingFigures.AttachedAt::waitDays)
                                .toArray()),
                        0)
                + " jours";
    }

    static String daysText(@Nullable Double days) {
        return days == null ? "—" : FrenchNumbers.decimal(days, 0) + " jours";
    }

    static String score(@Nullable Double mean) {
        return mean == null ? "—" : FrenchNumbers.decimal(mean, 1) + " / 5";
    }

    static double mean(List<Satisfaction.Answer> answers) {
        return answers.stream().mapToInt(Satisfaction.Answer::score).average().orElse(0);
    }
}
