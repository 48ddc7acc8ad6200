package fr.traitant.app.directory;

import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.travel.DensityClass;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** Collects doctors and their practice locations, then builds the immutable {@link DirectorySnapshot}. */
final class DirectorySnapshotBuilder {
    final RoadTimeModel model;
    final Map<String, Commune> communes;
    final List<String> ids = new ArrayList<>();
    final List<String> rpps = new ArrayList<>();
    final List<String> displayName = new ArrayList<>();
    final List<String> searchName = new ArrayList<>();
    final List<MedicalSpecialty> specialty = new ArrayList<>();
    final List<String> feeSector = new ArrayList<>();
    final List<String[]> languages = new ArrayList<>();
    final List<NewPatients> status = new ArrayList<>();
    int[] capacity = new int[1024];
    int[] flags = new int[1024];
    int[] firstEntry = new int[1024];
    int entryCount;
    int[] entryDoctor = new int[1024];
    final List<String> entryCommune = new ArrayList<>();
    final List<String> entryAddress = new ArrayList<>();
    final List<String> entryPostalCode = new ArrayList<>();
    double[] entryLat = new double[1024];
    double[] entryLon = new double[1024];
    double[] entrySpeed = new double[1024];
    private final Map<String, Double> speedByCommune = new HashMap<>();

    DirectorySnapshotBuilder(RoadTimeModel model, Map<String, Commune> communes) {
        this.model = model;
        this.communes = communes;
    }

    void add(
            String doctorId,
            String rppsNumber,
            String lastName,
            String firstName,
            MedicalSpecialty spec,
            String sector,
            String[] langs,
            NewPatients st,
            int cap,
            int fl,
            String communeCode,
            double lat,
            double lon,
            String address,
            String postalCode) {
        int d = ids.size() - 1;
        if (d < 0 || !ids.get(d).equals(doctorId)) {
            d = ids.size();
            ids.add(doctorId);
            rpps.add(rppsNumber);
            String name = (firstName + " " + lastName).strip();
            displayName.add(name.isEmpty() ? doctorId : "Dr " + name);
            searchName.add(DirectoryIndex.normalize(lastName + " " + firstName + " " + firstName + " " + lastName));
            specialty.add(spec);
            feeSector.add(sector);
            languages.add(langs);
            status.add(st);
            if (d == capacity.length) {
                capacity = Arrays.copyOf(capacity, d * 2);
                flags = Arrays.copyOf(flags, d * 2);
                firstEntry = Arrays.copyOf(firstEntry, d * 2);
            }
            capacity[d] = cap;
            flags[d] = fl;
            firstEntry[d] = entryCount;
        }
        int e = entryCount++;
        if (e == entryDoctor.length) {
            entryDoctor = Arrays.copyOf(entryDoctor, e * 2);
            entryLat = Arrays.copyOf(entryLat, e * 2);
            entryLon = Arrays.copyOf(entryLon, e * 2);
            entrySpeed = Arrays.copyOf(entrySpeed, e * 2);
        }
        entryDoctor[e] = d;
        entryCommune.add(communeCode);
        entryAddress.add(address);
        entryPostalCode.add(postalCode);
        entryLat[e] = lat;
        entryLon[e] = lon;
        entrySpeed[e] = speedByCommune.computeIfAbsent(communeCode, code -> {
            Commune c = communes.get(code);
            return model.speedKmh(c == null ? DensityClass.INTERMEDIATE : DensityClass.of(c.population(), c.areaKm2()));
        });
    }

    DirectorySnapshot build() {
        inSpatialOrder();
        return new DirectorySnapshot(this);
    }

    /**
     * Renumbers the entries by 0.1° cell (row by row), keeping the order of entries within a cell: a search visits
     * the cells around a place, so it then reads the entry arrays nearly in order instead of all over memory (the
     * filter test was a quarter of the search's time, waiting for memory; issue 22).
     */
    private void inSpatialOrder() {
        int m = entryCount;
        if (m >= 1 << 24) {
            throw new IllegalStateException("more practice locations than the search index numbers: " + m);
        }
        long[] keys = new long[m];
        for (int e = 0; e < m; e++) {
            long row = (long) Math.floor((entryLat[e] + 90) / fr.traitant.engine.geo.SpatialIndex.DEFAULT_CELL_DEGREES);
            long column =
                    (long) Math.floor((entryLon[e] + 180) / fr.traitant.engine.geo.SpatialIndex.DEFAULT_CELL_DEGREES);
            keys[e] = ((row * 3_601 + column) << 24) | e;
        }
        Arrays.sort(keys); // distinct keys: the sort is stable on the entry number
        int[] order = new int[m];
        int[] newIndex = new int[m];
        for (int i = 0; i < m; i++) {
            order[i] = (int) (keys[i] & 0xFF_FFFF);
            newIndex[order[i]] = i;
        }
        int[] doctor = new int[m];
        double[] lat = new double[m];
        double[] lon = new double[m];
        double[] speed = new double[m];
        List<String> commune = new ArrayList<>(m);
        List<String> address = new ArrayList<>(m);
        List<String> postal = new ArrayList<>(m);
        for (int i = 0; i < m; i++) {
            int e = order[i];
            doctor[i] = entryDoctor[e];
            lat[i] = entryLat[e];
            lon[i] = entryLon[e];
            speed[i] = entrySpeed[e];
            commune.add(entryCommune.get(e));
            address.add(entryAddress.get(e));
            postal.add(entryPostalCode.get(e));
        }
        entryDoctor = doctor;
        entryLat = lat;
        entryLon = lon;
        entrySpeed = speed;
        entryCommune.clear();
        entryCommune.addAll(commune);
        entryAddress.clear();
        entryAddress.addAll(address);
        entryPostalCode.clear();
        entryPostalCode.addAll(postal);
        for (int d = 0; d < ids.size(); d++) {
            firstEntry[d] = newIndex[firstEntry[d]];
        }
    }
}
