package fr.traitant.app.continuity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.MovableClock;
import fr.traitant.app.matching.MatchingRuns;
import fr.traitant.app.matching.ProposalId;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.matching.RunPublication;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.platform.FrenchDates;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue #20, point 2 and the move of point 3, on hand-made worlds in Manosque (04): a departure declared six months
 * ahead opens the handover, the group's run is pre-computed without the departing doctor and its proposals are made
 * before the date; the successor is proposed first; a doctor who moves keeps the patients who can still reach them;
 * the share re-attached before the date.
 */
@IntegrationTest
class HandoversTest {

    @Autowired
    ContinuityWorld world;

    @Autowired
    Departures departures;

    @Autowired
    Handovers handovers;

    @Autowired
    MatchingRuns runs;

    @Autowired
    RunPublication publication;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    WaitingList waitingList;

    @Autowired
    MovableClock clock;

    @Autowired
    JdbcClient jdbc;

    @AfterEach
    void resetClock() {
        clock.reset();
    }

    private LocalDate today() {
        return LocalDate.now(clock.withZone(FrenchDates.PARIS));
    }

    private String doctorOf(ProposalId proposal) {
        return world.doctorOf(proposal.value());
    }

    private long accountOf(ProposalId proposal) {
        return world.accountOf(proposal.value());
    }

    private String reasonOf(ProposalId proposal) {
        return world.reasonOf(proposal.value());
    }

    @Test
    void a_departure_six_months_ahead_gets_its_patients_proposed_a_colleague_before_the_date() {
        // the departing doctor still has places and is the nearest: the group's run must not propose them
        var leaving = world.doctor("Roux", "04112", "04100", 43.8288, 5.7869, 10);
        world.doctor("Blanc", "04152", "04860", 43.8114, 5.7496, 10);
        long first = world.family("Arnaud", "04112", leaving.rpps(), null);
        long second = world.family("Bonnet", "04112", leaving.rpps(), null);
        LocalDate on = today().plusMonths(6);
        departures.declare(leaving.rpps(), on, DepartureReason.RETIREMENT, null, null, Departures.Source.AGENT, "");

        assertThat(handovers.openDue()).isGreaterThanOrEqualTo(1);
        Handovers.Handover h = handovers.of(leaving.rpps()).getFirst();
        assertThat(h.households()).isEqualTo(2);
        assertThat(h.registered()).isEqualTo(2);
        assertThat(h.caseId()).isNotNull();
        assertThat(h.runId()).isNotNull();
        long run = h.runId();
        Awaitility.await()
                .atMost(Duration.ofSeconds(120))
                .until(() -> !runs.progress(run).running());
        assertThat(runs.progress(run).status()).isEqualTo("DRAFT");
        var draft = runs.get(run);
        assertThat(draft.zoneLabel()).isEqualTo("Passation : patients de Dr Camille Roux");
        assertThat(draft.lines()).extracting(l -> l.householdId()).containsExactlyInAnyOrder(first, second);
        assertThat(publication.publish(run).made()).isEqualTo(2);

        ProposalId p1 = workflow.openProposal(first).orElseThrow();
        ProposalId p2 = workflow.openProposal(second).orElseThrow();
        // a colleague nearby (the world may hold other doctors of Manosque), never the departing doctor
        assertThat(List.of(doctorOf(p1), doctorOf(p2))).doesNotContain(leaving.rpps());
        long account1 = accountOf(p1), account2 = accountOf(p2);
        // the first family confirms at once, the second two weeks after the date (with a late acceptance)
        workflow.acceptAs(p1, account1);
        workflow.confirmAs(p1, first);
        assertThat(handovers.of(leaving.rpps()).getFirst())
                .satisfies(x -> assertThat(x.attachedBeforeDate()).isEqualTo(1))
                .satisfies(x -> assertThat(x.attachedBeforeDateShare()).isEqualTo(0.5));
        clock.advance(Duration.ofDays(6 * 31 + 14));
        jdbc.sql("update proposal set deadline = ? where id = ?")
                .params(java.sql.Timestamp.from(clock.instant().plus(Duration.ofDays(14))), p2.value())
                .update();
        workflow.acceptAs(p2, account2);
        workflow.confirmAs(p2, second);
        Handovers.Handover after = handovers.of(leaving.rpps()).getFirst();
        assertThat(after.attached()).isEqualTo(2);
        assertThat(after.attachedBeforeDate()).isEqualTo(1);
        assertThat(after.attachedBeforeDateShare()).isEqualTo(0.5);
        // the departures page's figure counts the handovers whose date has passed
        Handovers.Figure figure = handovers.figure();
        assertThat(figure.handovers()).isPositive();
        assertThat(figure.needing()).isGreaterThanOrEqualTo(2);
        assertThat(figure.attachedBeforeDate()).isPositive().isLessThan(figure.needing() + 1);
        // a second check opens nothing new
        assertThat(handovers.of(leaving.rpps())).hasSize(1);
    }

    @Test
    void the_successor_who_takes_over_the_practice_is_proposed_first() {
        var leaving = world.doctor("Garnier", "04112", "04100", 43.829, 5.787, 0);
        var successor = world.doctor("Perrin", "04112", "04100", 43.830, 5.788, 10);
        long family = world.family("Chevalier", "04112", leaving.rpps(), "chevalier@example.fr");
        departures.declare(
                leaving.rpps(),
                today().plusMonths(5),
                DepartureReason.RETIREMENT,
                successor.rpps(),
                null,
                Departures.Source.DOCTOR,
                "");
        handovers.openDue();
        ProposalId proposal = workflow.openProposal(family).orElseThrow();
        assertThat(doctorOf(proposal)).isEqualTo(successor.rpps());
        assertThat(reasonOf(proposal)).startsWith("Successeur de Dr Camille Garnier");
        Handovers.Handover h = handovers.of(leaving.rpps()).getFirst();
        assertThat(h.successorProposed()).isEqualTo(1);
        assertThat(h.runId()).as("nobody left for a run").isNull();
    }

    @Test
    void a_departing_doctor_is_asked_for_a_successor_who_is_then_proposed_to_the_patients_still_waiting() {
        var leaving = world.doctor("Lucas", "04112", "04100", 43.827, 5.785, 0);
        var successor = world.doctor("Renard", "04112", "04100", 43.826, 5.784, 10);
        long family = world.family("Dupuis", "04112", leaving.rpps(), null);
        LocalDate on = today().plusMonths(3);
        departures.declare(leaving.rpps(), on, DepartureReason.RETIREMENT, null, null, Departures.Source.DOCTOR, "");
        handovers.openDue();
        assertThat(jdbc.sql("select subject from outbox_message where reference like 'handover:%:successor'"
                                + " and recipient like ?")
                        .param("dr.lucas.%")
                        .query(String.class)
                        .list())
                .containsExactly("Votre fin d’activité : un successeur reprend-il votre cabinet ?");
        assertThat(waitingList.openEntry(family))
                .hasValueSatisfying(e -> assertThat(e.status()).isEqualTo(WaitingList.Status.WAITING));

        // the doctor names the successor on their page (a new declaration, same date): proposed at the next check
        departures.declare(
                leaving.rpps(), on, DepartureReason.RETIREMENT, successor.rpps(), null, Departures.Source.DOCTOR, "");
        handovers.openDue();
        ProposalId proposal = workflow.openProposal(family).orElseThrow();
        assertThat(doctorOf(proposal)).isEqualTo(successor.rpps());
        assertThat(handovers.of(leaving.rpps()).getFirst().successorProposed()).isEqualTo(1);
    }

    @Test
    void a_doctor_who_moves_keeps_the_patients_who_can_still_reach_them() {
        // from Digne-les-Bains to Manosque: the family of Pierrevert (5 km) keeps them, the one of Digne does not
        var moving = world.doctor("Morel", "04070", "04000", 44.0925, 6.2320, 0);
        long near = world.family("Fabre", "04152", moving.rpps(), null);
        long far = world.family("Giraud", "04070", moving.rpps(), null);
        departures.declare(
                moving.rpps(),
                today().plusMonths(4),
                DepartureReason.MOVE,
                null,
                "04112",
                Departures.Source.DOCTOR,
                "");
        handovers.openDue();
        Handovers.Handover h = handovers.of(moving.rpps()).getFirst();
        assertThat(h.households()).isEqualTo(2);
        assertThat(h.kept()).isEqualTo(1);
        assertThat(h.registered()).isEqualTo(1);
        assertThat(waitingList.openEntry(near)).isEmpty();
        assertThat(waitingList.openEntry(far))
                .hasValueSatisfying(e -> assertThat(e.source()).isEqualTo(WaitingList.Source.DEPARTURE));
        // a new commune only goes with a move, and must exist
        assertThat(departures.check(moving.rpps(), today().plusMonths(4), null, DepartureReason.RETIREMENT, "04112"))
                .containsExactly("La nouvelle commune d’exercice ne se renseigne que pour un déménagement.");
        assertThat(departures.check(moving.rpps(), today().plusMonths(4), null, DepartureReason.MOVE, "99999"))
                .singleElement()
                .asString()
                .contains("99999");
    }
}
