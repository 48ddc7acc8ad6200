package fr.traitant.engine.supply;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class SyntheticSupplyGeneratorTest {

    /** 2 départements × (one town of 50,000, one bourg of 3,000, 40 villages of 200). */
    private static Communes world() {
        List<Commune> list = new ArrayList<>();
        for (String dep : List.of("D1", "D2")) {
            double lat = dep.equals("D1") ? 45 : 47;
            list.add(new Commune(dep + "-town", "", 50_000, new GeoPoint(lat, 5), 20, "", dep, "R"));
            list.add(new Commune(dep + "-bourg", "", 3_000, new GeoPoint(lat + 0.1, 5), 15, "", dep, "R"));
            for (int v = 0; v < 40; v++) {
                list.add(new Commune(dep + "-v" + v, "", 200, new GeoPoint(lat + 0.2, 5 + v * 0.01), 10, "", dep, "R"));
            }
        }
        list.add(new Commune("empty", "", 0, new GeoPoint(46, 5), 10, "", "D1", "R"));
        return Communes.of(list);
    }

    @Test
    void same_seed_same_doctors_other_seed_other_doctors() {
        SyntheticSupplyParameters p = new SyntheticSupplyParameters(2_000, Map.of(), 0.1);
        List<SyntheticDoctor> a = SyntheticSupplyGenerator.generate(world(), p, new SplittableRandom(1));
        List<SyntheticDoctor> b = SyntheticSupplyGenerator.generate(world(), p, new SplittableRandom(1));
        List<SyntheticDoctor> c = SyntheticSupplyGenerator.generate(world(), p, new SplittableRandom(2));
        assertThat(a).isEqualTo(b).isNotEqualTo(c).hasSize(2_000);
    }

    @Test
    void realistic_shape() {
        SyntheticSupplyParameters p = new SyntheticSupplyParameters(20_000, Map.of("D2", 0.5), 0.0);
        List<SyntheticDoctor> doctors = SyntheticSupplyGenerator.generate(world(), p, new SplittableRandom(3));
        assertThat(new HashSet<>(doctors.stream().map(SyntheticDoctor::id).toList()))
                .hasSize(doctors.size());
        assertThat(doctors).allMatch(d -> d.id().startsWith("SYNTH-"));
        assertThat(doctors).noneMatch(d -> d.communeCode().equals("empty"));
        long gps =
                doctors.stream().filter(d -> d.specialty().isGeneralPractice()).count();
        assertThat(gps).isEqualTo(11_000);
        // towns dense, villages sparse: per inhabitant, the town has over twice the villages' GPs
        double townPerInhabitant = doctors.stream()
                        .filter(d -> d.specialty().isGeneralPractice()
                                && d.communeCode().equals("D1-town"))
                        .count()
                / 50_000.0;
        double villagesPerInhabitant = doctors.stream()
                        .filter(d -> d.specialty().isGeneralPractice()
                                && d.communeCode().startsWith("D1-v"))
                        .count()
                / 8_000.0;
        assertThat(townPerInhabitant).isGreaterThan(2 * villagesPerInhabitant);
        // the under-served département gets about half the doctors of the other
        long d1 = doctors.stream().filter(d -> d.communeCode().startsWith("D1")).count();
        long d2 = doctors.stream().filter(d -> d.communeCode().startsWith("D2")).count();
        assertThat((double) d2 / d1).isBetween(0.45, 0.55);
        // ages: about 32 % aged 60 or more
        double over60 = doctors.stream().filter(d -> d.ageYears() >= 60).count() / (double) doctors.size();
        assertThat(over60).isBetween(0.29, 0.35);
        assertThat(doctors).allMatch(d -> d.ageYears() >= 29 && d.ageYears() <= 74);
        double medianGpActivity = doctors.stream()
                .filter(d -> d.specialty().isGeneralPractice() && d.ageYears() >= 35 && d.ageYears() < 65)
                .mapToDouble(SyntheticDoctor::consultationsPerYear)
                .sorted()
                .skip(gps / 3)
                .findFirst()
                .orElseThrow();
        assertThat(medianGpActivity).isBetween(3_000.0, 6_000.0);
        assertThat(doctors).allMatch(d -> d.newPatients() == NewPatients.ACCEPTING || d.newPatientCapacity() == 0);
        assertThat(doctors.stream()
                        .filter(d -> d.newPatients() == NewPatients.ACCEPTING)
                        .count())
                .isBetween(4_000L, 12_000L);
        assertThat(doctors.get(0).toActivity().ageYears())
                .hasValue(doctors.get(0).ageYears());
    }
}
