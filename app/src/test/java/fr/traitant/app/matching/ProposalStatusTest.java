package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Issue 13, point 5: the proposal's transition table, checked on its own (no database). */
class ProposalStatusTest {

    private static final List<ProposalTransition> ALL = List.of(
            ProposalTransition.ACCEPT,
            ProposalTransition.DECLINE,
            ProposalTransition.CONFIRM,
            ProposalTransition.REFUSE,
            ProposalTransition.EXPIRE);

    @Test
    void the_doctor_answers_a_pending_proposal_the_family_an_accepted_one() {
        assertThat(ProposalTransition.ACCEPT.applyTo(ProposalStatus.PENDING)).isEqualTo(ProposalStatus.ACCEPTED);
        assertThat(ProposalTransition.DECLINE.applyTo(ProposalStatus.PENDING)).isEqualTo(ProposalStatus.DECLINED);
        assertThat(ProposalTransition.CONFIRM.applyTo(ProposalStatus.ACCEPTED)).isEqualTo(ProposalStatus.ATTACHED);
        assertThat(ProposalTransition.REFUSE.applyTo(ProposalStatus.PENDING)).isEqualTo(ProposalStatus.REFUSED);
        assertThat(ProposalTransition.REFUSE.applyTo(ProposalStatus.ACCEPTED)).isEqualTo(ProposalStatus.REFUSED);
        assertThat(ProposalTransition.EXPIRE.applyTo(ProposalStatus.PENDING)).isEqualTo(ProposalStatus.EXPIRED);
        assertThat(ProposalTransition.EXPIRE.applyTo(ProposalStatus.ACCEPTED)).isEqualTo(ProposalStatus.EXPIRED);
    }

    @Test
    void everything_else_is_refused_with_a_french_reason() {
        assertThatThrownBy(() -> ProposalTransition.CONFIRM.applyTo(ProposalStatus.PENDING))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class)
                .hasMessage("Le médecin n'a pas encore accepté cette proposition.");
        assertThatThrownBy(() -> ProposalTransition.ACCEPT.applyTo(ProposalStatus.ACCEPTED))
                .hasMessage("Cette proposition a déjà reçu une réponse.");
        assertThatThrownBy(() -> ProposalTransition.DECLINE.applyTo(ProposalStatus.ACCEPTED))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class);
        // no transition leaves a terminal status
        for (ProposalStatus terminal : EnumSet.of(
                ProposalStatus.DECLINED,
                ProposalStatus.REFUSED,
                ProposalStatus.ATTACHED,
                ProposalStatus.EXPIRED,
                ProposalStatus.WITHDRAWN)) {
            assertThat(terminal.terminal()).isTrue();
            for (ProposalTransition t : ALL) {
                assertThatThrownBy(() -> t.applyTo(terminal))
                        .as("%s from %s", t, terminal)
                        .hasMessageStartingWith("Cette proposition n'attend plus de réponse");
            }
        }
        // the table and the transitions agree: a transition is allowed exactly where the table lists its target
        for (ProposalStatus from : ProposalStatus.values()) {
            for (ProposalTransition t : ALL) {
                boolean allowed = from.next().contains(t.target());
                if (allowed) {
                    assertThat(t.applyTo(from)).isEqualTo(t.target());
                } else {
                    assertThatThrownBy(() -> t.applyTo(from)).isInstanceOf(ProposalWorkflow.TransitionRefused.class);
                }
            }
        }
    }

    @Test
    void every_status_has_a_french_label_for_each_side() {
        assertThat(Arrays.stream(ProposalStatus.values())).allSatisfy(s -> {
            assertThat(s.label()).isNotBlank().doesNotContain("_");
            assertThat(s.doctorLabel()).isNotBlank();
        });
        assertThat(ProposalStatus.labelOf("PENDING")).isEqualTo("En attente de la réponse du médecin");
    }
}
