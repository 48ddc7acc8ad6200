package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Indicators on small histories whose answers are worked out by hand below. */
class CaseIndicatorsTest {

    private static Instant at(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(CaseView.PARIS).toInstant();
    }

    private static CaseIndicators.Facts pass(
            Motive motive, Channel channel, String received, String closed, Integer score) {
        return new CaseIndicators.Facts(
                CaseKind.PASS, motive, channel, at(received), closed == null ? null : at(closed), score);
    }

    private static final LocalDate JAN_1 = LocalDate.of(2024, 1, 1);
    private static final LocalDate MAR_31 = LocalDate.of(2024, 3, 31);

    /**
     * Period 1 January – 31 March 2024. Five PASS cases:
     * <pre>
     *  #  received        closed           days  in period?            motive        channel  score
     *  1  2024-01-02 10h  2024-01-12 09h   10    received + closed     FIND_DOCTOR   online   5
     *  2  2024-01-05 16h  2024-02-04 08h   30    received + closed     FIND_DOCTOR   phone    3
     *  3  2024-02-01 09h  2024-02-03 17h    2    received + closed     INFORMATION   partner  —
     *  4  2023-12-20 09h  2024-01-03 09h   14    closed only           ACCESS_CARE   online   4
     *  5  2024-03-30 09h  (open)            —    received only         FINANCIAL     social   —
     *  6  2024-03-31 23h  2024-04-02 10h    2    received (31 March, Paris time); closed after → not closed
     * </pre>
     * received = 1, 2, 3, 5, 6 → 5; closed = 1, 2, 3, 4 → 4; handling days 10, 30, 2, 14 → sorted 2, 10, 14, 30:
     * mean = 56 / 4 = 14.0, median = (10 + 14) / 2 = 12.0. Motives among the 5 received: FIND_DOCTOR 2 (40 %),
     * INFORMATION 1 (20 %), FINANCIAL 1 (20 %), ACCESS_TO_RIGHTS (#6) 1 (20 %), ACCESS_TO_CARE 0 (#4 received before).
     * From the insured: #1 online, #2 phone, #6 mail → 3 / 5 = 60 %. Satisfaction of the closed ones: 5, 3, 4 →
     * 3 answers, mean 4.0, counts [0, 0, 1, 1, 1].
     */
    private static final List<CaseIndicators.Facts> HISTORY = List.of(
            pass(Motive.FIND_DOCTOR, Channel.ONLINE_FORM, "2024-01-02T10:00", "2024-01-12T09:00", 5),
            pass(Motive.FIND_DOCTOR, Channel.PHONE, "2024-01-05T16:00", "2024-02-04T08:00", 3),
            pass(Motive.INFORMATION_REQUEST, Channel.ATLAS_DESK, "2024-02-01T09:00", "2024-02-03T17:00", null),
            pass(Motive.ACCESS_TO_CARE, Channel.ONLINE_FORM, "2023-12-20T09:00", "2024-01-03T09:00", 4),
            pass(Motive.FINANCIAL_HELP, Channel.SOCIAL_SERVICES, "2024-03-30T09:00", null, null),
            pass(Motive.ACCESS_TO_RIGHTS, Channel.MAIL, "2024-03-31T23:00", "2024-04-02T10:00", null));

    @Test
    void counts_times_shares_and_satisfaction_of_a_hand_made_quarter() {
        CaseIndicators.KindFigures pass =
                CaseIndicators.compute(HISTORY, JAN_1, MAR_31, CaseView.PARIS).of(CaseKind.PASS);
        assertThat(pass.received()).isEqualTo(5);
        assertThat(pass.closed()).isEqualTo(4);
        assertThat(pass.meanHandlingDays()).isEqualTo(14.0);
        assertThat(pass.medianHandlingDays()).isEqualTo(12.0);
        assertThat(pass.percent(Motive.FIND_DOCTOR)).isEqualTo(40.0);
        assertThat(pass.percent(Motive.INFORMATION_REQUEST)).isEqualTo(20.0);
        assertThat(pass.percent(Motive.FINANCIAL_HELP)).isEqualTo(20.0);
        assertThat(pass.percent(Motive.ACCESS_TO_RIGHTS)).isEqualTo(20.0);
        assertThat(pass.percent(Motive.ACCESS_TO_CARE)).isZero();
        assertThat(pass.fromInsuredPercent()).isEqualTo(60.0);
        assertThat(pass.satisfactionAnswers()).isEqualTo(3);
        assertThat(pass.satisfactionMean()).isEqualTo(4.0);
        assertThat(pass.satisfactionCounts()).containsExactly(0, 0, 1, 1, 1);

        CaseIndicators.KindFigures conciliation =
                CaseIndicators.compute(HISTORY, JAN_1, MAR_31, CaseView.PARIS).of(CaseKind.CONCILIATION);
        assertThat(conciliation.received()).isZero();
        assertThat(conciliation.meanHandlingDays()).isNull();
        assertThat(conciliation.medianHandlingDays()).isNull();
        assertThat(conciliation.fromInsuredPercent()).isNull();
        assertThat(conciliation.satisfactionMean()).isNull();
    }

    /**
     * Conciliation, year 2024: 3 cases, handling days 7, 1, 40 → sorted 1, 7, 40: mean 48 / 3 = 16.0, median 7
     * (odd count: the middle one). 2 of 3 about finding a médecin traitant → 66.7 %.
     */
    @Test
    void conciliation_share_about_finding_a_doctor_and_an_odd_median() {
        List<CaseIndicators.Facts> history = List.of(
                new CaseIndicators.Facts(
                        CaseKind.CONCILIATION,
                        Motive.FIND_DOCTOR,
                        Channel.ONLINE_FORM,
                        at("2024-05-01T09:00"),
                        at("2024-05-08T09:00"),
                        null),
                new CaseIndicators.Facts(
                        CaseKind.CONCILIATION,
                        Motive.REFUSAL_OF_CARE,
                        Channel.PHONE,
                        at("2024-06-10T09:00"),
                        at("2024-06-11T09:00"),
                        2),
                new CaseIndicators.Facts(
                        CaseKind.CONCILIATION,
                        Motive.FIND_DOCTOR,
                        Channel.MUTUAL_INSURER,
                        at("2024-07-01T09:00"),
                        at("2024-08-10T09:00"),
                        null));
        CaseIndicators.KindFigures c = CaseIndicators.compute(
                        history, LocalDate.of(2024, 1, 1), LocalDate.of(2024, 12, 31), CaseView.PARIS)
                .of(CaseKind.CONCILIATION);
        assertThat(c.received()).isEqualTo(3);
        assertThat(c.closed()).isEqualTo(3);
        assertThat(c.meanHandlingDays()).isEqualTo(16.0);
        assertThat(c.medianHandlingDays()).isEqualTo(7.0);
        assertThat(c.findDoctorPercent()).isCloseTo(66.67, within(0.01));
        assertThat(c.fromInsuredPercent()).isCloseTo(66.67, within(0.01));
        assertThat(c.satisfactionCounts()).containsExactly(0, 1, 0, 0, 0);
    }

    @Test
    void mean_and_median_helpers() {
        assertThat(CaseIndicators.mean(new long[] {})).isNull();
        assertThat(CaseIndicators.median(new long[] {})).isNull();
        assertThat(CaseIndicators.median(new long[] {5})).isEqualTo(5.0);
        assertThat(CaseIndicators.median(new long[] {1, 2})).isEqualTo(1.5);
        assertThat(CaseIndicators.mean(new long[] {1, 2, 3, 10})).isEqualTo(4.0);
    }

    @Test
    void csv_rows_carry_the_same_figures() {
        CaseIndicators.Report report = CaseIndicators.compute(HISTORY, JAN_1, MAR_31, CaseView.PARIS);
        List<String[]> rows = IndicatorPages.rows(report);
        assertThat(rows)
                .anySatisfy(r -> assertThat(r).containsExactly("2024-01-01", "2024-03-31", "PASS", "recus", "5"));
        assertThat(rows)
                .anySatisfy(r ->
                        assertThat(r).containsExactly("2024-01-01", "2024-03-31", "PASS", "delai_moyen_jours", "14.0"));
        assertThat(rows)
                .anySatisfy(r -> assertThat(r)
                        .containsExactly("2024-01-01", "2024-03-31", "PASS", "delai_median_jours", "12.0"));
        assertThat(rows)
                .anySatisfy(r -> assertThat(r)
                        .containsExactly("2024-01-01", "2024-03-31", "PASS", "motif_FIND_DOCTOR_pct", "40.0"));
        assertThat(rows)
                .anySatisfy(r -> assertThat(r)
                        .containsExactly("2024-01-01", "2024-03-31", "CONCILIATION", "delai_moyen_jours", ""));
    }
}
