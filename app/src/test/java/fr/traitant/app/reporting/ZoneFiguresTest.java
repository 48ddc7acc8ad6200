package fr.traitant.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.matching.WaitingFigures;
import fr.traitant.app.members.PopulationFigures;
import fr.traitant.app.territory.DepartementSummary;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Issue #21: each figure of a zone on a hand-made month, small counts suppressed; the year-over-year change. */
class ZoneFiguresTest {

    static final Instant AT = Instant.parse("2026-11-15T10:00:00Z");
    static final List<DepartementSummary> DEPARTEMENTS = List.of(
            new DepartementSummary("83", "Var", "93", "PACA", 1_100_000, 153, 6000),
            new DepartementSummary("04", "Alpes-de-Haute-Provence", "93", "PACA", 165_000, 198, 6900));

    static List<WaitingFigures.WaitingAt> waiting(String departement, int n, double firstWait) {
        List<WaitingFigures.WaitingAt> w = new ArrayList<>();
        for (int i = 0; i < n; i++) w.add(new WaitingFigures.WaitingAt(departement, 1 + i % 3, firstWait + 10 * i));
        return w;
    }

    static ZoneFigures figures(
            java.util.function.Predicate<String> in,
            List<WaitingFigures.WaitingAt> waiting,
            List<WaitingFigures.AttachedAt> attached,
            List<Satisfaction.Answer> answers) {
        return MonthlyFigures.zone(
                "R93",
                "Provence-Alpes-Côte d'Azur",
                "REGION",
                "FR",
                in,
                waiting,
                attached,
                Map.of(
                        "83", new PopulationFigures.DepartementMembers("83", 40_000, 6_000),
                        "04", new PopulationFigures.DepartementMembers("04", 2_000, 500)),
                Map.of("83", 120, "04", 9),
                Map.of("83", 290, "04", 7),
                Map.of(
                        "83", new Accessibility.AreaAccessibility(null, "83", "Var", 3.0, 1_100_000, 153, 0),
                        "04", new Accessibility.AreaAccessibility(null, "04", "AHP", 2.0, 165_000, 198, 0)),
                answers,
                DEPARTEMENTS);
    }

    @Test
    void every_figure_of_a_zone_on_a_hand_made_month() {
        // 12 households of the Var waiting 5, 15, …, 115 days (people 1,2,3,1,2,3…: 24); 1 in the Alps waiting 500 days
        List<WaitingFigures.WaitingAt> waiting = new ArrayList<>(waiting("83", 12, 5));
        waiting.add(new WaitingFigures.WaitingAt("04", 4, 500));
        waiting.add(new WaitingFigures.WaitingAt("13", 2, 1)); // another région: left out
        List<WaitingFigures.AttachedAt> attached = new ArrayList<>();
        for (int i = 0; i < 11; i++) attached.add(new WaitingFigures.AttachedAt("83", 2, 30, AT));
        List<Satisfaction.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++)
            answers.add(new Satisfaction.Answer("83", i < 6 ? 5 : 4, Satisfaction.SearchTime._1_TO_3, true, AT));
        ZoneFigures z = figures(Set.of("83", "04")::contains, waiting, attached, answers);

        assertThat(z.waitingHouseholds()).isEqualTo(13);
        assertThat(z.waitingPeople()).isEqualTo(24 + 4);
        // waits 5, 15, …, 115 and 500: the 7th of 13 is 65
        assertThat(z.medianWaitDays()).isEqualTo(65.0);
        assertThat(z.attachedHouseholds()).isEqualTo(11);
        assertThat(z.attachedPeople()).isEqualTo(22);
        assertThat(z.members()).isEqualTo(42_000);
        assertThat(z.withoutDoctorShare()).isEqualTo(6_500 / 42_000.0);
        assertThat(z.acceptingDoctors()).isEqualTo(129);
        assertThat(z.networkMembers()).isEqualTo(297);
        // (3.0 × 1,100,000 + 2.0 × 165,000) / 1,265,000 = 2.87
        assertThat(z.apl()).isEqualTo(2.87);
        assertThat(z.satisfactionAnswers()).isEqualTo(11);
        assertThat(z.satisfactionMean()).isEqualTo(Math.round((6 * 5 + 5 * 4) / 11.0 * 100) / 100.0);
    }

    @Test
    void counts_of_one_to_ten_people_medians_and_means_on_fewer_than_eleven_are_not_published() {
        ZoneFigures z = figures(
                "04"::equals,
                List.of(new WaitingFigures.WaitingAt("04", 3, 40), new WaitingFigures.WaitingAt("04", 5, 60)),
                List.of(new WaitingFigures.AttachedAt("04", 1, 10, AT)),
                List.of(new Satisfaction.Answer("04", 5, Satisfaction.SearchTime.LESS_THAN_1, true, AT)));
        assertThat(z.waitingHouseholds()).isNull();
        assertThat(z.waitingPeople()).isNull();
        assertThat(z.medianWaitDays()).isNull();
        assertThat(z.attachedHouseholds()).isNull();
        assertThat(z.satisfactionAnswers()).isNull();
        assertThat(z.satisfactionMean()).isNull();
        // doctors are not people to protect; 500 of 2,000 members without a doctor is published
        assertThat(z.acceptingDoctors()).isEqualTo(9);
        assertThat(z.withoutDoctorShare()).isEqualTo(0.25);
        assertThat(ZoneFigures.shown(z.waitingPeople())).isEqualTo("< 11");
        // zero is not a small count: published as it is
        ZoneFigures none = figures("04"::equals, List.of(), List.of(), List.of());
        assertThat(none.waitingHouseholds()).isZero();
        assertThat(none.attachedPeople()).isZero();
        assertThat(ZoneFigures.shown(11L)).isEqualTo("11");
        // in the open data, a figure not published is an empty cell
        MonthlyFigures.Published month =
                new MonthlyFigures.Published(java.time.YearMonth.of(2026, 11), 1, AT, false, "", List.of(z));
        String[] cells = OpenData.line(month, z).split(";", -1);
        assertThat(cells).hasSize(OpenData.COLUMNS.size());
        assertThat(cells[OpenData.COLUMNS.indexOf("personnes_en_attente")]).isEmpty();
        assertThat(cells[OpenData.COLUMNS.indexOf("attente_mediane_jours")]).isEmpty();
        assertThat(cells[OpenData.COLUMNS.indexOf("medecins_acceptant")]).isEqualTo("9");
        assertThat(cells[OpenData.COLUMNS.indexOf("part_sans_medecin_traitant")])
                .isEqualTo("0.25");
    }

    @Test
    void the_change_from_the_previous_year_in_french() {
        assertThat(ReportFigures.change(710.0, 418.0, v -> fr.traitant.app.platform.FrenchNumbers.count((long) v)))
                .isEqualTo("+292 (+69,9\u00a0%)");
        assertThat(ReportFigures.change(34.0, 52.0, v -> fr.traitant.app.platform.FrenchNumbers.decimal(v, 0) + " j"))
                .isEqualTo("−18 j (−34,6\u00a0%)");
        assertThat(ReportFigures.change(5.0, 0.0, String::valueOf)).isEqualTo("—");
        assertThat(ReportFigures.change(null, 3.0, String::valueOf)).isEqualTo("—");
        assertThat(ReportFigures.figure("Saisines", 315, 284, "d").change()).isEqualTo("+31 (+10,9\u00a0%)");
    }
}
