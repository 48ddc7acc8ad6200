package fr.traitant.engine.matching;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.travel.DensityClass;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.SplittableRandom;

/** Seeded random matching instances for property and exactness tests. */
final class RandomInstances {

    record Instance(List<Household> households, List<Doctor> doctors) {}

    private RandomInstances() {}

    /**
     * Households and doctors scattered in a square of {@code sideKm} km; sizes 1–5 (mostly 1–2),
     * priorities 1–5, max travel 15–40 min, a few needs; doctors with capacity 0–14, some not
     * accepting, some limited capabilities. The matching policy too: densities (road speeds) at each end, 15 % of
     * households transferred (network preferred), 40 % of doctors in the network, 10 % of households excluding one
     * or two doctors.
     */
    static Instance generate(long seed, int households, int doctors, double sideKm) {
        SplittableRandom rnd = new SplittableRandom(seed);
        double lat0 = 45.0, lon0 = 5.0;
        double degLat = sideKm / 111.195, degLon = sideKm / (111.195 * Math.cos(Math.toRadians(lat0)));
        List<Household> hs = new ArrayList<>();
        int[] sizes = {1, 1, 1, 1, 2, 2, 2, 3, 3, 4, 5};
        for (int i = 0; i < households; i++) {
            GeoPoint at = new GeoPoint(lat0 + rnd.nextDouble() * degLat, lon0 + rnd.nextDouble() * degLon);
            Needs needs = Needs.NONE;
            int r = rnd.nextInt(10);
            if (r == 0) needs = new Needs(true, false, Optional.empty());
            else if (r == 1) needs = new Needs(false, true, Optional.empty());
            else if (r == 2) needs = new Needs(false, false, Optional.of("ar"));
            hs.add(new Household(
                    String.format("H%04d", i),
                    sizes[rnd.nextInt(sizes.length)],
                    at,
                    1 + rnd.nextInt(5),
                    LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(700)),
                    15 + rnd.nextInt(26),
                    needs));
        }
        List<Doctor> ds = new ArrayList<>();
        for (int j = 0; j < doctors; j++) {
            GeoPoint at = new GeoPoint(lat0 + rnd.nextDouble() * degLat, lon0 + rnd.nextDouble() * degLon);
            Capabilities caps = switch (rnd.nextInt(6)) {
                case 0 -> Capabilities.MINIMAL;
                case 1 -> new Capabilities(true, true, Set.of("ar"));
                default -> Capabilities.UNRESTRICTED;
            };
            ds.add(new Doctor(String.format("D%03d", j), at, rnd.nextInt(15), rnd.nextInt(10) != 0, caps));
        }
        // the policy fields from a second stream, so that positions, sizes and capacities stay those of the seed
        SplittableRandom policy = new SplittableRandom(seed * 7919 + 17);
        DensityClass[] densities = DensityClass.values();
        List<Doctor> withPolicy = new ArrayList<>();
        for (Doctor d : ds) {
            withPolicy.add(new Doctor(
                    d.id(),
                    d.location(),
                    d.capacity(),
                    d.accepting(),
                    d.capabilities(),
                    densities[policy.nextInt(densities.length)],
                    policy.nextInt(10) < 4));
        }
        List<Household> hsWithPolicy = new ArrayList<>();
        for (Household h : hs) {
            Set<String> excluded = new java.util.TreeSet<>();
            if (doctors > 0 && policy.nextInt(10) == 0) {
                int n = 1 + policy.nextInt(2);
                for (int k = 0; k < n; k++)
                    excluded.add(ds.get(policy.nextInt(doctors)).id());
            }
            hsWithPolicy.add(new Household(
                    h.id(),
                    h.size(),
                    h.location(),
                    h.priority(),
                    h.waitingSince(),
                    h.maxMinutes(),
                    h.needs(),
                    densities[policy.nextInt(densities.length)],
                    policy.nextInt(100) < 15,
                    excluded));
        }
        return new Instance(hsWithPolicy, withPolicy);
    }

    /** Road speed of a density class, km/h (ADR 0005: 25 / 40 / 60 / 65). */
    private static double speedKmh(DensityClass c) {
        return switch (c) {
            case DENSE -> 25;
            case INTERMEDIATE -> 40;
            case SPARSE -> 60;
            case VERY_SPARSE -> 65;
        };
    }

    /**
     * Independent eligibility and cost (the documented rules, recomputed here): the real trip is 2 minutes plus
     * 1.3 × crow-fly km driven half at each end's speed; eligible when within the household's limit, the doctor accepts
     * with room for the whole household, meets its needs and is not excluded; the cost adds 10 minutes (the default
     * network preference) when a transferred household goes outside the network. Centiminutes, or -1 when not eligible.
     */
    static int eligibleCm(Household h, Doctor d) {
        if (!d.accepting() || d.capacity() < h.size() || !h.needs().metBy(d.capabilities())) return -1;
        if (h.excludedDoctors().contains(d.id())) return -1;
        double km = GeoPoint.greatCircleMetres(
                        h.location().lat(),
                        h.location().lon(),
                        d.location().lat(),
                        d.location().lon())
                / 1000.0;
        double minutes = 2.0 + 1.3 * km * 30.0 * (1 / speedKmh(h.density()) + 1 / speedKmh(d.density()));
        long cm = Math.round(minutes * 100.0);
        if (cm > Math.round(h.maxMinutes() * 100.0)) return -1;
        return (int) (cm + (h.prefersNetwork() && !d.networkMember() ? 1_000 : 0));
    }
}
