package fr.traitant.app.matching;

import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.TravelTimeModel;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.Map;
import java.util.Set;

/**
 * The engine matcher's {@link TravelTimeModel} on the platform's road-time estimate: the same
 * {@link RoadTimeModel#DEFAULT} (ADR 0005) as the accessibility scores and the directory's "doctors near me" search,
 * each end of a trip at the road speed of its commune's density class. Two matching rules are folded in (ADR 0050):
 * <ul>
 *   <li>an excluded pair (the doctor declined the household, the household refused the doctor, or the proposal
 *       expired) is unreachable ({@code NaN});</li>
 *   <li>"network doctors first" for transferred families: a trip to a doctor outside the network counts
 *       {@code networkPreferenceMinutes} more. The household's real limit stays 30 minutes: a pair beyond it is
 *       unreachable, and a transferred household's {@code maxMinutes} is raised by the preference so that the
 *       handicapped pairs within 30 real minutes stay eligible.</li>
 * </ul>
 * Ids are those given to the engine: the waiting entry's id for households, the doctor's account id for doctors.
 */
final class RoadTravelTimes implements TravelTimeModel {

    private final RoadTimeModel model;
    private final Map<String, Double> speedKmh;
    private final Set<String> transferred;
    private final Set<String> networkDoctors;
    private final Set<String> excluded;
    private final double realMaxMinutes;
    private final double networkPreferenceMinutes;

    /**
     * @param speedKmh       road speed at each household ("h" + id) and doctor ("d" + id)
     * @param excluded       "householdEngineId:doctorEngineId" pairs never to propose
     */
    RoadTravelTimes(RoadTimeModel model, Map<String, Double> speedKmh, Set<String> transferred, Set<String> networkDoctors,
                    Set<String> excluded, double realMaxMinutes, double networkPreferenceMinutes) {
        this.model = model;
        this.speedKmh = Map.copyOf(speedKmh);
        this.transferred = Set.copyOf(transferred);
        this.networkDoctors = Set.copyOf(networkDoctors);
        this.excluded = Set.copyOf(excluded);
        this.realMaxMinutes = realMaxMinutes;
        this.networkPreferenceMinutes = networkPreferenceMinutes;
    }

    /** The estimated road minutes, without any preference (point to point, as the directory's search). */
    double realMinutes(Household household, Doctor doctor) {
        double km = household.location().distanceMetresTo(doctor.location()) / 1_000.0;
        return model.minutesBetween(km, speed("h" + household.id()), speed("d" + doctor.id()));
    }

    private double speed(String key) {
        Double v = speedKmh.get(key);
        return v == null ? model.speedKmh(fr.traitant.engine.travel.DensityClass.INTERMEDIATE) : v;
    }

    /** True when the household's trips to doctors outside the network are handicapped. */
    boolean handicapped(Household household, Doctor doctor) {
        return transferred.contains(household.id()) && !networkDoctors.contains(doctor.id());
    }

    @Override
    public double minutes(Household household, Doctor doctor) {
        if (excluded.contains(household.id() + ":" + doctor.id())) {
            return Double.NaN;
        }
        double real = realMinutes(household, doctor);
        if (real > realMaxMinutes) {
            return Double.NaN;
        }
        return handicapped(household, doctor) ? real + networkPreferenceMinutes : real;
    }

    @Override
    public double reachMetres(double minutes) {
        // the preference only adds minutes: the plain model's bound still holds
        return model.maxCrowFlyMetres(minutes);
    }
}
