package fr.traitant.engine.matching;

import fr.traitant.engine.travel.DensityClass;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.Objects;

/**
 * Matching's travel times on the platform's road-time estimate, the same {@link RoadTimeModel} (ADR 0005) as the
 * accessibility scores and the directory's "doctors near me" search: from the great-circle distance between home and
 * practice, half of the road distance driven at the speed of each end's {@linkplain Household#density() density
 * class}, plus a fixed time per trip. {@link #DEFAULT} uses {@link RoadTimeModel#DEFAULT}.
 *
 * <p>Only the real trip: the network preference and exclusions are matching rules applied by the engine
 * ({@link MatchingOptions#networkPreferenceMinutes()}, {@link Household#excludedDoctors()}), not travel times.
 *
 * @param model the road-time model
 */
public record RoadTravelTimes(RoadTimeModel model) implements TravelTimeModel {

    /** The platform's default road-time model. */
    public static final RoadTravelTimes DEFAULT = new RoadTravelTimes(RoadTimeModel.DEFAULT);

    public RoadTravelTimes {
        Objects.requireNonNull(model, "model");
    }

    @Override
    public double minutes(Household household, Doctor doctor) {
        return minutes(
                household.location().lat(),
                household.location().lon(),
                model.speedKmh(household.density()),
                doctor.location().lat(),
                doctor.location().lon(),
                model.speedKmh(doctor.density()));
    }

    /** Minutes between two points in degrees, with the speeds of both ends (primitive form for hot loops). */
    public double minutes(double lat1, double lon1, double speed1Kmh, double lat2, double lon2, double speed2Kmh) {
        return model.minutesBetween(haversineMetres(lat1, lon1, lat2, lon2) / 1_000.0, speed1Kmh, speed2Kmh);
    }

    @Override
    public double reachMetres(double minutes) {
        // a small margin so that rounding to 1/100 minute never hides a pair at the limit
        return model.maxCrowFlyMetres(minutes + 0.01) * (1 + 1e-9) + 1.0;
    }

    /**
     * Great-circle metres beyond which no trip from a home of this density to a practice no faster than
     * {@code fastestPracticeKmh} takes {@code minutes} or less: tighter than {@link #reachMetres(double)} for slow
     * (dense) homes and for instances without fast practices.
     */
    public double reachMetres(DensityClass home, double fastestPracticeKmh, double minutes) {
        double driving = minutes + 0.01 - model.fixedMinutes();
        if (driving <= 0 || fastestPracticeKmh <= 0) return 0;
        double perKm = model.detourFactor() * 30.0 * (1.0 / model.speedKmh(home) + 1.0 / fastestPracticeKmh);
        return driving / perKm * 1_000.0 * (1 + 1e-9) + 1.0;
    }

    /**
     * The haversine distance of {@link fr.traitant.engine.geo.GeoPoint#greatCircleMetres}, with {@code asin(x)}
     * replaced by its Taylor series when {@code x < 0.01} (distances under ~127 km), where the series' relative error is
     * below 1e-16: about three times faster, same result to the last centiminute.
     */
    static double haversineMetres(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double sinPhi = Math.sin((phi2 - phi1) / 2);
        double sinLambda = Math.sin(Math.toRadians(lon2 - lon1) / 2);
        double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        double x = Math.sqrt(h);
        if (x >= 0.01) return fr.traitant.engine.geo.GeoPoint.greatCircleMetres(lat1, lon1, lat2, lon2);
        double x2 = x * x;
        double asin = x * (1 + x2 * (1.0 / 6 + x2 * (3.0 / 40 + x2 * (5.0 / 112 + x2 * (35.0 / 1152)))));
        return 2 * fr.traitant.engine.geo.GeoPoint.EARTH_RADIUS_METRES * asin;
    }
}
