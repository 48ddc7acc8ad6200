package fr.traitant.app.cases;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * The indicators of the cases, computed from plain facts (no database, no clock), per kind, for a period of whole
 * days [from, to] in Paris time:
 * <ul>
 *   <li><b>received</b>: cases received in the period; <b>closed</b>: cases closed in the period;</li>
 *   <li><b>handling time</b> of the cases closed in the period, in whole days from the day received to the day
 *   closed: mean and median (the middle value, or the mean of the two middle values);</li>
 *   <li><b>share by motive</b> and <b>share from the insured themselves</b> (channel) among the cases received;</li>
 *   <li><b>satisfaction</b> of the cases closed in the period that were rated: number of answers, mean score and
 *   the count of each score 1–5.</li>
 * </ul>
 */
public final class CaseIndicators {

    /** What one case contributes: its kind, motive, channel, when received and closed (or null), its score (or null). */
    public record Facts(
            CaseKind kind,
            Motive motive,
            Channel channel,
            Instant receivedAt,
            @Nullable Instant closedAt,
            @Nullable Integer satisfaction) {}

    public record MotiveShare(Motive motive, int count, double percent) {}

    /** The figures of one kind of case over the period; the {@code Double} ones are null when nothing was counted. */
    public record KindFigures(
            CaseKind kind,
            int received,
            int closed,
            @Nullable Double meanHandlingDays,
            @Nullable Double medianHandlingDays,
            List<MotiveShare> motives,
            @Nullable Double fromInsuredPercent,
            int satisfactionAnswers,
            @Nullable Double satisfactionMean,
            List<Integer> satisfactionCounts) {
        public KindFigures {
            motives = List.copyOf(motives);
            satisfactionCounts = List.copyOf(satisfactionCounts);
        }

        /** Share of the received cases with this motive (0 when none received). */
        public double percent(Motive motive) {
            return motives.stream()
                    .filter(m -> m.motive() == motive)
                    .mapToDouble(MotiveShare::percent)
                    .findFirst()
                    .orElse(0);
        }

        /** Share of the received cases about finding a médecin traitant. */
        public double findDoctorPercent() {
            return percent(Motive.FIND_DOCTOR);
        }

        /** The largest count of one score, for scaling the bars. */
        public int maxSatisfactionCount() {
            return satisfactionCounts.stream().mapToInt(Integer::intValue).max().orElse(0);
        }
    }

    public record Report(LocalDate from, LocalDate to, List<KindFigures> kinds) {
        public Report {
            kinds = List.copyOf(kinds);
        }

        public KindFigures of(CaseKind kind) {
            return kinds.stream().filter(k -> k.kind() == kind).findFirst().orElseThrow();
        }
    }

    private CaseIndicators() {}

    public static Report compute(List<Facts> facts, LocalDate from, LocalDate to, ZoneId zone) {
        Objects.requireNonNull(from, "from");
        Objects.requireNonNull(to, "to");
        if (to.isBefore(from)) {
            throw new IllegalArgumentException("La fin de la période précède son début.");
        }
        List<KindFigures> kinds = new ArrayList<>();
        for (CaseKind kind : CaseKind.values()) {
            kinds.add(figures(kind, facts.stream().filter(f -> f.kind() == kind).toList(), from, to, zone));
        }
        return new Report(from, to, kinds);
    }

    private static KindFigures figures(CaseKind kind, List<Facts> facts, LocalDate from, LocalDate to, ZoneId zone) {
        List<Facts> received = facts.stream()
                .filter(f -> within(f.receivedAt(), from, to, zone))
                .toList();
        List<Facts> closed = facts.stream()
                .filter(f -> f.closedAt() != null && within(f.closedAt(), from, to, zone))
                .toList();
        long[] days = closed.stream()
                .mapToLong(f -> ChronoUnit.DAYS.between(
                        day(f.receivedAt(), zone), day(Objects.requireNonNull(f.closedAt()), zone)))
                .sorted()
                .toArray();
        List<MotiveShare> motives = new ArrayList<>();
        for (Motive motive : Motive.of(kind)) {
            int count =
                    (int) received.stream().filter(f -> f.motive() == motive).count();
            motives.add(new MotiveShare(motive, count, percent(count, received.size())));
        }
        int fromInsured =
                (int) received.stream().filter(f -> f.channel().fromInsured()).count();
        int[] scores = new int[5];
        closed.stream().map(Facts::satisfaction).filter(Objects::nonNull).forEach(s -> scores[s - 1]++);
        int answers = Arrays.stream(scores).sum();
        double scoreSum = 0;
        for (int s = 0; s < 5; s++) {
            scoreSum += (s + 1) * scores[s];
        }
        return new KindFigures(
                kind,
                received.size(),
                closed.size(),
                mean(days),
                median(days),
                motives,
                received.isEmpty() ? null : percent(fromInsured, received.size()),
                answers,
                answers == 0 ? null : scoreSum / answers,
                Arrays.stream(scores).boxed().toList());
    }

    static @Nullable Double mean(long[] values) {
        return values.length == 0 ? null : Arrays.stream(values).average().orElseThrow();
    }

    /** The median of sorted values. */
    static @Nullable Double median(long[] sorted) {
        int n = sorted.length;
        if (n == 0) {
            return null;
        }
        return n % 2 == 1 ? (double) sorted[n / 2] : (sorted[n / 2 - 1] + sorted[n / 2]) / 2.0;
    }

    private static double percent(int count, int total) {
        return total == 0 ? 0 : 100.0 * count / total;
    }

    private static boolean within(Instant at, LocalDate from, LocalDate to, ZoneId zone) {
        LocalDate d = day(at, zone);
        return !d.isBefore(from) && !d.isAfter(to);
    }

    private static LocalDate day(Instant at, ZoneId zone) {
        return at.atZone(zone).toLocalDate();
    }
}
