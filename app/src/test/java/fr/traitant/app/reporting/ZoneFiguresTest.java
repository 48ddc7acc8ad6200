package fr.traitant.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.matching.WaitingFigures;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue #21: each figure of a zone on a hand-made month, small counts suppressed; the year-over-year change. */
class ZoneFiguresTest {

    static final Instant AT = Instant.parse("2026-11-15T10:00:00Z");

    static List<WaitingFigures.WaitingAt> waiting(String departement, int n, double firstWait) {
        List<WaitingFigures.WaitingAt> w = new ArrayList<>();
        for (int i = 0; i < n; i++)
            w.add(new WaitingFigures.WaitingAt(departement, 1 + i % 3, firstWait + 10 * i, i, null));
        return w;
    }

    /** The zone's tally as the computation adds it up: lists of entries, members, doctors, APL by area. */
    static ZoneFigures figures(
            List<WaitingFigures.WaitingAt> waiting,
            List<WaitingFigures.AttachedAt> attached,
            List<Satisfaction.Answer> answers,
            long members,
            long withoutDoctor) {
        MonthlyFigures.Tally t = new MonthlyFigures.Tally();
        t.waiting.addAll(waiting);
        t.attached.addAll(attached);
        t.answers.addAll(answers);
        t.members = members;
        t.withoutDoctor = withoutDoctor;
        t.accepting = 129;
        t.network = 297;
        // the Var (APL 3.0, 1,100,000 inhabitants) and the Alpes-de-Haute-Provence (2.0, 165,000)
        t.aplWeighted = 3.0 * 1_100_000 + 2.0 * 165_000;
        t.aplPopulation = 1_265_000;
        return MonthlyFigures.figures("R93", "Provence-Alpes-Côte d'Azur", "REGION", "FR", t);
    }

    @Test
    void every_figure_of_a_zone_on_a_hand_made_month() {
        // 12 households of the Var waiting 5, 15, …, 115 days (people 1,2,3,1,2,3…: 24); 1 in the Alps waiting 500 days
        List<WaitingFigures.WaitingAt> waiting = new ArrayList<>(waiting("83", 12, 5));
        waiting.add(new WaitingFigures.WaitingAt("04", 4, 500, 99, null));
        List<WaitingFigures.AttachedAt> attached = new ArrayList<>();
        for (int i = 0; i < 11; i++) attached.add(new WaitingFigures.AttachedAt("83", 2, 30, AT, i, null));
        List<Satisfaction.Answer> answers = new ArrayList<>();
        for (int i = 0; i < 11; i++)
            answers.add(
                    new Satisfaction.Answer("83", "83137", i < 6 ? 5 : 4, Satisfaction.SearchTime._1_TO_3, true, AT));
        ZoneFigures z = figures(waiting, attached, answers, 42_000, 6_500);

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
                List.of(
                        new WaitingFigures.WaitingAt("04", 3, 40, 1, null),
                        new WaitingFigures.WaitingAt("04", 5, 60, 2, "04070")),
                List.of(new WaitingFigures.AttachedAt("04", 1, 10, AT, 3, null)),
                List.of(new Satisfaction.Answer("04", null, 5, Satisfaction.SearchTime.LESS_THAN_1, true, AT)),
                2_000,
                500);
        assertThat(z.waitingHouseholds()).isNull();
        assertThat(z.waitingPeople()).isNull();
        assertThat(z.medianWaitDays()).isNull();
        assertThat(z.attachedHouseholds()).isNull();
        assertThat(z.satisfactionAnswers()).isNull();
        assertThat(z.satisfactionMean()).isNull();
        // doctors are not people to protect; 500 of 2,000 members without a doctor is published
        assertThat(z.acceptingDoctors()).isEqualTo(129);
        assertThat(z.withoutDoctorShare()).isEqualTo(0.25);
        assertThat(ZoneFigures.shown(z.waitingPeople())).isEqualTo("< 11");
        // zero is not a small count: published as it is
        ZoneFigures none = figures(List.of(), List.of(), List.of(), 2_000, 10);
        assertThat(none.withoutDoctorShare())
                .as("10 people without a doctor: not published")
                .isNull();
        assertThat(none.waitingHouseholds()).isZero();
        assertThat(none.attachedPeople()).isZero();
        assertThat(ZoneFigures.shown(11L)).isEqualTo("11");
        // in the open data, a figure not published is an empty cell
        MonthlyFigures.Published month =
                new MonthlyFigures.Published(java.time.YearMonth.of(2026, 11), 1, AT, false, "", List.of(z));
        List<String> cells = OpenData.cells(month, z);
        assertThat(cells).hasSize(OpenData.COLUMNS.size());
        assertThat(cells.get(OpenData.COLUMNS.indexOf("personnes_en_attente"))).isEmpty();
        assertThat(cells.get(OpenData.COLUMNS.indexOf("attente_mediane_jours"))).isEmpty();
        assertThat(cells.get(OpenData.COLUMNS.indexOf("medecins_acceptant"))).isEqualTo("129");
        assertThat(cells.get(OpenData.COLUMNS.indexOf("part_sans_medecin_traitant")))
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
