package fr.traitant.app.continuity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.SemicolonCsv;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.engine.directory.Rpps;
import java.io.StringReader;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #20, point 1: departures declared, predicted and their patients; the APL without the doctor; who may see them. */
@IntegrationTest
class DeparturesTest {

    @Autowired
    Departures departures;

    @Autowired
    Doctors doctors;

    @Autowired
    Households households;

    @Autowired
    Accessibility accessibility;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    List<DoctorProfile> doctorsOf(String departement) {
        return doctors.activeWithRppsInDepartement(departement).stream()
                .filter(d -> !d.locations().isEmpty())
                .filter(d -> departures
                        .of(d.rpps().orElseThrow())
                        .map(x -> x.certainty() != Certainty.DECLARED)
                        .orElse(true))
                .toList();
    }

    @Test
    void a_declared_departure_lists_its_patients_and_what_the_apl_would_be_without_the_doctor() {
        DoctorProfile doctor = doctorsOf("46").getFirst();
        String rpps = doctor.rpps().orElseThrow();
        long household = households.create(
                "Foyer départ",
                InseeCode.of(doctor.locations().getFirst().communeCode()),
                List.of(
                        new NewMember("Ana", "Depart", LocalDate.of(1980, 1, 1), null, null, null),
                        new NewMember("Léon", "Depart", LocalDate.of(2012, 1, 1), null, null, null)));
        households.declareDoctor(household, rpps, "Test : médecin traitant déclaré");
        LocalDate in6Months = LocalDate.now(FrenchDates.PARIS).plusMonths(6);
        departures.declare(rpps, in6Months, DepartureReason.RETIREMENT, null, null, Departures.Source.AGENT, "");

        Departures.Departure d = departures.of(rpps).orElseThrow();
        assertThat(d.certainty()).isEqualTo(Certainty.DECLARED);
        assertThat(d.expectedOn()).isEqualTo(in6Months);
        assertThat(d.patients()).isEqualTo(2);
        assertThat(d.households()).isEqualTo(1);

        org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(90)).until(accessibility::hasScores);
        org.awaitility.Awaitility.await()
                .atMost(Duration.ofSeconds(90))
                .until(() -> departures.impact(d).isPresent());
        Departures.Impact impact = departures.impact(d).orElseThrow();
        assertThat(impact.communesChanged()).isPositive();
        assertThat(impact.aplAfter()).isLessThan(impact.aplBefore());
        assertThat(impact.changes()).allSatisfy(c -> assertThat(c.after()).isLessThan(c.before()));

        // a new declaration replaces the current one; a cancelled one leaves the doctor to the other sources
        departures.declare(
                rpps, in6Months.plusMonths(1), DepartureReason.MOVE, null, null, Departures.Source.DOCTOR, "");
        assertThat(departures.all().stream().filter(x -> x.rpps().equals(rpps)))
                .singleElement()
                .satisfies(x -> assertThat(x.reason()).isEqualTo(DepartureReason.MOVE));
        departures.cancel(rpps);
        assertThat(departures.of(rpps).map(Departures.Departure::certainty))
                .isNotEqualTo(java.util.Optional.of(Certainty.DECLARED));
    }

    @Test
    void an_old_general_practitioner_is_a_predicted_departure_unless_one_is_declared() {
        int year = LocalDate.now(FrenchDates.PARIS).getYear();
        List<Departures.Departure> predicted = departures.all().stream()
                .filter(d -> d.certainty() == Certainty.PREDICTED)
                .toList();
        assertThat(predicted).isNotEmpty();
        Departures.Departure oldest = predicted.getFirst();
        DoctorProfile doctor = doctors.findByRpps(oldest.rpps()).orElseThrow();
        assertThat(year - doctor.birthYear().orElseThrow()).isGreaterThanOrEqualTo(Departures.LIKELY_AGE);
        assertThat(oldest.expectedOn()).isAfter(LocalDate.now(FrenchDates.PARIS));
        // no doctor under the age is predicted
        assertThat(predicted)
                .allSatisfy(p -> assertThat(year
                                - doctors.findByRpps(p.rpps())
                                        .orElseThrow()
                                        .birthYear()
                                        .orElseThrow())
                        .isGreaterThanOrEqualTo(Departures.LIKELY_AGE));
        departures.declare(
                oldest.rpps(),
                LocalDate.now(FrenchDates.PARIS).plusMonths(3),
                DepartureReason.RETIREMENT,
                null,
                null,
                Departures.Source.AGENT,
                "");
        try {
            assertThat(departures.all().stream().filter(d -> d.rpps().equals(oldest.rpps())))
                    .singleElement()
                    .satisfies(d -> assertThat(d.certainty()).isEqualTo(Certainty.DECLARED));
        } finally {
            departures.cancel(oldest.rpps());
        }
    }

    @Test
    void declarations_are_checked_and_the_import_is_whole_or_nothing() {
        List<DoctorProfile> two = doctorsOf("19").subList(0, 2);
        String a = two.get(0).rpps().orElseThrow(), b = two.get(1).rpps().orElseThrow();
        LocalDate today = LocalDate.now(FrenchDates.PARIS);
        assertThat(departures.check("12345678901", today.plusMonths(6), a))
                .containsExactly("Aucun médecin de l’annuaire n’a le RPPS « 12345678901 ».");
        assertThat(departures.check(a, today.minusYears(2), a))
                .containsExactly(
                        "La date de fin d’activité a plus d’un an.",
                        "Le successeur ne peut pas être le médecin qui part.");
        String header = String.join(";", Departures.COLUMNS);
        String bad = header + "\n" + a + ";" + today.plusMonths(6) + ";retraite;" + b + "\n" + b
                + ";bientôt;retraite;\n" + b + ";" + today.plusMonths(2) + ";vacances;\n";
        assertThatThrownBy(() -> departures.importFile(new StringReader(bad)))
                .isInstanceOfSatisfying(
                        SemicolonCsv.Refused.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "ligne 3 : date_fin attendue au format AAAA-MM-JJ, pas « bientôt »",
                                        "ligne 4 : motif : retraite, demenagement, cessation ou autre, pas « vacances »"));
        assertThat(departures.of(a).map(Departures.Departure::certainty))
                .isNotEqualTo(java.util.Optional.of(Certainty.DECLARED));
        String good = header + "\n" + a + ";" + today.plusMonths(6) + ";retraite;" + b + "\n";
        assertThat(departures.importFile(new StringReader(good))).isEqualTo(1);
        assertThat(departures.of(a)).hasValueSatisfying(d -> {
            assertThat(d.certainty()).isEqualTo(Certainty.DECLARED);
            assertThat(d.successorRpps()).isEqualTo(b);
        });
        departures.cancel(a);
    }

    @Test
    void agents_see_the_departures_a_doctor_declares_their_own_an_insured_person_sees_nothing() {
        DoctorProfile doctor = doctorsOf("24").getFirst();
        String rpps = doctor.rpps().orElseThrow();
        String mail = "depart" + System.nanoTime() + "@test.traitant.fr";
        accounts.createLocal(mail, "Dr Départ", Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(rpps));
        WebSession me = new WebSession(port);
        me.login(mail, TestAccounts.PASSWORD);
        var refused = me.submit(
                "/espace-medecin/depart", "/espace-medecin/depart", Map.of("date", "", "motif", "RETIREMENT"));
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("Indiquez la date de fin d’activité.");
        LocalDate on = LocalDate.now(FrenchDates.PARIS).plusMonths(6);
        var done = me.submit(
                "/espace-medecin/depart",
                "/espace-medecin/depart",
                Map.of("date", on.toString(), "motif", "RETIREMENT"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(departures.of(rpps))
                .hasValueSatisfying(d -> assertThat(d.basis()).isEqualTo("déclaré par le médecin"));

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.get("/departs?certitude=DECLARED").body()).contains(doctor.lastName());
        assertThat(advisor.get("/departs/" + rpps).body()).contains("Déclaré", FrenchDates.day(on));
        var json = advisor.get("/api/v1/departures?certitude=DECLARED", "application/json");
        assertThat(json.status()).isEqualTo(200);
        assertThat(json.body()).contains(rpps);
        assertThat(TestAccounts.signedIn(accounts, Role.INSURED, port)
                        .get("/api/v1/departures", "application/json")
                        .status())
                .isEqualTo(403);
        assertThat(TestAccounts.signedIn(accounts, Role.INSURED, port)
                        .get("/departs")
                        .status())
                .isEqualTo(403);
        departures.cancel(rpps);

        // the import page: a refused file answers 422 with the line and reason, a good one is imported
        String header = String.join(";", Departures.COLUMNS) + "\n";
        var bad = advisor.upload(
                "/departs/import",
                "/departs/import",
                "fichier",
                "departs.csv",
                (header + rpps + ";demain;retraite;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(bad.status()).isEqualTo(422);
        assertThat(bad.body()).contains("ligne 2 : date_fin attendue au format AAAA-MM-JJ, pas « demain »");
        var good = advisor.upload(
                "/departs/import",
                "/departs/import",
                "fichier",
                "departs.csv",
                (header + rpps + ";" + on + ";cessation;\n").getBytes(java.nio.charset.StandardCharsets.UTF_8));
        assertThat(good.status()).isEqualTo(302);
        assertThat(departures.of(rpps))
                .hasValueSatisfying(d -> assertThat(d.reason()).isEqualTo(DepartureReason.STOP));
        departures.cancel(rpps);
    }

    @Autowired
    Handovers handovers;

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    @Autowired
    fr.traitant.app.matching.WaitingList waitingList;

    @Test
    void a_departure_within_six_months_opens_the_handover_of_its_patients_a_later_one_waits() {
        List<DoctorProfile> two = doctorsOf("87").subList(0, 2);
        String soon = two.get(0).rpps().orElseThrow(), later = two.get(1).rpps().orElseThrow();
        String commune = two.get(0).locations().getFirst().communeCode();
        // a family where one member declared the leaving doctor and one has another doctor
        long household = households.create(
                "Foyer passation",
                InseeCode.of(commune),
                List.of(new NewMember("Marc", "Passation", LocalDate.of(1975, 1, 1), null, null, null)));
        households.declareDoctor(household, soon, "Test : médecin traitant déclaré");
        long other = households.create(
                "Foyer plus tard",
                InseeCode.of(commune),
                List.of(new NewMember("Lina", "Plus-Tard", LocalDate.of(1975, 1, 1), null, null, null)));
        households.declareDoctor(other, later, "Test : médecin traitant déclaré");
        LocalDate today = LocalDate.now(FrenchDates.PARIS);
        departures.declare(
                soon, today.plusMonths(5), DepartureReason.RETIREMENT, null, null, Departures.Source.AGENT, "");
        departures.declare(
                later, today.plusMonths(9), DepartureReason.RETIREMENT, null, null, Departures.Source.AGENT, "");
        try {
            assertThat(waitingList.openEntry(household)).isEmpty();
            handovers.openDue();
            assertThat(waitingList.openEntry(household)).hasValueSatisfying(e -> {
                assertThat(e.source()).isEqualTo(fr.traitant.app.matching.WaitingList.Source.DEPARTURE);
                assertThat(e.people()).isEqualTo(1);
            });
            assertThat(waitingList.openEntry(other)).isEmpty();
            assertThat(handovers.of(soon)).singleElement().satisfies(h -> {
                assertThat(h.households()).isEqualTo(1);
                assertThat(h.registered()).isEqualTo(1);
                assertThat(h.attached()).isZero();
                assertThat(h.caseId()).isNotNull();
            });
            Long caseId = handovers.of(soon).getFirst().caseId();
            assertThat(jdbc.sql("select summary from case_file where id = ?")
                            .param(java.util.Objects.requireNonNull(caseId))
                            .query(String.class)
                            .single())
                    .contains(
                            "RPPS " + soon, "1 foyer(s)", "inscrit(s) sur la liste d’attente", "L’appariement préparé");
            assertThat(handovers.of(later)).isEmpty();
            // opened once: a second pass changes nothing
            handovers.openDue();
            assertThat(handovers.of(soon)).hasSize(1);
        } finally {
            departures.cancel(soon);
            departures.cancel(later);
        }
    }
}
