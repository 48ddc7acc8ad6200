package fr.traitant.app.directory;

import java.util.List;
import java.util.Optional;

/**
 * The answer to a search: the nearest doctors by estimated travel time, and, when there are none,
 * what could help.
 *
 * @param originLabel            the searched place as understood ("Toulon (83137)", "position"), or empty
 * @param origin                 the point searched from, if any
 * @param radiusKm               radius searched, km
 * @param matching               number of doctors matching within the radius (all of them, not only those listed)
 * @param doctors                the first ones, nearest first (by travel time, then distance)
 * @param widerRadiusKm          when nothing matched: the smallest wider radius (≤ 200 km) with results, if any
 * @param widerRadiusMatching    how many doctors match within that wider radius
 * @param teleconsultationMatching when nothing matched: doctors anywhere matching the filters who offer teleconsultation
 * @param synthetic              whether the directory holds synthetic (demo) doctors
 */
public record DoctorSearchResults(
        String originLabel,
        Optional<fr.traitant.engine.geo.GeoPoint> origin,
        double radiusKm,
        int matching,
        List<DoctorHit> doctors,
        Optional<Double> widerRadiusKm,
        int widerRadiusMatching,
        int teleconsultationMatching,
        boolean synthetic) {
    public DoctorSearchResults {
        doctors = List.copyOf(doctors);
    }
}
