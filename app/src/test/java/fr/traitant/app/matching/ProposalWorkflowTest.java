package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.dao.DataIntegrityViolationException;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The proposal lifecycle, its audit, the waiting-since kept on the way back, expiry and the capacity under contention. */
@IntegrationTest
class ProposalWorkflowTest {

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    BestDoctors bestDoctors;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    static final Instant SINCE = Instant.parse("2026-01-05T08:00:00Z");

    long waitingHousehold(String commune) {
        return fixtures.waiting(
                "Foyer Flux", commune, "Eva", "Flux", LocalDate.of(1988, 2, 2), WaitingList.Source.ONLINE, SINCE);
    }

    long doctor(String commune, int capacity) {
        SignedInUser d = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(d.accountId(), "10000000001", commune, capacity);
        return d.accountId();
    }

    @Test
    void accepted_then_confirmed_declares_the_medecin_traitant_and_every_step_is_audited() {
        long entry = waitingHousehold("87085");
        long household = waitingList.get(entry).householdId();
        long doctor = doctor("87085", 5);
        long proposal = bestDoctors.proposeBest(entry).orElseThrow().value();
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.PROPOSED);
        workflow.acceptAs(ProposalId.of(proposal), doctor);
        assertThat(capacities.capacity(doctor).orElseThrow().committed()).isEqualTo(1);
        workflow.confirmAs(ProposalId.of(proposal), household);
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("ATTACHED");
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.ATTACHED);
        assertThat(jdbc.sql(
                                "select bool_and(has_declared_doctor) and bool_and(declared_doctor_rpps = '10000000001') from member where household_id = :h")
                        .param("h", household)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(jdbc.sql(
                                "select purpose from audit_event where record_type = 'proposal' and record_id = :id order by id")
                        .param("id", Long.toString(proposal))
                        .query(String.class)
                        .list())
                .containsExactly(
                        "Proposition d'un médecin traitant",
                        "Proposition acceptée par le médecin",
                        "Proposition confirmée par le foyer : médecin traitant déclaré");
        // a second answer is refused
        assertThatThrownBy(() -> workflow.acceptAs(ProposalId.of(proposal), doctor))
                .isInstanceOf(ProposalWorkflow.TransitionRefused.class);
    }

    @Test
    void a_decline_or_a_refusal_puts_the_household_back_with_its_original_waiting_since_and_frees_the_capacity() {
        long entry = waitingHousehold("24322");
        long household = waitingList.get(entry).householdId();
        long first = doctor("24322", 1);
        long second = doctor("24322", 1);
        long p1 = bestDoctors.proposeBest(entry).orElseThrow().value();
        long declining = jdbc.sql("select doctor_account_id from proposal where id = :id")
                .param("id", p1)
                .query(Long.class)
                .single();
        workflow.declineAs(ProposalId.of(p1), declining);
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.WAITING);
        assertThat(waitingList.get(entry).waitingSince()).isEqualTo(SINCE);
        // the next proposal goes to the other doctor, never back to the one who declined
        long p2 = bestDoctors.proposeBest(entry).orElseThrow().value();
        long other = jdbc.sql("select doctor_account_id from proposal where id = :id")
                .param("id", p2)
                .query(Long.class)
                .single();
        assertThat(other).isNotEqualTo(declining).isIn(first, second);
        workflow.acceptAs(ProposalId.of(p2), other);
        assertThat(capacities.capacity(other).orElseThrow().remaining()).isZero();
        workflow.refuseAs(ProposalId.of(p2), household);
        assertThat(capacities.capacity(other).orElseThrow().remaining()).isEqualTo(1);
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.WAITING);
        assertThat(waitingList.get(entry).waitingSince()).isEqualTo(SINCE);
        // both doctors are now excluded
        assertThat(bestDoctors.proposeBest(entry)).isEmpty();
    }

    @Test
    void proposals_past_their_deadline_expire_and_release_the_capacity() {
        long entry = waitingHousehold("46042");
        long doctor = doctor("46042", 3);
        long proposal = bestDoctors.proposeBest(entry).orElseThrow().value();
        workflow.acceptAs(ProposalId.of(proposal), doctor);
        jdbc.sql("update proposal set deadline = now() - interval '1 minute' where id = :id")
                .param("id", proposal)
                .update();
        assertThat(workflow.expireOverdue()).isGreaterThanOrEqualTo(1);
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("EXPIRED");
        assertThat(capacities.capacity(doctor).orElseThrow().committed()).isZero();
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.WAITING);
        assertThat(waitingList.get(entry).waitingSince()).isEqualTo(SINCE);
    }

    @Test
    void another_doctor_or_another_household_cannot_answer_a_proposal() {
        long entry = waitingHousehold("12202");
        long doctor = doctor("12202", 3);
        long proposal = workflow.propose(
                        entry, capacities.capacity(doctor).orElseThrow().doctor(), "test")
                .value();
        long intruder = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        assertThatThrownBy(() -> workflow.acceptAs(ProposalId.of(proposal), intruder))
                .isInstanceOf(NotFoundException.class);
        long otherHousehold = households.create("Autre", InseeCode.of("12202"), List.of());
        assertThatThrownBy(() -> workflow.refuseAs(ProposalId.of(proposal), otherHousehold))
                .isInstanceOf(NotFoundException.class);
        assertThat(workflow.status(ProposalId.of(proposal))).isEqualTo("PENDING");
    }

    @Test
    void one_hundred_concurrent_acceptances_never_over_commit_a_doctor() throws Exception {
        long doctor = doctor("63113", 10);
        long doctorId = capacities.capacity(doctor).orElseThrow().doctorId();
        List<Long> proposals = new ArrayList<>();
        for (int i = 0; i < 100; i++) {
            proposals.add(workflow.propose(waitingHousehold("63113"), WorkflowDoctorId.of(doctorId), "charge")
                    .value());
        }
        ExecutorService pool = Executors.newFixedThreadPool(100);
        CountDownLatch start = new CountDownLatch(1);
        AtomicInteger accepted = new AtomicInteger();
        AtomicInteger refused = new AtomicInteger();
        List<Future<?>> futures = new ArrayList<>();
        for (long p : proposals) {
            futures.add(pool.submit(() -> {
                start.await();
                try {
                    workflow.acceptAs(ProposalId.of(p), doctor);
                    accepted.incrementAndGet();
                } catch (ProposalWorkflow.TransitionRefused e) {
                    refused.incrementAndGet();
                }
                return null;
            }));
        }
        start.countDown();
        for (Future<?> f : futures) {
            f.get();
        }
        pool.shutdown();
        assertThat(accepted.get()).isEqualTo(10);
        assertThat(refused.get()).isEqualTo(90);
        assertThat(capacities.capacity(doctor).orElseThrow().committed()).isEqualTo(10);
        assertThat(jdbc.sql("select count(*) from proposal where doctor_account_id = :d and status = 'ACCEPTED'")
                        .param("d", doctor)
                        .query(Long.class)
                        .single())
                .isEqualTo(10);
        // and the database itself refuses over-commitment, whatever the code does
        assertThatThrownBy(() -> jdbc.sql(
                                "update doctor_capacity set committed = capacity + 1 where doctor_account_id = :d")
                        .param("d", doctor)
                        .update())
                .isInstanceOf(DataIntegrityViolationException.class);
    }
}
