package fr.traitant.app.programmes;

import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.directory.SupplyLine;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * The computed candidate priority zones, with a transparent score: for each inhabited EPCI four criteria, each turned
 * into its percentile among all EPCI (0 = best served, 1 = worst), averaged with equal weights:
 * <ul>
 *   <li>the APL (lower is worse);
 *   <li>the fund's members in ALD without a médecin traitant per 10,000 inhabitants (higher is worse);
 *   <li>general practitioners per 10,000 inhabitants (lower is worse);
 *   <li>the share of those GPs aged 60 or over (higher is worse: retirements to come).
 * </ul>
 * Distance to emergency care is not used: the project holds no such data. Every value is shown beside the score.
 */
@Component
class ZoneScores {

    /** An EPCI's criteria and score. */
    record Scored(
            String siren,
            String name,
            long population,
            double apl,
            double aldPer10k,
            double gpsPer10k,
            double gpsOver60Share,
            double score) {}

    private final Accessibility accessibility;
    private final Doctors doctors;
    private final HouseholdNeeds needs;
    private final Territory territory;

    ZoneScores(Accessibility accessibility, Doctors doctors, HouseholdNeeds needs, Territory territory) {
        this.accessibility = accessibility;
        this.doctors = doctors;
        this.needs = needs;
        this.territory = territory;
    }

    /** Every inhabited EPCI with an APL, the highest score (least served) first. */
    List<Scored> all() {
        if (!accessibility.hasScores()) return List.of();
        Communes communes = territory.engineCommunes();
        Map<String, String> epciOf = new HashMap<>();
        for (Commune c : communes.asList()) epciOf.put(c.code(), c.epci());
        Map<String, long[]> gps = new HashMap<>(); // all, 60+
        for (SupplyLine s : doctors.activeSupply()) {
            String epci = epciOf.get(s.communeCode());
            if (epci == null || !s.generalPractitioner()) continue;
            long[] g = gps.computeIfAbsent(epci, k -> new long[2]);
            g[0]++;
            if (s.ageYears() >= 60) g[1]++;
        }
        Map<String, Long> ald = new HashMap<>();
        for (HouseholdNeeds.Need n : needs.withLongTermConditionWithoutDoctor()) {
            String epci = n.communeCode() == null ? null : epciOf.get(n.communeCode());
            if (epci != null) ald.merge(epci, (long) n.longTermConditionWithoutDoctor(), Long::sum);
        }
        List<Accessibility.AreaAccessibility> areas = accessibility.lowestEpcis(Accessibility.MAX_EPCI).stream()
                .filter(a -> a.population() > 0)
                .toList();
        int n = areas.size();
        double[] apl = new double[n], aldRate = new double[n], density = new double[n], old = new double[n];
        for (int i = 0; i < n; i++) {
            var a = areas.get(i);
            long[] g = gps.getOrDefault(a.code(), new long[2]);
            apl[i] = a.apl();
            aldRate[i] = 10_000.0 * ald.getOrDefault(a.code(), 0L) / a.population();
            density[i] = 10_000.0 * g[0] / a.population();
            old[i] = g[0] == 0 ? 0 : (double) g[1] / g[0];
        }
        double[] pApl = percentiles(apl, false), pAld = percentiles(aldRate, true);
        double[] pDensity = percentiles(density, false), pOld = percentiles(old, true);
        List<Scored> scored = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            var a = areas.get(i);
            scored.add(new Scored(
                    a.code(),
                    a.name() == null ? a.code() : a.name(),
                    a.population(),
                    apl[i],
                    aldRate[i],
                    density[i],
                    old[i],
                    (pApl[i] + pAld[i] + pDensity[i] + pOld[i]) / 4));
        }
        scored.sort(Comparator.comparingDouble(Scored::score).reversed().thenComparing(Scored::siren));
        return scored;
    }

    /**
     * Each value's percentile among all, 0 to 1, oriented so that 1 is the worst served; ties share the average of
     * their positions.
     *
     * @param higherIsWorse whether a higher value means less access
     */
    static double[] percentiles(double[] values, boolean higherIsWorse) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, Comparator.comparingDouble(i -> higherIsWorse ? values[i] : -values[i]));
        double[] p = new double[n];
        for (int start = 0; start < n; ) {
            int end = start;
            while (end + 1 < n && values[order[end + 1]] == values[order[start]]) end++;
            double rank = n == 1 ? 1 : ((start + end) / 2.0) / (n - 1);
            for (int k = start; k <= end; k++) p[order[k]] = rank;
            start = end + 1;
        }
        return p;
    }
}
