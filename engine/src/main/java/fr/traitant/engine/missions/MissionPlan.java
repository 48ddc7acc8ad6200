package fr.traitant.engine.missions;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A month's planned days and their score. {@link Score} orders plans as the objective does: more sites with a day,
 * then more need-weighted value, then less travel.
 */
public record MissionPlan(List<Day> days, Score score) {

    /** A planned day: a volunteer at a site on a date, and the travel time (one trip a day). */
    public record Day(String volunteer, String site, LocalDate date, double minutes) {}

    /**
     * @param sitesWithDays sites with at least one day
     * @param value         Σ need × (1 + 1/2 + … + 1/days) over the sites
     * @param travelMinutes total travel, one trip per day
     */
    public record Score(int sitesWithDays, double value, double travelMinutes) implements Comparable<Score> {

        /** Relative tolerance under which two values are taken as equal (sums of fractions in floating point). */
        static final double TOLERANCE = 1e-9;

        /** Positive when this score is better. */
        @Override
        public int compareTo(Score o) {
            if (sitesWithDays != o.sitesWithDays) return Integer.compare(sitesWithDays, o.sitesWithDays);
            double scale = Math.max(1, Math.max(Math.abs(value), Math.abs(o.value)));
            if (Math.abs(value - o.value) > TOLERANCE * scale) return Double.compare(value, o.value);
            double tscale = Math.max(1, Math.max(travelMinutes, o.travelMinutes));
            if (Math.abs(travelMinutes - o.travelMinutes) > TOLERANCE * tscale) {
                return Double.compare(o.travelMinutes, travelMinutes);
            }
            return 0;
        }
    }

    /** The score of these days on this problem (whether or not they break a rule). */
    public static MissionPlan of(MissionProblem problem, List<Day> days) {
        List<Day> sorted = new ArrayList<>(days);
        sorted.sort(Comparator.comparing(Day::date).thenComparing(Day::site).thenComparing(Day::volunteer));
        Map<String, Integer> perSite = new HashMap<>();
        double travel = 0;
        for (Day d : sorted) {
            perSite.merge(d.site(), 1, Integer::sum);
            travel += d.minutes();
        }
        double value = 0;
        for (MissionProblem.Site s : problem.sites()) {
            int n = perSite.getOrDefault(s.id(), 0);
            value += s.need() * harmonic(n);
        }
        return new MissionPlan(List.copyOf(sorted), new Score(perSite.size(), value, travel));
    }

    /** 1 + 1/2 + … + 1/n. */
    public static double harmonic(int n) {
        double h = 0;
        for (int k = 1; k <= n; k++) h += 1.0 / k;
        return h;
    }

    /** Days per site id. */
    public Map<String, Integer> daysBySite() {
        Map<String, Integer> result = new java.util.TreeMap<>();
        for (Day d : days) result.merge(d.site(), 1, Integer::sum);
        return result;
    }
}
