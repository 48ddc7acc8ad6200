package fr.traitant.app.directory;

import java.util.Optional;
import org.jspecify.annotations.Nullable;

/**
 * Search parameters as they come from the API or the page (all optional strings or flags); {@link #resolve} turns
 * them into criteria and a place, with French errors for bad input.
 */
record DoctorSearchRequest(
        @Nullable String place,
        @Nullable Double lat,
        @Nullable Double lon,
        @Nullable String name,
        boolean accepting,
        boolean network,
        boolean sector1,
        @Nullable String specialty,
        boolean teleconsultation,
        boolean wheelchair,
        @Nullable String language,
        @Nullable Double radiusKm,
        @Nullable Integer limit) {

    boolean isEmpty() {
        return blank(place) && lat == null && lon == null && blank(name);
    }

    record Resolved(DoctorSearchCriteria criteria, Optional<DoctorSearch.Place> place) {}

    Resolved resolve(DoctorSearch search) {
        Optional<DoctorSearch.Place> where = Optional.empty();
        // A typed place wins over coordinates (the page keeps the last "près de moi" position in hidden fields).
        if (place != null && !place.isBlank()) {
            if (place.length() > 100) {
                throw new IllegalArgumentException("Le lieu dépasse 100 caractères.");
            }
            where = Optional.of(search.resolvePlace(place));
        } else if (lat != null || lon != null) {
            if (lat == null || lon == null) {
                throw new IllegalArgumentException("Indiquez la latitude et la longitude ensemble.");
            }
            where = Optional.of(search.point(lat, lon));
        }
        DoctorSearchCriteria criteria = new DoctorSearchCriteria(
                where.map(DoctorSearch.Place::point),
                name == null ? "" : name,
                accepting,
                network,
                sector1,
                specialty == null ? "" : specialty,
                teleconsultation,
                wheelchair,
                language == null ? "" : language,
                radiusKm == null ? DoctorSearchCriteria.DEFAULT_RADIUS_KM : radiusKm,
                limit == null ? DoctorSearchCriteria.DEFAULT_LIMIT : limit);
        return new Resolved(criteria, where);
    }

    private static boolean blank(@Nullable String s) {
        return s == null || s.isBlank();
    }
}
