package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CyclicBarrier;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * ADR 0064: a run includes the doctors of the neighbouring départements within reach of its households, and shares
 * their places with the runs of those départements without ever proposing more than they have. Le Tréport (76711,
 * Seine-Maritime) and Mers-les-Bains (80533, Somme) face each other across the Bresle, about a kilometre apart; no other
 * test puts doctors or households in 76 or 80.
 */
@IntegrationTest
class CrossBorderRunsTest {

    @Autowired
    MatchingRuns runs;

    @Autowired
    RunPublication publication;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    @Test
    void a_household_is_served_by_a_doctor_across_the_border_and_two_runs_never_over_commit_that_doctor()
            throws Exception {
        String tag = Long.toString(System.nanoTime(), 36);
        String rpps = DirectoryDoctorsMatchingTest.directoryDoctor(
                jdbc,
                "TEST-BORDER-" + tag,
                DirectoryDoctorsMatchingTest.newRpps(),
                "80533",
                "ACCEPTING",
                2,
                "bresle-" + tag + "@medecin.mssante.fr");
        long treport = households.create(
                "Foyer Le Tréport",
                InseeCode.of("76711"),
                List.of(
                        new NewMember("Jeanne", "Tréport", LocalDate.of(1980, 1, 1), null, null, null),
                        new NewMember("Paul", "Tréport", LocalDate.of(1979, 1, 1), null, null, null)));
        long mers = households.create(
                "Foyer Mers",
                InseeCode.of("80533"),
                List.of(
                        new NewMember("Anne", "Mers", LocalDate.of(1975, 1, 1), null, null, null),
                        new NewMember("Marc", "Mers", LocalDate.of(1974, 1, 1), null, null, null)));
        long entry76 = waitingList.register(treport, WaitingList.Source.CASE, Instant.now());
        long entry80 = waitingList.register(mers, WaitingList.Source.CASE, Instant.now());

        // the run of Seine-Maritime finds the Somme doctor a few minutes away
        long run76 = runs.run("76");
        long doctor = jdbc.sql("select id from doctor_capacity where rpps = :r")
                .param("r", rpps)
                .query(Long.class)
                .single();
        MatchingRun seen76 = runs.get(run76);
        assertThat(seen76.lines())
                .filteredOn(l -> l.entryId() == entry76)
                .singleElement()
                .satisfies(l -> {
                    assertThat(l.doctorId()).isEqualTo(doctor);
                    assertThat(l.minutes()).isLessThan(6.0);
                });
        assertThat(seen76.acrossBorders()).isPositive();
        assertThat(seen76.neighbours()).contains("Somme (80)");
        assertThat(seen76.zoneLabel()).isEqualTo("Seine-Maritime (76)");

        // the run of the Somme, computed before either is published, wants the same two places for its own household
        long run80 = runs.run("80");
        assertThat(runs.get(run80).lines())
                .filteredOn(l -> l.entryId() == entry80)
                .singleElement()
                .satisfies(l -> assertThat(l.doctorId()).isEqualTo(doctor));

        // both published at the same moment: one proposal, the other line left out, never more than the 2 places
        CyclicBarrier start = new CyclicBarrier(2);
        CompletableFuture<RunPublication.Publication> a =
                CompletableFuture.supplyAsync(() -> publishAfter(start, run76));
        CompletableFuture<RunPublication.Publication> b =
                CompletableFuture.supplyAsync(() -> publishAfter(start, run80));
        RunPublication.Publication pa = a.get(), pb = b.get();
        assertThat(pa.doctorFull() + pb.doctorFull()).isEqualTo(1);
        long pendingPeople = jdbc.sql(
                        "select coalesce(sum(people), 0) from proposal where doctor_id = :d and status = 'PENDING'")
                .param("d", doctor)
                .query(Long.class)
                .single();
        assertThat(pendingPeople).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from proposal where waiting_entry_id in (:e) and doctor_id = :d")
                        .param("e", List.of(entry76, entry80))
                        .param("d", doctor)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // the household left out stays waiting, with its place on the list
        assertThat(jdbc.sql("select count(*) from waiting_entry where id in (:e) and status = 'WAITING'")
                        .param("e", List.of(entry76, entry80))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat((pa.doctorFull() == 1 ? pa : pb).message())
                .contains("1 ligne(s) non publiée(s) : le médecin n'avait plus de place");

        // a later run reads the places held by the pending proposal: nobody else is given that doctor
        long again = runs.run("80");
        assertThat(runs.get(again).lines()).noneMatch(l -> l.doctorId() != null && l.doctorId() == doctor);
    }

    private RunPublication.Publication publishAfter(CyclicBarrier start, long run) {
        try {
            start.await();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
        return publication.publish(run);
    }

    @Test
    void a_zone_is_a_departement_a_region_or_france() {
        assertThat(runs.zone("83")).hasValueSatisfying(z -> {
            assertThat(z.scope()).isEqualTo("DEPARTEMENT");
            assertThat(z.departements()).containsExactly("83");
        });
        assertThat(runs.zone("  occitanie ")).hasValueSatisfying(z -> {
            assertThat(z.scope()).isEqualTo("REGION");
            assertThat(z.label()).isEqualTo("Région Occitanie");
            assertThat(z.departements()).hasSize(13).contains("31", "34", "48", "66");
        });
        assertThat(runs.zone("Région Provence-Alpes-Côte d'Azur"))
                .hasValueSatisfying(z ->
                        assertThat(z.departements()).containsExactlyInAnyOrder("04", "05", "06", "13", "83", "84"));
        assertThat(runs.zone("France")).hasValueSatisfying(z -> {
            assertThat(z.scope()).isEqualTo("FRANCE");
            assertThat(z.departements()).hasSizeGreaterThanOrEqualTo(96).contains("2A", "2B", "974");
        });
        assertThat(runs.zone("Var")).hasValueSatisfying(z -> {
            assertThat(z.scope()).isEqualTo("DEPARTEMENT");
            assertThat(z.departements()).containsExactly("83");
        });
        assertThat(runs.zone("cotes d'armor"))
                .hasValueSatisfying(z -> assertThat(z.departements()).containsExactly("22"));
        assertThat(runs.zone("Atlantide")).isEmpty();
        assertThat(runs.zone("")).isEmpty();
    }
}
