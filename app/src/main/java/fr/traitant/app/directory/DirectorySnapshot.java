package fr.traitant.app.directory;

import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.travel.DensityClass;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;

/** An immutable index over doctors (per doctor arrays) and their practice locations (entries). */
final class DirectorySnapshot {

    private final RoadTimeModel model;
    private final Map<String, Commune> communes;
    // per doctor
    final String[] id;
    final String[] rpps;
    final String[] displayName;
    final String[] searchName;
    final MedicalSpecialty[] specialty;
    final String[] feeSector;
    final String[][] languages;
    final NewPatients[] status;
    final int[] capacity;
    final int[] flags;
    // per entry (practice location)
    final int[] entryDoctor;
    final String[] entryCommune;
    final String[] entryAddress;
    final String[] entryPostalCode;
    final double[] entryLat;
    final double[] entryLon;
    final double[] entrySpeedKmh;
    // copies of the doctor's filter fields per entry: the scan reads them in the entries' (spatial) order
    private final int[] entryFlags;
    private final @Nullable MedicalSpecialty[] entrySpecialty;
    private final Map<String, Integer> doctorById;

    DirectorySnapshot(DirectorySnapshotBuilder b) {
        this.model = b.model;
        this.communes = b.communes;
        int n = b.ids.size();
        id = b.ids.toArray(String[]::new);
        rpps = b.rpps.toArray(String[]::new);
        displayName = b.displayName.toArray(String[]::new);
        searchName = b.searchName.toArray(String[]::new);
        specialty = b.specialty.toArray(MedicalSpecialty[]::new);
        feeSector = b.feeSector.toArray(String[]::new);
        languages = b.languages.toArray(String[][]::new);
        status = b.status.toArray(NewPatients[]::new);
        capacity = Arrays.copyOf(b.capacity, n);
        flags = Arrays.copyOf(b.flags, n);
        int m = b.entryCount;
        entryDoctor = Arrays.copyOf(b.entryDoctor, m);
        entryCommune = b.entryCommune.toArray(String[]::new);
        entryAddress = b.entryAddress.toArray(String[]::new);
        entryPostalCode = b.entryPostalCode.toArray(String[]::new);
        entryLat = Arrays.copyOf(b.entryLat, m);
        entryLon = Arrays.copyOf(b.entryLon, m);
        entrySpeedKmh = Arrays.copyOf(b.entrySpeed, m);
        entryFlags = new int[m];
        entrySpecialty = new MedicalSpecialty[m];
        for (int e = 0; e < m; e++) {
            entryFlags[e] = flags[entryDoctor[e]];
            entrySpecialty[e] = specialty[entryDoctor[e]];
        }
        locations = fr.traitant.engine.geo.SpatialIndex.of(
                entryLat, entryLon, fr.traitant.engine.geo.SpatialIndex.DEFAULT_CELL_DEGREES);
        doctorById = new HashMap<>(n * 2);
        for (int i = 0; i < n; i++) {
            doctorById.put(id[i], i);
        }
        firstEntry = Arrays.copyOf(b.firstEntry, n);
        anySynthetic = anySyntheticFlag();
    }

    int doctorCount() {
        return id.length;
    }

    int entryCount() {
        return entryDoctor.length;
    }

    boolean anySynthetic() {
        return anySynthetic;
    }

    private boolean anySyntheticFlag() {
        for (int f : flags) {
            if ((f & DirectoryIndex.SYNTHETIC) != 0) {
                return true;
            }
        }
        return false;
    }

    private final boolean anySynthetic;

    /** Road speed of the place where a trip starts: that of its commune (or of the nearest commune's class). */
    double speedAt(@Nullable String communeCode) {
        Commune c = communeCode == null ? null : communes.get(communeCode);
        DensityClass density = c == null ? DensityClass.INTERMEDIATE : DensityClass.of(c.population(), c.areaKm2());
        return model.speedKmh(density);
    }

    String communeName(String code) {
        Commune c = communes.get(code);
        return c == null ? code : c.name();
    }

    /**
     * What a search asks of a doctor, origin and radius aside: every flag of {@code requiredFlags}
     * ({@link DirectoryIndex#ACCEPTING}…), the specialty, a language spoken (French by everyone), a normalised part of
     * the name; null for no condition.
     */
    record Filter(
            int requiredFlags,
            @Nullable MedicalSpecialty specialty,
            @Nullable String language,
            @Nullable String nameNeedle) {

        /** The same filter with more flags required. */
        Filter withFlags(int more) {
            return new Filter(requiredFlags | more, specialty, language, nameNeedle);
        }
    }

    /** Whether doctor {@code d} passes every filter (origin and radius aside). */
    boolean matches(int d, Filter filter) {
        if ((flags[d] & filter.requiredFlags()) != filter.requiredFlags()) {
            return false;
        }
        if (filter.specialty() != null && specialty[d] != filter.specialty()) {
            return false;
        }
        String language = filter.language();
        if (language != null) {
            boolean speaks = language.equals("fr");
            for (String l : languages[d]) {
                speaks |= l.equals(language);
            }
            if (!speaks) {
                return false;
            }
        }
        String needle = filter.nameNeedle();
        return needle == null || searchName[d].contains(needle);
    }

    /** A ranked candidate: an entry with its travel time and distance. */
    record Ranked(int entry, double minutes, double metres) {}

    /**
     * The first {@code limit} doctors within {@code radiusMetres} of the origin passing the filters, by travel
     * time then distance, one entry per doctor (their best location); and how many doctors match in all.
     */
    Ranked[] near(
            double lat,
            double lon,
            double originSpeedKmh,
            double radiusMetres,
            Filter filter,
            int limit,
            int[] matchingOut) {
        GeoPoint origin = new GeoPoint(lat, lon);
        // 1. How many doctors match in the whole radius: filters and a dot product per location (no trigonometry,
        // no travel time, no sorting), over the snapshot's own cell lists.
        int[] matching = {countWithin(lat, lon, radiusMetres, filter)};
        matchingOut[0] = matching[0];
        if (matching[0] == 0 || limit == 0) {
            return new Ranked[0];
        }
        // 2. The first ones by travel time, in growing circles: beyond distance r nobody can be reached faster than
        // by driving r at the origin's speed and the fastest class's speed, so once `limit` doctors are found
        // within that time the answer is exact (dense cities need only a few km).
        double r = Math.min(radiusMetres, 3_000);
        while (true) {
            int[] found = {0};
            Ranked[] ranked = rankWithin(origin, originSpeedKmh, r, filter, limit, found);
            if (r >= radiusMetres || found[0] == matching[0]) {
                return ranked; // the whole radius, or every matching doctor already seen
            }
            double lowerBoundBeyond = model.minutesBetween(r / 1_000.0, originSpeedKmh, model.maxSpeedKmh());
            if (ranked.length == limit && ranked[limit - 1].minutes() <= lowerBoundBeyond) {
                return ranked;
            }
            r = Math.min(radiusMetres, r * 2.5);
        }
    }

    /** Receives a location passing the filters, within the radius. */
    @FunctionalInterface
    interface Match {
        void match(int entry);
    }

    /**
     * Visits every location within {@code radiusMetres} (great circle) of the point whose doctor passes the
     * filters, through the engine's grid index ({@link fr.traitant.engine.geo.SpatialIndex}, the platform's one
     * grid implementation).
     */
    void scan(double lat, double lon, double radiusMetres, Filter filter, Match match) {
        if (radiusMetres / GeoPoint.EARTH_RADIUS_METRES >= Math.PI / 2) {
            throw new IllegalArgumentException("radius too large for the cell scan: " + radiusMetres);
        }
        locations.forEachIndexWithin(new GeoPoint(lat, lon), radiusMetres, e -> {
            // the entry's own copies first (read in order), the doctor's arrays only for what is left
            if ((entryFlags[e] & filter.requiredFlags()) == filter.requiredFlags()
                    && (filter.specialty() == null || entrySpecialty[e] == filter.specialty())
                    && (filter.language() == null && filter.nameNeedle() == null || matches(entryDoctor[e], filter))) {
                match.match(e);
            }
        });
    }

    /** Distinct doctors passing the filters with a location within {@code radiusMetres} of the point. */
    int countWithin(double lat, double lon, double radiusMetres, Filter filter) {
        BitSet counted = new BitSet(id.length);
        int[] count = {0};
        scan(lat, lon, radiusMetres, filter, e -> {
            int d = entryDoctor[e];
            if (!counted.get(d)) {
                counted.set(d);
                count[0]++;
            }
        });
        return count[0];
    }

    /** The locations in the engine's grid index (0.1° cells). */
    private final fr.traitant.engine.geo.SpatialIndex locations;

    private Ranked[] rankWithin(
            GeoPoint origin, double originSpeedKmh, double radiusMetres, Filter filter, int limit, int[] distinctOut) {
        Candidates candidates = new Candidates();
        scan(origin.lat(), origin.lon(), radiusMetres, filter, entry -> {
            double distance = GeoPoint.greatCircleMetres(origin.lat(), origin.lon(), entryLat[entry], entryLon[entry]);
            candidates.add(
                    entry, distance, model.minutesBetween(distance / 1_000.0, originSpeedKmh, entrySpeedKmh[entry]));
        });
        int c = candidates.count;
        long[] sorted = Arrays.copyOf(candidates.keys, c);
        Arrays.sort(sorted);
        java.util.Set<Integer> seen = new java.util.HashSet<>();
        List<Ranked> out = new ArrayList<>(Math.min(limit, c));
        for (long key : sorted) {
            int candidate = (int) (key & 0x7FFF_FFFFL);
            int entry = candidates.entries[candidate];
            if (seen.add(entryDoctor[entry]) && out.size() < limit) {
                out.add(new Ranked(entry, candidates.minutes[candidate], candidates.metres[candidate]));
            }
        }
        distinctOut[0] = seen.size();
        return out.toArray(Ranked[]::new);
    }

    /** Growable primitive arrays of one query's candidates; the sort key packs travel time and arrival order. */
    private static final class Candidates {
        long[] keys = new long[256];
        int[] entries = new int[256];
        double[] metres = new double[256];
        double[] minutes = new double[256];
        int count;

        void add(int entry, double distance, double travelMinutes) {
            if (count == keys.length) {
                keys = Arrays.copyOf(keys, count * 2);
                entries = Arrays.copyOf(entries, count * 2);
                metres = Arrays.copyOf(metres, count * 2);
                minutes = Arrays.copyOf(minutes, count * 2);
            }
            keys[count] = ((long) (travelMinutes * 10_000) << 32) | count;
            entries[count] = entry;
            metres[count] = distance;
            minutes[count] = travelMinutes;
            count++;
        }
    }

    /** Doctors passing the filters anywhere (name searches without a place), by name; and their count. */
    int[] anywhere(Filter filter, int limit, int[] matchingOut) {
        List<Integer> found = new ArrayList<>();
        int matching = 0;
        for (int d = 0; d < id.length; d++) {
            if (matches(d, filter)) {
                matching++;
                found.add(d);
            }
        }
        matchingOut[0] = matching;
        return found.stream()
                .sorted((a, b) -> searchName[a].compareTo(searchName[b]) != 0
                        ? searchName[a].compareTo(searchName[b])
                        : id[a].compareTo(id[b]))
                .limit(limit)
                .mapToInt(Integer::intValue)
                .toArray();
    }

    /** The first entry (main location) of each doctor, by doctor index. */
    int mainEntry(int doctor) {
        return firstEntry[doctor];
    }

    private final int[] firstEntry;

    @Nullable
    Integer doctorIndex(String doctorId) {
        return doctorById.get(doctorId);
    }
}
