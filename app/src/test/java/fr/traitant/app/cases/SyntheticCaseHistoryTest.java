package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The demo history reproduces the 2024 activity report's figures, and the same seed gives the same history. */
class SyntheticCaseHistoryTest {

    private static final List<SyntheticCaseHistory.SyntheticCase> HISTORY =
            SyntheticCaseHistory.generate(SyntheticCaseHistory.SEED);

    private static CaseIndicators.Report year(int year) {
        List<CaseIndicators.Facts> facts = HISTORY.stream()
                .map(c -> new CaseIndicators.Facts(
                        c.kind(), c.motive(), c.channel(), c.receivedAt(), c.closedAt(), c.satisfaction()))
                .toList();
        return CaseIndicators.compute(facts, LocalDate.of(year, 1, 1), LocalDate.of(year, 12, 31), CaseView.PARIS);
    }

    @Test
    void pass_2024_matches_the_report() {
        CaseIndicators.KindFigures pass = year(2024).of(CaseKind.PASS);
        assertThat(pass.received()).isEqualTo(710);
        assertThat(pass.closed()).isEqualTo(643);
        assertThat(pass.meanHandlingDays()).isEqualTo(34.0);
        // the report's shares (37/25/14/10/10/5 = 101 %) scaled to 710 by largest remainder
        assertThat(pass.percent(Motive.FIND_DOCTOR)).isCloseTo(37, within(0.5));
        assertThat(pass.percent(Motive.INFORMATION_REQUEST)).isCloseTo(25, within(0.5));
        assertThat(pass.percent(Motive.COMPLEX_SOCIAL_SITUATION)).isCloseTo(14, within(0.5));
        assertThat(pass.percent(Motive.ACCESS_TO_CARE)).isCloseTo(10, within(0.5));
        assertThat(pass.percent(Motive.ACCESS_TO_RIGHTS)).isCloseTo(10, within(0.5));
        assertThat(pass.percent(Motive.FINANCIAL_HELP)).isCloseTo(5, within(0.5));
    }

    @Test
    void pass_2023_is_smaller_and_slower() {
        CaseIndicators.KindFigures pass = year(2023).of(CaseKind.PASS);
        assertThat(pass.received()).isEqualTo(418); // 710 is +70 %
        assertThat(pass.meanHandlingDays()).isEqualTo(52.0);
    }

    @Test
    void conciliation_2024_matches_the_report() {
        CaseIndicators.KindFigures c = year(2024).of(CaseKind.CONCILIATION);
        assertThat(c.received()).isEqualTo(315);
        assertThat(c.closed()).isEqualTo(315);
        assertThat(c.findDoctorPercent()).isCloseTo(70, within(0.5));
        assertThat(c.fromInsuredPercent()).isCloseTo(96, within(0.2));
        assertThat(year(2023).of(CaseKind.CONCILIATION).received()).isEqualTo(284); // 315 is +11 %
    }

    @Test
    void same_seed_same_history_and_exact_counts_add_up() {
        assertThat(SyntheticCaseHistory.generate(SyntheticCaseHistory.SEED)).isEqualTo(HISTORY);
        assertThat(SyntheticCaseHistory.generate(7)).isNotEqualTo(HISTORY);
        assertThat(HISTORY).hasSize(SyntheticCaseHistory.total()).allSatisfy(c -> {
            assertThat(c.closedAt()).isAfterOrEqualTo(c.receivedAt());
            assertThat(c.motive().allowedFor(c.kind())).isTrue();
        });
        assertThat(SyntheticCaseHistory.exactCounts(SyntheticCaseHistory.PASS_MOTIVES, 710).values().stream()
                        .mapToInt(Integer::intValue)
                        .sum())
                .isEqualTo(710);
    }
}
