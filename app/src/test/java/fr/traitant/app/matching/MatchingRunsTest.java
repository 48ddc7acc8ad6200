package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;
import static org.assertj.core.api.Assertions.within;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** An advisor runs the matching for a zone, reviews the draft, publishes it, and follows each proposal. */
@IntegrationTest
class MatchingRunsTest {

    @LocalServerPort
    int port;

    @Autowired
    MatchingRuns runs;

    @Autowired
    ProposalWorkflow workflow;

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

    static final double KM_PER_DEGREE_OF_LONGITUDE_AT_45 = 111.195 * Math.cos(Math.toRadians(45));

    /** A point on the parallel 45° N, {@code km} east of 5° E. */
    static double lon(double km) {
        return 5.0 + km / KM_PER_DEGREE_OF_LONGITUDE_AT_45;
    }

    static ZoneMatcher.Demand demand(long entry, int people, int priority, double km, boolean transferred) {
        return new ZoneMatcher.Demand(
                entry,
                100 + entry,
                people,
                priority,
                LocalDate.of(2026, 1, 1),
                45.0,
                lon(km),
                null,
                false,
                false,
                null,
                transferred,
                false);
    }

    static ZoneMatcher.Supply supply(long doctor, int remaining, boolean network, double km) {
        return new ZoneMatcher.Supply(
                doctor, remaining, true, network, 45.0, lon(km), null, true, false, Set.of(), true);
    }

    /**
     * Declared complexity (issue #15): the nearer doctor (km 1) takes simple situations only, so the household with an
     * ALD or a vulnerability goes to the farther one (km 5); a household without either takes the nearer one.
     */
    @Test
    void a_doctor_taking_simple_cases_only_is_not_proposed_a_complex_household() {
        ZoneMatcher.Supply simpleOnly =
                new ZoneMatcher.Supply(1, 1, true, false, 45.0, lon(1), null, true, false, Set.of(), false);
        ZoneMatcher.Supply any = supply(2, 1, false, 5);
        ZoneMatcher.Demand complex = new ZoneMatcher.Demand(
                10, 110, 1, 1, LocalDate.of(2026, 1, 1), 45.0, lon(0), null, false, false, null, false, true);
        ZoneMatcher.Result r = matcher.match(List.of(complex), List.of(simpleOnly, any), java.util.Map.of());
        assertThat(r.assignments())
                .singleElement()
                .satisfies(a -> assertThat(a.doctorId()).isEqualTo(2));
        assertThat(matcher.alternatives(complex, List.of(simpleOnly, any), java.util.Map.of(), java.util.Map.of()))
                .extracting(ZoneMatcher.Alternative::doctorId)
                .containsExactly(2L);

        ZoneMatcher.Result simple =
                matcher.match(List.of(demand(11, 1, 1, 0, false)), List.of(simpleOnly, any), java.util.Map.of());
        assertThat(simple.assignments())
                .singleElement()
                .satisfies(a -> assertThat(a.doctorId()).isEqualTo(1));
    }

    /** No commune: both ends at the intermediate road speed (40 km/h): minutes = 2 + 1.95 × km. */
    final EngineZoneMatcher matcher = new EngineZoneMatcher(
            code -> java.util.Optional.empty(), 30, 10, new io.micrometer.core.instrument.simple.SimpleMeterRegistry());

    /**
     * The worked example of docs/methodology/matching.md §5 on a line: doctors A (km 0) and B (km 20), 2 places each;
     * H1 (2 people, priority 1) at km 9 reaches both, A nearer; H2 (2, priority 2) at km −5 reaches only A; H3 (1,
     * priority 3) at km 25 reaches only B. Nearest-first would serve (2, 0, 1); the optimum is H1→B, H2→A, H3 unserved.
     */
    @Test
    void a_run_gives_the_engines_optimum_of_the_worked_example_with_its_explanation() {
        var result = matcher.match(
                List.of(demand(1, 2, 1, 9, false), demand(2, 2, 2, -5, false), demand(3, 1, 3, 25, false)),
                List.of(supply(10, 2, false, 0), supply(20, 2, false, 20)),
                java.util.Map.of());
        assertThat(result.assignments())
                .extracting(ZoneMatcher.Assignment::entryId, ZoneMatcher.Assignment::doctorId)
                .containsExactlyInAnyOrder(tuple(1L, 20L), tuple(2L, 10L));
        var h1 = result.assignments().stream()
                .filter(a -> a.entryId() == 1)
                .findFirst()
                .orElseThrow();
        assertThat(h1.rank()).isEqualTo(2);
        assertThat(h1.eligibleDoctors()).isEqualTo(2);
        assertThat(h1.minutes()).isCloseTo(2 + 1.95 * 11, within(0.2));
        assertThat(h1.nearerDoctors())
                .extracting(ZoneMatcher.PassedOver::doctorId, ZoneMatcher.PassedOver::reason)
                .containsExactly(tuple(10L, "FULL"));
        assertThat(result.unserved())
                .extracting(ZoneMatcher.Unserved::entryId, ZoneMatcher.Unserved::reason)
                .containsExactly(tuple(3L, "ELIGIBLE_DOCTORS_FULL"));
        assertThat(result.objective()).startsWith("Personnes servies par priorité 1 à 5 : 2, 2, 0, 0, 0");
        assertThat(Explanations.reason(h1)).contains("2e des 2 médecin(s) possible(s)");
        assertThat(Explanations.passedOver(h1.nearerDoctors())).contains("complet");
        // on the review page the nearer doctor is named from the directory when its RPPS is known
        assertThat(Explanations.passedOver(h1.nearerDoctors(), id -> "Dr Nommé " + id))
                .startsWith("Dr Nommé " + h1.nearerDoctors().getFirst().doctorId() + " à ")
                .contains("complet");
    }

    @Test
    void declined_refused_or_expired_pairs_are_never_proposed_again() {
        var result = matcher.match(
                List.of(demand(1, 1, 1, 1, false)),
                List.of(supply(10, 2, false, 0), supply(20, 2, false, 3)),
                java.util.Map.of(101L, Set.of(10L)));
        assertThat(result.assignments())
                .extracting(ZoneMatcher.Assignment::doctorId)
                .containsExactly(20L);
    }

    /**
     * ADR 0050: a transferred family counts 10 more minutes to a doctor outside the network — so a network doctor up to
     * 10 minutes farther comes first — within the real 30-minute limit, and never at the expense of a household of higher
     * priority (the engine serves priority classes first).
     */
    @Test
    void transferred_families_get_network_doctors_first_without_costing_anyone_of_higher_priority() {
        var doctors = List.of(supply(10, 5, false, 0), supply(20, 5, true, 4));
        // at km −1: the non-network doctor is 1 km away (3.95 min, counted 13.95), the network one 5 km (11.75 min)
        assertThat(matcher.match(List.of(demand(1, 2, 3, -1, true)), doctors, java.util.Map.of())
                        .assignments())
                .extracting(ZoneMatcher.Assignment::doctorId)
                .containsExactly(20L);
        assertThat(matcher.match(List.of(demand(1, 2, 3, -1, false)), doctors, java.util.Map.of())
                        .assignments())
                .extracting(ZoneMatcher.Assignment::doctorId)
                .containsExactly(10L);
        // the network doctor beyond 30 real minutes (km 20 from the family: 41 min) is not proposed
        assertThat(matcher.match(
                                List.of(demand(1, 2, 3, -1, true)),
                                List.of(supply(10, 5, false, 0), supply(20, 5, true, 19)),
                                java.util.Map.of())
                        .assignments())
                .extracting(ZoneMatcher.Assignment::doctorId)
                .containsExactly(10L);
        // one network place: a priority-1 household that can only reach it (km 16: 12 km from it, 16 km from the other)
        // keeps it; the transferred family (priority 3)
        // goes to the non-network doctor
        var result = matcher.match(
                List.of(demand(1, 1, 3, -1, true), demand(2, 1, 1, 16, false)),
                List.of(supply(10, 5, false, 0), supply(20, 1, true, 4)),
                java.util.Map.of());
        assertThat(result.assignments())
                .extracting(ZoneMatcher.Assignment::entryId, ZoneMatcher.Assignment::doctorId)
                .containsExactlyInAnyOrder(tuple(1L, 10L), tuple(2L, 20L));
    }

    /** Waits until the run at this address has finished computing (runs started from the page compute in the background). */
    static String finished(MatchingRuns runs, String runPath) {
        long id = Long.parseLong(runPath.substring(runPath.lastIndexOf('/') + 1));
        org.awaitility.Awaitility.await("run " + id + " computed")
                .atMost(java.time.Duration.ofSeconds(60))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> !runs.progress(id).running());
        return runPath;
    }

    /** The table row of a household in the table with this id. */
    static String row(String html, String tableId, long householdId) {
        String table = html.substring(html.indexOf("id=\"" + tableId + "\""));
        table = table.substring(0, table.indexOf("</table>"));
        for (String r : table.split("<tr")) {
            if (r.contains(">Foyer n° " + householdId + "</a>")) {
                return r;
            }
        }
        throw new AssertionError("household " + householdId + " not in table " + tableId);
    }

    @Test
    void run_review_publish_and_follow_from_the_pages() {
        long doctor = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        capacities.declareCapacity(doctor, null, "32013", 5); // Auch (Gers)
        long household = households.create(
                "Foyer Gers",
                InseeCode.of("32013"),
                List.of(new NewMember("Paul", "Gers", LocalDate.of(1970, 1, 1), null, null, null)));
        long entry = waitingList.register(household, WaitingList.Source.CASE, Instant.now());
        // Lectoure is about 32 km from Auch: more than 30 minutes by road
        long far = households.create(
                "Foyer Lectoure",
                InseeCode.of("32208"),
                List.of(new NewMember("Lou", "Gers", LocalDate.of(1972, 1, 1), null, null, null)));
        waitingList.register(far, WaitingList.Source.CASE, Instant.now());

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response created = advisor.submit("/appariements", "/appariements", Map.of("departement", "32"));
        assertThat(created.status()).isEqualTo(302);
        String runPath = created.location().replaceFirst("^https?://[^/]+", "");
        // computed in the background: the page first shows the step under way, polled until the draft is ready
        WebSession.Response computing = advisor.get(runPath);
        assertThat(computing.status()).isEqualTo(200);
        assertThat(computing.body())
                .satisfiesAnyOf(
                        b -> assertThat(b).contains("id=\"calcul-en-cours\""),
                        b -> assertThat(b).contains("Optimum trouvé par le moteur"));
        finished(runs, runPath);
        assertThat(advisor.get(runPath + "/etat").header("HX-Redirect")).isEqualTo(runPath);
        WebSession.Response draft = advisor.get(runPath);
        assertThat(draft.body()).contains("Brouillon").contains("Publier").contains("Optimum trouvé par le moteur");
        // the engine's explanation for the household in Auch, the reason for the one in Lectoure
        String line = row(draft.body(), "lignes", household);
        assertThat(line)
                .contains("min")
                .contains("1 sur 1")
                .contains("le plus proche des 1 médecin(s) possible(s)")
                .contains("Aucun : le plus proche possible.");
        assertThat(row(draft.body(), "sans-proposition", far))
                .contains("Aucun médecin à moins de 30 minutes de trajet.");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where record_type = 'matching_run' and person_ref in (:p)")
                        .param("p", households.personRefs(far))
                        .query(Long.class)
                        .single())
                .isPositive();
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isZero();

        WebSession.Response published = advisor.submit(runPath, runPath + "/publication", Map.of());
        assertThat(published.status()).isEqualTo(302);
        assertThat(waitingList.get(entry).status()).isEqualTo(WaitingList.Status.PROPOSED);
        assertThat(advisor.get(runPath).body()).contains("Publié").contains(": En attente de la réponse du médecin");
        // publishing twice makes nothing more
        advisor.submit(runPath, runPath + "/publication", Map.of());
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // a conciliator may follow, not publish; a doctor may not see runs
        assertThat(TestAccounts.signedIn(accounts, Role.CONCILIATOR, port)
                        .get(runPath)
                        .status())
                .isEqualTo(200);
        assertThat(TestAccounts.signedIn(accounts, Role.DOCTOR, port)
                        .get("/appariements")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void two_runs_of_a_zone_published_at_once_propose_each_household_once_and_never_answer_500() throws Exception {
        long doctor = TestAccounts.create(accounts, Role.DOCTOR).accountId();
        capacities.declareCapacity(doctor, null, "09122", 5); // Foix (Ariège)
        long household = households.create(
                "Foyer Foix",
                InseeCode.of("09122"),
                List.of(new NewMember("Léo", "Foix", LocalDate.of(1975, 1, 1), null, null, null)));
        waitingList.register(household, WaitingList.Source.CASE, Instant.now());
        WebSession first = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession second = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        String runA = finished(
                runs,
                first.submit("/appariements", "/appariements", Map.of("departement", "09"))
                        .location()
                        .replaceFirst("^https?://[^/]+", ""));
        String runB = finished(
                runs,
                second.submit("/appariements", "/appariements", Map.of("departement", "09"))
                        .location()
                        .replaceFirst("^https?://[^/]+", ""));
        assertThat(runA).isNotEqualTo(runB);
        String tokenA = WebSession.csrfToken(first.get(runA).body());
        String tokenB = WebSession.csrfToken(second.get(runB).body());
        java.util.concurrent.CountDownLatch go = new java.util.concurrent.CountDownLatch(1);
        var a = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            await(go);
            return first.post(runA + "/publication", Map.of("_csrf", tokenA));
        });
        var b = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            await(go);
            return second.post(runB + "/publication", Map.of("_csrf", tokenB));
        });
        var c = java.util.concurrent.CompletableFuture.supplyAsync(() -> {
            await(go);
            return second.post(
                    runA + "/publication", Map.of("_csrf", tokenB)); // the same run published by someone else
        });
        go.countDown();
        assertThat(List.of(a.get(), b.get(), c.get()))
                .extracting(WebSession.Response::status)
                .containsOnly(302);
        assertThat(jdbc.sql("select count(*) from proposal where household_id = :h")
                        .param("h", household)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private static void await(java.util.concurrent.CountDownLatch go) {
        try {
            go.await();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
