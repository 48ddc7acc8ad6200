package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.geo.GeoPoint;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.springframework.stereotype.Service;

/**
 * Finds doctors near a place, by estimated road travel time (the engine's {@link fr.traitant.engine.travel.RoadTimeModel}),
 * with filters, over the in-memory {@link DirectoryIndex}.
 */
@Service
public class DoctorSearch {

    private static final Pattern COMMUNE_CODE = Pattern.compile("[0-9]{5}|2[AB][0-9]{3}", Pattern.CASE_INSENSITIVE);
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final double[] WIDER_RADII_KM = {50, 100, 200};

    private final DirectoryIndex index;
    private final Territory territory;

    DoctorSearch(DirectoryIndex index, Territory territory) {
        this.index = index;
        this.territory = territory;
    }

    /** A resolved place: a point, its commune (if known) and a label. */
    public record Place(GeoPoint point, Optional<String> communeCode, String label) {}

    /**
     * The place a person typed: an INSEE code, a postal code or the beginning of a commune name (the most
     * populated match wins). {@link NotFoundException} if nothing matches.
     */
    public Place resolvePlace(String text) {
        String t = text == null ? "" : text.strip();
        if (t.isEmpty()) {
            throw new IllegalArgumentException("Le lieu est vide : saisissez une commune ou un code postal.");
        }
        Optional<CommuneSummary> commune = Optional.empty();
        if (COMMUNE_CODE.matcher(t).matches()) {
            commune = territory.findCommune(t.toUpperCase(java.util.Locale.ROOT));
        }
        if (commune.isEmpty()) {
            List<CommuneSummary> found = territory.searchCommunes(t, 1);
            commune = found.isEmpty() ? Optional.empty() : Optional.of(found.getFirst());
            if (commune.isPresent()
                    && POSTAL_CODE.matcher(t).matches()
                    && !commune.get().postalCodes().contains(t)) {
                commune = Optional.empty();
            }
        }
        CommuneSummary c =
                commune.orElseThrow(() -> new NotFoundException("Aucune commune ne correspond à « " + t + " »."));
        return new Place(
                new GeoPoint(c.lat(), c.lon()), Optional.of(c.code()), c.name() + " (" + c.departement() + ")");
    }

    /** A point given as coordinates ("près de moi"); {@link IllegalArgumentException} if impossible. */
    public Place point(double lat, double lon) {
        if (!(lat >= -90 && lat <= 90) || !(lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("Coordonnées impossibles : latitude " + lat + ", longitude " + lon
                    + " (latitude entre -90 et 90, longitude entre -180 et 180).");
        }
        return new Place(new GeoPoint(lat, lon), Optional.empty(), "votre position");
    }

    /** Searches; see {@link DoctorSearchCriteria} and {@link DoctorSearchResults}. */
    public DoctorSearchResults search(DoctorSearchCriteria criteria, Optional<Place> place) {
        return search(criteria, place, 0);
    }

    /** Deepest position a page may start at ({@link #search(DoctorSearchCriteria, Optional, int)}). */
    static final int MAX_OFFSET = 10_000;

    /**
     * One page of a search: the doctors ranked {@code offset} to {@code offset + criteria.limit() - 1} (0-based) in the
     * same order as {@link #search(DoctorSearchCriteria, Optional)}; {@code matching} still counts them all. The
     * order is deterministic for a given directory, so consecutive pages neither repeat nor skip anybody unless the
     * directory changes in between (FHIR paging, ADR 0040).
     */
    DoctorSearchResults search(DoctorSearchCriteria criteria, Optional<Place> place, int offset) {
        if (offset < 0 || offset > MAX_OFFSET) {
            throw new IllegalArgumentException(
                    "La position de la page doit être comprise entre 0 et " + MAX_OFFSET + ".");
        }
        int wanted = offset + criteria.limit();
        DirectorySnapshot s = index.snapshot();
        int flags = (criteria.acceptingNewPatients() ? DirectoryIndex.ACCEPTING : 0)
                | (criteria.networkMember() ? DirectoryIndex.NETWORK : 0)
                | (criteria.sector1() ? DirectoryIndex.SECTOR_1 : 0)
                | (criteria.teleconsultation() ? DirectoryIndex.TELE : 0)
                | (criteria.wheelchairAccess() ? DirectoryIndex.WHEELCHAIR : 0);
        MedicalSpecialty specialty =
                criteria.specialtyCode().isEmpty() ? null : MedicalSpecialty.get(criteria.specialtyCode());
        String language = criteria.language().isEmpty() ? null : criteria.language();
        String needle = criteria.name().isEmpty() ? null : DirectoryIndex.normalize(criteria.name());
        DirectorySnapshot.Filter filter = new DirectorySnapshot.Filter(flags, specialty, language, needle);
        int[] matching = {0};
        List<DoctorHit> hits = new ArrayList<>();
        Optional<GeoPoint> origin = criteria.origin();
        if (origin.isPresent()) {
            GeoPoint o = origin.get();
            double speed = s.speedAt(place.flatMap(Place::communeCode).orElse(null));
            DirectorySnapshot.Ranked[] ranked =
                    s.near(o.lat(), o.lon(), speed, criteria.radiusKm() * 1_000, filter, wanted, matching);
            for (int i = offset; i < ranked.length; i++) {
                DirectorySnapshot.Ranked r = ranked[i];
                hits.add(hit(s, r.entry(), r.metres() / 1_000.0, r.minutes()));
            }
            Optional<Double> wider = Optional.empty();
            int widerCount = 0;
            int teleCount = 0;
            if (matching[0] == 0) {
                for (double km : WIDER_RADII_KM) {
                    if (km > criteria.radiusKm()) {
                        int[] m = {0};
                        s.near(o.lat(), o.lon(), speed, km * 1_000, filter, 1, m);
                        if (m[0] > 0) {
                            wider = Optional.of(km);
                            widerCount = m[0];
                            break;
                        }
                    }
                }
                if (!criteria.teleconsultation()) {
                    int[] m = {0};
                    s.anywhere(filter.withFlags(DirectoryIndex.TELE), 0, m);
                    teleCount = m[0];
                }
            }
            return new DoctorSearchResults(
                    place.map(Place::label).orElse("position"),
                    Optional.of(o),
                    criteria.radiusKm(),
                    matching[0],
                    hits,
                    wider,
                    widerCount,
                    teleCount,
                    s.anySynthetic());
        }
        int[] found = s.anywhere(filter, wanted, matching);
        for (int i = offset; i < found.length; i++) {
            hits.add(hit(s, s.mainEntry(found[i]), -1, -1));
        }
        int teleCount = 0;
        if (matching[0] == 0 && !criteria.teleconsultation()) {
            int[] m = {0};
            s.anywhere(filter.withFlags(DirectoryIndex.TELE), 0, m);
            teleCount = m[0];
        }
        return new DoctorSearchResults(
                "",
                Optional.empty(),
                criteria.radiusKm(),
                matching[0],
                hits,
                Optional.empty(),
                0,
                teleCount,
                s.anySynthetic());
    }

    /**
     * Up to {@code k} active general practitioners nearest to {@code point} (crow-fly), by directory id, for
     * callers that need a sample of doctors around a place (e.g. demo data of the network).
     */
    public List<String> nearestGeneralPractitioners(GeoPoint point, double radiusKm, int k) {
        DirectorySnapshot s = index.snapshot();
        int[] m = {0};
        List<String> ids = new ArrayList<>();
        for (DirectorySnapshot.Ranked r : s.near(
                point.lat(),
                point.lon(),
                s.speedAt(null),
                radiusKm * 1_000,
                new DirectorySnapshot.Filter(0, MedicalSpecialty.get("SM54"), null, null),
                k,
                m)) {
            ids.add(s.id[s.entryDoctor[r.entry()]]);
        }
        return ids;
    }

    /** Number of active doctors in the index. */
    public int indexedDoctors() {
        return index.snapshot().doctorCount();
    }

    private static DoctorHit hit(DirectorySnapshot s, int entry, double km, double minutes) {
        int d = s.entryDoctor[entry];
        int f = s.flags[d];
        String commune = s.entryCommune[entry];
        return new DoctorHit(
                s.id[d],
                s.rpps[d],
                s.displayName[d],
                s.specialty[d].code(),
                s.specialty[d].label(),
                s.status[d].name(),
                s.status[d].label(),
                s.capacity[d],
                (f & DirectoryIndex.NETWORK) != 0,
                s.feeSector[d],
                (f & DirectoryIndex.TELE) != 0,
                (f & DirectoryIndex.WHEELCHAIR) != 0,
                List.of(s.languages[d]),
                commune,
                s.communeName(commune),
                s.entryAddress[entry],
                s.entryPostalCode[entry],
                s.entryLat[entry],
                s.entryLon[entry],
                km < 0 ? -1 : Math.round(km * 10) / 10.0,
                minutes < 0 ? -1 : Math.round(minutes * 10) / 10.0,
                (f & DirectoryIndex.SYNTHETIC) != 0);
    }
}
