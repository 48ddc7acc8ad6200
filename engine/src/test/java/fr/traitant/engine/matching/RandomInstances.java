package fr.traitant.engine.matching;

import fr.traitant.engine.geo.GeoPoint;
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
     * accepting, some limited capabilities.
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
            hs.add(new Household(String.format("H%04d", i), sizes[rnd.nextInt(sizes.length)], at, 1 + rnd.nextInt(5),
                    LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(700)), 15 + rnd.nextInt(26), needs));
        }
        List<Doctor> ds = new ArrayList<>();
        for (int j = 0; j < doctors; j++) {
            GeoPoint at = new GeoPoint(lat0 + rnd.nextDouble() * degLat, lon0 + rnd.nextDouble() * degLon);
            Capabilities caps = switch (rnd.nextInt(6)) {
                case 0 -> Capabilities.MINIMAL;
                case 1 -> new Capabilities(true, true, Set.of("ar"));
                default -> Capabilities.GENERAL;
            };
            ds.add(new Doctor(String.format("D%03d", j), at, rnd.nextInt(15), rnd.nextInt(10) != 0, caps));
        }
        return new Instance(hs, ds);
    }

    /** Independent eligibility: centiminutes of the pair, or -1 when not eligible. */
    static int eligibleCm(Household h, Doctor d) {
        if (!d.accepting() || d.capacity() < h.size() || !h.needs().metBy(d.capabilities())) return -1;
        double km = GeoPoint.greatCircleMetres(h.location().lat(), h.location().lon(), d.location().lat(), d.location().lon()) / 1000.0;
        long cm = Math.round(km * 1.3 / 40.0 * 60.0 * 100.0);
        return cm <= Math.round(h.maxMinutes() * 100.0) ? (int) cm : -1;
    }
}
