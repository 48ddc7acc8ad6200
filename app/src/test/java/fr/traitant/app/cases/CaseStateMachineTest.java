package fr.traitant.app.cases;

import static fr.traitant.app.cases.CaseStatus.CLOSED;
import static fr.traitant.app.cases.CaseStatus.IN_PROGRESS;
import static fr.traitant.app.cases.CaseStatus.NEW;
import static fr.traitant.app.cases.CaseStatus.WAITING_THIRD_PARTY;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Every pair of states, legal or not, against the table written out here independently of the code. */
class CaseStateMachineTest {

    /** The specification: from → the states it may reach. */
    private static final Map<CaseStatus, Set<CaseStatus>> LEGAL = Map.of(
            NEW, Set.of(IN_PROGRESS, CLOSED),
            IN_PROGRESS, Set.of(WAITING_THIRD_PARTY, CLOSED),
            WAITING_THIRD_PARTY, Set.of(IN_PROGRESS, CLOSED),
            CLOSED, Set.of());

    private static CaseTransition to(CaseStatus target) {
        return switch (target) {
            case NEW -> null; // no transition leads back to NEW
            case IN_PROGRESS -> new CaseTransition.Start();
            case WAITING_THIRD_PARTY -> new CaseTransition.WaitForThirdParty("Dr Martin");
            case CLOSED -> new CaseTransition.Close(Outcome.DOCTOR_DECLARED, "");
        };
    }

    @Test
    void the_table_is_exactly_the_specification_for_all_sixteen_pairs() {
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus target : CaseStatus.values()) {
                assertThat(from.canMoveTo(target))
                        .as(from + " → " + target)
                        .isEqualTo(LEGAL.get(from).contains(target));
            }
        }
    }

    @Test
    void every_legal_transition_is_applied() {
        List<String> applied = new ArrayList<>();
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus target : LEGAL.get(from)) {
                assertThat(to(target).applyTo(from)).isEqualTo(target);
                applied.add(from + "→" + target);
            }
        }
        assertThat(applied)
                .containsExactlyInAnyOrder(
                        "NEW→IN_PROGRESS",
                        "NEW→CLOSED",
                        "IN_PROGRESS→WAITING_THIRD_PARTY",
                        "IN_PROGRESS→CLOSED",
                        "WAITING_THIRD_PARTY→IN_PROGRESS",
                        "WAITING_THIRD_PARTY→CLOSED");
    }

    @Test
    void every_illegal_transition_is_refused_with_a_french_message() {
        int refused = 0;
        for (CaseStatus from : CaseStatus.values()) {
            for (CaseStatus target : CaseStatus.values()) {
                CaseTransition transition = to(target);
                if (transition == null || LEGAL.get(from).contains(target)) {
                    continue;
                }
                assertThatThrownBy(() -> transition.applyTo(from))
                        .isInstanceOf(CaseTransition.IllegalTransitionException.class)
                        .hasMessageContaining(from.label())
                        .hasMessageContaining(target.label())
                        .satisfies(e -> {
                            CaseTransition.IllegalTransitionException ite =
                                    (CaseTransition.IllegalTransitionException) e;
                            assertThat(ite.from()).isEqualTo(from);
                            assertThat(ite.to()).isEqualTo(target);
                        });
                refused++;
            }
        }
        // NEW→NEW… are not even expressible; of the 12 expressible pairs (targets IN_PROGRESS, WAITING, CLOSED), 6 are
        // illegal
        assertThat(refused).isEqualTo(6);
    }

    @Test
    void nothing_leads_back_to_new_and_closed_is_final() {
        for (CaseStatus from : CaseStatus.values()) {
            assertThat(from.canMoveTo(NEW)).isFalse();
        }
        assertThat(CLOSED.next()).isEmpty();
        assertThat(CLOSED.open()).isFalse();
    }

    @Test
    void transitions_validate_their_data() {
        assertThatThrownBy(() -> new CaseTransition.WaitForThirdParty(" "))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("qui est attendu");
        assertThatThrownBy(() -> new CaseTransition.Close(null, "")).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new CaseTransition.Close(Outcome.WITHDRAWN, "x".repeat(2001)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(new CaseTransition.Close(Outcome.DOCTOR_DECLARED, " Dr Martin ").describe())
                .isEqualTo("Clôturée : Médecin traitant déclaré — Dr Martin");
    }

    @Test
    void motives_belong_to_their_kind() {
        assertThat(Motive.of(CaseKind.PASS))
                .containsExactly(
                        Motive.FIND_DOCTOR,
                        Motive.ACCESS_TO_CARE,
                        Motive.ACCESS_TO_RIGHTS,
                        Motive.COMPLEX_SOCIAL_SITUATION,
                        Motive.INFORMATION_REQUEST,
                        Motive.FINANCIAL_HELP);
        assertThat(Motive.of(CaseKind.CONCILIATION))
                .containsExactly(
                        Motive.FIND_DOCTOR,
                        Motive.DISPUTE_WITH_FUND,
                        Motive.REFUSAL_OF_CARE,
                        Motive.VITALE_PHOTO_EXEMPTION,
                        Motive.OTHER);
        assertThatThrownBy(() -> new NewCase(
                        CaseKind.PASS,
                        Channel.PHONE,
                        Motive.REFUSAL_OF_CARE,
                        Set.of(),
                        null,
                        "A",
                        null,
                        null,
                        null,
                        "Une description assez longue",
                        Priority.NORMAL))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
