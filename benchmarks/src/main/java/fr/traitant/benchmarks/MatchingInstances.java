package fr.traitant.benchmarks;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.matching.Capabilities;
import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.Needs;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.Predicate;

/**
 * Realistic matching instances: households and doctors placed in real communes (reference-data
 * communes.csv.gz) with probability proportional to population, uniformly within a disc of the
 * commune's area around its position.
 *
 * <p>Households: sizes 1–5 (55/25/10/7/3 %, mean 1.78: 714,000 people in 400,000 households),
 * priorities 1–5 (10/15/25/25/25 %), waiting since 2024–2026, 30-minute limit, 3 % needing
 * paediatrics, 1 % wheelchair access. Doctors: capacity 1–28 (mean 14.5), 5 % not accepting,
 * 10 % not seeing children, 20 % without wheelchair access.
 */
public final class MatchingInstances {

    /** A commune: position, population, radius of a disc of its area. */
    record Commune(String code, String departement, double lat, double lon, long population, double radiusKm) {}

    public record Instance(List<Household> households, List<Doctor> doctors) {
        public long people() {
            return households.stream().mapToLong(Household::size).sum();
        }
    }

    private MatchingInstances() {}

    static List<Commune> communes() {
        List<Commune> out = new ArrayList<>();
        for (fr.traitant.engine.territory.Commune c : fr.traitant.referencedata.ShippedCommunes.list()) {
            double area = Double.isNaN(c.areaKm2()) ? 10 : c.areaKm2();
            out.add(new Commune(
                    c.code(),
                    c.departement(),
                    c.position().lat(),
                    c.position().lon(),
                    c.population(),
                    Math.sqrt(Math.max(area, 0.1) / Math.PI)));
        }
        return out;
    }

    /** Generates an instance over the communes accepted by {@code where}. */
    public static Instance generate(long seed, int households, int doctors, Predicate<String> departement) {
        List<Commune> cs = communes().stream()
                .filter(c -> departement.test(c.departement()) && c.population() > 0)
                .toList();
        long[] cumulative = new long[cs.size()];
        long total = 0;
        for (int i = 0; i < cs.size(); i++) cumulative[i] = total += cs.get(i).population();
        SplittableRandom rnd = new SplittableRandom(seed);
        List<Household> hs = new ArrayList<>(households);
        LocalDate base = LocalDate.of(2024, 1, 1);
        for (int i = 0; i < households; i++) {
            GeoPoint at = place(cs, cumulative, total, rnd);
            double u = rnd.nextDouble();
            int size = u < 0.55 ? 1 : u < 0.80 ? 2 : u < 0.90 ? 3 : u < 0.97 ? 4 : 5;
            double v = rnd.nextDouble();
            int priority = v < 0.10 ? 1 : v < 0.25 ? 2 : v < 0.50 ? 3 : v < 0.75 ? 4 : 5;
            double n = rnd.nextDouble();
            Needs needs = n < 0.03
                    ? new Needs(true, false, Optional.empty())
                    : n < 0.04 ? new Needs(false, true, Optional.empty()) : Needs.NONE;
            hs.add(new Household(
                    String.format("H%07d", i), size, at, priority, base.plusDays(rnd.nextInt(900)), 30, needs));
        }
        List<Doctor> ds = new ArrayList<>(doctors);
        for (int j = 0; j < doctors; j++) {
            GeoPoint at = place(cs, cumulative, total, rnd);
            boolean children = rnd.nextDouble() >= 0.10;
            boolean wheelchair = rnd.nextDouble() >= 0.20;
            ds.add(new Doctor(
                    String.format("D%06d", j),
                    at,
                    1 + rnd.nextInt(28),
                    rnd.nextDouble() >= 0.05,
                    new Capabilities(children, wheelchair, Set.of())));
        }
        return new Instance(hs, ds);
    }

    private static GeoPoint place(List<Commune> cs, long[] cumulative, long total, SplittableRandom rnd) {
        long pick = rnd.nextLong(total);
        int lo = 0, hi = cumulative.length - 1;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (cumulative[mid] > pick) hi = mid;
            else lo = mid + 1;
        }
        Commune c = cs.get(lo);
        double r = c.radiusKm() * Math.sqrt(rnd.nextDouble());
        double theta = rnd.nextDouble() * 2 * Math.PI;
        double lat = c.lat() + r * Math.cos(theta) / 111.195;
        double lon = c.lon() + r * Math.sin(theta) / (111.195 * Math.cos(Math.toRadians(c.lat())));
        return new GeoPoint(Math.max(-90, Math.min(90, lat)), Math.max(-180, Math.min(180, lon)));
    }
}
