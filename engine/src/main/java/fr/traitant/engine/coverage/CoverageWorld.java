package fr.traitant.engine.coverage;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Communes with their population and the road times between them: exactly the listed pairs are reachable, and a
 * commune reaches a site in its own commune in 0 minutes. Times are "from where people live, to a site's commune".
 */
public final class CoverageWorld {

    /** A commune: code and population. */
    public record Commune(String code, long population) {
        public Commune {
            Objects.requireNonNull(code);
            if (population < 0) throw new IllegalArgumentException("negative population for " + code);
        }
    }

    /** A road time from a commune where people live to a commune with a site. */
    public record Trip(String from, String to, double minutes) {}

    final List<Commune> communes;
    final Map<String, Integer> index = new HashMap<>();
    /** For each destination commune: origins and minutes (origin → destination). */
    final int[][] originsTo;

    final double[][] minutesTo;

    private CoverageWorld(List<Commune> communes, List<Trip> trips) {
        this.communes = List.copyOf(communes);
        for (int i = 0; i < communes.size(); i++) {
            if (index.put(communes.get(i).code(), i) != null) {
                throw new IllegalArgumentException(
                        "duplicate commune " + communes.get(i).code());
            }
        }
        List<List<double[]>> into = new ArrayList<>();
        for (int i = 0; i < communes.size(); i++) into.add(new ArrayList<>());
        for (Trip t : trips) {
            Integer from = index.get(t.from()), to = index.get(t.to());
            if (from == null) throw new IllegalArgumentException("unknown commune " + t.from());
            if (to == null) throw new IllegalArgumentException("unknown commune " + t.to());
            if (!(t.minutes() >= 0) || Double.isInfinite(t.minutes())) {
                throw new IllegalArgumentException("minutes must be ≥ 0: " + t.minutes());
            }
            into.get(to).add(new double[] {from, t.minutes()});
        }
        originsTo = new int[communes.size()][];
        minutesTo = new double[communes.size()][];
        for (int d = 0; d < communes.size(); d++) {
            List<double[]> list = into.get(d);
            // own commune at 0 minutes, then the listed trips (a listed self-trip is superseded by 0)
            int n = list.size() + 1;
            originsTo[d] = new int[n];
            minutesTo[d] = new double[n];
            originsTo[d][0] = d;
            minutesTo[d][0] = 0;
            for (int k = 0; k < list.size(); k++) {
                originsTo[d][k + 1] = (int) list.get(k)[0];
                minutesTo[d][k + 1] = list.get(k)[1];
            }
        }
    }

    public static CoverageWorld of(List<Commune> communes, List<Trip> trips) {
        return new CoverageWorld(communes, trips);
    }

    public List<Commune> communes() {
        return communes;
    }

    public long totalPopulation() {
        return communes.stream().mapToLong(Commune::population).sum();
    }

    int indexOf(String code) {
        Integer i = index.get(code);
        if (i == null) throw new IllegalArgumentException("unknown commune " + code);
        return i;
    }

    /**
     * Road time from each commune to the nearest of the sites' communes, {@code +∞} when none is reachable; in the
     * order of {@link #communes()}.
     */
    public double[] minutesToNearest(List<String> siteCommunes) {
        double[] best = new double[communes.size()];
        Arrays.fill(best, Double.POSITIVE_INFINITY);
        for (String code : siteCommunes) {
            int d = indexOf(code);
            for (int k = 0; k < originsTo[d].length; k++) {
                int o = originsTo[d][k];
                best[o] = Math.min(best[o], minutesTo[d][k]);
            }
        }
        return best;
    }

    /** The communes (indices) within {@code maxMinutes} of a site in this commune. */
    int[] reach(String siteCommune, double maxMinutes) {
        int d = indexOf(siteCommune);
        return Arrays.stream(
                        java.util.stream.IntStream.range(0, originsTo[d].length).toArray())
                .filter(k -> minutesTo[d][k] <= maxMinutes)
                .map(k -> originsTo[d][k])
                .distinct()
                .sorted()
                .toArray();
    }
}
