package fr.traitant.app.members;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The synthetic population against the fund's 2024 table, generated in memory (no database) at full scale. */
class SyntheticPopulationTest {

    /** The garrison communes (roughly placed) and a few far-away communes without any site. */
    static final List<Commune> COMMUNES = new ArrayList<>();

    static SyntheticPopulation.Population full;

    @BeforeAll
    static void generateFullScale() {
        int i = 0;
        for (Garrison g : Garrison.ALL) {
            COMMUNES.add(Commune.of(g.communeCode(), 50_000, new GeoPoint(42 + (i % 10) * 0.8, -4 + (i / 10) * 1.5)));
            i++;
        }
        for (int k = 0; k < 20; k++) {
            COMMUNES.add(Commune.of(String.format("99%03d", k), 1_000_000, new GeoPoint(60 + k * 0.5, 20)));
        }
        full = SyntheticPopulation.generate(
                COMMUNES, new SyntheticPopulation.Parameters(1, 2024, SyntheticPopulation.Parameters.REPORT_DATE));
    }

    @Test
    void the_report_table_adds_up() {
        assertThat(FundPopulation2024.count(MemberCategory.ACTIVE)).isEqualTo(355_428);
        assertThat(FundPopulation2024.count(MemberCategory.RETIRED)).isEqualTo(153_535);
        assertThat(FundPopulation2024.count(MemberCategory.OTHER_INSURED)).isEqualTo(56_968);
        assertThat(FundPopulation2024.count(MemberCategory.FAMILY_MEMBER)).isEqualTo(208_537);
        assertThat(Arrays.stream(MemberCategory.values())
                        .mapToInt(FundPopulation2024::count)
                        .sum())
                .isEqualTo(FundPopulation2024.TOTAL);
        assertThat(FundPopulation2024.MEN + FundPopulation2024.WOMEN).isEqualTo(FundPopulation2024.TOTAL);
        // the report prints "108 554 = 14,04 %", but 108,554 / 774,468 = 14.02 %: its percentage has another
        // denominator; we reproduce the count (README, ADR 0030)
        assertThat(100.0 * FundPopulation2024.LONG_TERM_CONDITION / FundPopulation2024.TOTAL)
                .isCloseTo(14.02, within(0.005));
    }

    @Test
    void at_full_scale_every_category_and_age_band_is_exactly_the_report() {
        assertThat(full.members()).hasSize(774_468);
        Map<MemberCategory, int[]> counted = new EnumMap<>(MemberCategory.class);
        for (MemberCategory c : MemberCategory.values()) {
            counted.put(c, new int[AgeBand.values().length]);
        }
        for (SyntheticPopulation.Member m : full.members()) {
            counted.get(m.category())[AgeBand.of(m.age()).ordinal()]++;
            // the birth date gives back the age at the report's date
            assertThat(java.time.Period.between(m.birthDate(), SyntheticPopulation.Parameters.REPORT_DATE)
                            .getYears())
                    .isEqualTo(m.age());
        }
        for (MemberCategory c : MemberCategory.values()) {
            for (AgeBand band : AgeBand.values()) {
                assertThat(counted.get(c)[band.ordinal()])
                        .as(c + " " + band)
                        .isEqualTo(FundPopulation2024.count(c, band));
            }
        }
        assertThat(full.members().stream()
                        .filter(m -> m.category() == MemberCategory.ACTIVE)
                        .count())
                .isEqualTo(355_428);
        assertThat(full.members().stream()
                        .filter(m -> m.category() == MemberCategory.RETIRED)
                        .count())
                .isEqualTo(153_535);
        assertThat(full.members().stream()
                        .filter(m -> m.category() == MemberCategory.OTHER_INSURED)
                        .count())
                .isEqualTo(56_968);
        assertThat(full.members().stream()
                        .filter(m -> m.category() == MemberCategory.FAMILY_MEMBER)
                        .count())
                .isEqualTo(208_537);
    }

    @Test
    void exactly_14_04_percent_in_ald_and_the_report_men_women_split() {
        assertThat(full.members().stream()
                        .filter(m -> m.longTermCondition() != null)
                        .count())
                .isEqualTo(108_554);
        assertThat(full.members().stream().filter(m -> m.sex() == 'M').count()).isEqualTo(545_124);
        assertThat(full.members().stream().filter(m -> m.sex() == 'F').count()).isEqualTo(229_344);
        // ALD is more frequent with age
        double youngAld = full.members().stream()
                .filter(m -> m.age() < 40)
                .mapToDouble(m -> m.longTermCondition() != null ? 1 : 0)
                .average()
                .orElseThrow();
        double oldAld = full.members().stream()
                .filter(m -> m.age() >= 75)
                .mapToDouble(m -> m.longTermCondition() != null ? 1 : 0)
                .average()
                .orElseThrow();
        assertThat(oldAld).isGreaterThan(3 * youngAld);
    }

    @Test
    void one_household_per_insured_person_dependants_join_one_and_families_live_mostly_near_sites() {
        assertThat(full.households()).hasSize(355_428 + 153_535 + 56_968);
        Set<Integer> used = new HashSet<>();
        full.members().forEach(m -> used.add(m.household()));
        assertThat(used).hasSize(full.households().size());
        Set<String> sites = new HashSet<>();
        Garrison.ALL.forEach(g -> sites.add(g.communeCode()));
        long nearSites = full.households().stream()
                .filter(h -> sites.contains(h.communeCode()))
                .count();
        assertThat((double) nearSites / full.households().size()).isBetween(0.60, 0.80);
        // children live with an active or retired insured person
        Map<Integer, MemberCategory> insuredOf = new java.util.HashMap<>();
        full.members().stream()
                .filter(m -> m.category().insured())
                .forEach(m -> insuredOf.put(m.household(), m.category()));
        assertThat(full.members().stream()
                        .filter(m -> m.category() == MemberCategory.FAMILY_MEMBER && m.age() < 18)
                        .map(m -> insuredOf.get(m.household())))
                .allMatch(c -> c == MemberCategory.ACTIVE || c == MemberCategory.OTHER_INSURED);
    }

    @Test
    void a_realistic_share_has_no_medecin_traitant() {
        double without = full.members().stream()
                .filter(m -> m.age() >= 16)
                .mapToDouble(m -> m.hasDeclaredDoctor() ? 0 : 1)
                .average()
                .orElseThrow();
        assertThat(without).isBetween(0.10, 0.25);
        double aldWithout = full.members().stream()
                .filter(m -> m.longTermCondition() != null && m.age() >= 16)
                .mapToDouble(m -> m.hasDeclaredDoctor() ? 0 : 1)
                .average()
                .orElseThrow();
        assertThat(aldWithout).isLessThan(without);
    }

    @Test
    void smaller_scales_keep_the_shape_and_the_same_seed_gives_the_same_population() {
        var a = SyntheticPopulation.generate(
                COMMUNES, new SyntheticPopulation.Parameters(0.01, 7, SyntheticPopulation.Parameters.REPORT_DATE));
        var b = SyntheticPopulation.generate(
                COMMUNES, new SyntheticPopulation.Parameters(0.01, 7, SyntheticPopulation.Parameters.REPORT_DATE));
        assertThat(a).isEqualTo(b);
        assertThat(a.members())
                .hasSize(Arrays.stream(MemberCategory.values())
                        .mapToInt(c -> (int) Math.round(FundPopulation2024.count(c) * 0.01))
                        .sum());
        assertThat(a.members().stream()
                        .filter(m -> m.category() == MemberCategory.ACTIVE)
                        .count())
                .isEqualTo(3_554);
        assertThat(a.members().stream()
                        .filter(m -> m.longTermCondition() != null)
                        .count())
                .isEqualTo(1_086);
        var cells = SyntheticPopulation.cellCounts(0.01);
        assertThat(Arrays.stream(cells.get(MemberCategory.RETIRED)).sum()).isEqualTo(1_535);
    }

    @Test
    void largest_remainder_rounding_keeps_the_total() {
        assertThat(SyntheticPopulation.largestRemainder(10, new double[] {1, 1, 1}))
                .containsExactly(4, 3, 3);
        assertThat(SyntheticPopulation.largestRemainder(7, new double[] {0, 5, 2}))
                .containsExactly(0, 5, 2);
        assertThat(SyntheticPopulation.largestRemainder(0, new double[] {1, 2})).containsExactly(0, 0);
    }
}
