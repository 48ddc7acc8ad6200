package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.MemberImport;
import java.io.StringReader;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The waiting list: registration, priority, waiting-since kept, pausing after three unanswered contacts, figures. */
@IntegrationTest
class WaitingListTest {

    @LocalServerPort
    int port;

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    WaitingList waitingList;

    @Autowired
    WaitingFigures figures;

    @Autowired
    Households households;

    @Autowired
    MemberImport memberImport;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    long household(String commune) {
        return fixtures.household("Foyer Attente", commune, "Jo", "Attente", LocalDate.of(1990, 1, 1));
    }

    @Test
    void reading_a_page_records_one_read_per_person_of_each_listed_household() {
        long couple = households.create(
                "Foyer Lecture",
                fr.traitant.app.platform.values.InseeCode.of("48095"),
                java.util.List.of(
                        new fr.traitant.app.members.NewMember(
                                "Ana", "Lecture", LocalDate.of(1980, 1, 1), null, null, null),
                        new fr.traitant.app.members.NewMember(
                                "Ben", "Lecture", LocalDate.of(1982, 2, 2), null, null, null)));
        long single = household("48095");
        long coupleEntry =
                waitingList.register(couple, WaitingList.Source.ONLINE, Instant.parse("2026-03-01T00:00:00Z"));
        long singleEntry =
                waitingList.register(single, WaitingList.Source.ONLINE, Instant.parse("2026-03-02T00:00:00Z"));
        java.util.function.LongSupplier reads = () -> jdbc.sql("""
                        select count(*) from audit_event where action = 'READ' and record_type = 'waiting_entry'
                           and purpose = 'Consultation de la liste d''attente'
                           and ((record_id = :c and person_ref in (select 'member:' || id from member where household_id = :ch))
                             or (record_id = :s and person_ref in (select 'member:' || id from member where household_id = :sh)))""")
                .param("c", Long.toString(coupleEntry))
                .param("ch", couple)
                .param("s", Long.toString(singleEntry))
                .param("sh", single)
                .query(Long.class)
                .single();
        long before = reads.getAsLong();
        var page = waitingList.waiting("48", null, fr.traitant.app.platform.ListRequest.first("/liste-attente"), 500);
        assertThat(page.rows()).extracting(WaitingList.Entry::id).contains(coupleEntry, singleEntry);
        assertThat(reads.getAsLong() - before).isEqualTo(3); // two for the couple, one for the single person
    }

    @Test
    void registering_twice_keeps_one_entry_and_the_earliest_waiting_since() {
        long h = household("04070");
        Instant first = Instant.parse("2026-01-10T09:00:00Z");
        long id = waitingList.register(h, WaitingList.Source.ONLINE, first);
        assertThat(waitingList.register(h, WaitingList.Source.CASE, first.plus(Duration.ofDays(30))))
                .isEqualTo(id);
        WaitingList.Entry entry = waitingList.get(id);
        assertThat(entry.waitingSince()).isEqualTo(first);
        assertThat(entry.departement()).isEqualTo("04");
        assertThat(entry.priority()).isEqualTo(5);
        assertThat(entry.people()).isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from audit_event where record_type = 'waiting_entry' and record_id = :id")
                        .param("id", Long.toString(id))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void three_unanswered_contacts_pause_the_entry_without_deleting_it_and_an_answer_resumes_it() {
        long id = waitingList.register(
                household("04070"), WaitingList.Source.ONLINE, Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(waitingList
                        .recordContact(id, WaitingList.Channel.PHONE, false)
                        .status())
                .isEqualTo(WaitingList.Status.WAITING);
        assertThat(waitingList
                        .recordContact(id, WaitingList.Channel.EMAIL, false)
                        .status())
                .isEqualTo(WaitingList.Status.WAITING);
        WaitingList.Entry paused = waitingList.recordContact(id, WaitingList.Channel.LETTER, false);
        assertThat(paused.status()).isEqualTo(WaitingList.Status.PAUSED);
        assertThat(paused.unansweredContacts()).isEqualTo(3);
        assertThat(waitingList.waiting("04", null, 1000))
                .extracting(WaitingList.Entry::id)
                .doesNotContain(id);
        // a fourth unanswered contact changes nothing, the entry is still there
        assertThat(waitingList
                        .recordContact(id, WaitingList.Channel.PHONE, false)
                        .status())
                .isEqualTo(WaitingList.Status.PAUSED);
        WaitingList.Entry resumed = waitingList.recordContact(id, WaitingList.Channel.PHONE, true);
        assertThat(resumed.status()).isEqualTo(WaitingList.Status.WAITING);
        assertThat(resumed.unansweredContacts()).isZero();
        assertThat(resumed.waitingSince()).isEqualTo(Instant.parse("2026-02-01T00:00:00Z"));
        assertThat(jdbc.sql("select count(*) from waiting_contact where entry_id = :id")
                        .param("id", id)
                        .query(Long.class)
                        .single())
                .isEqualTo(5);
    }

    @Test
    void the_ald_data_registers_households_with_a_priority_from_their_profile() {
        String ref = "W" + System.nanoTime();
        memberImport.importCsv(new StringReader(String.join(";", MemberImport.COLUMNS) + "\n" + ref + "-F;" + ref
                + "-1;FAMILY_MEMBER;;Ana;Ald;1990-03-01;F;05061;PSYCHIATRIC;PREGNANCY;non;;;;oui\n"));
        long h = jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
        waitingList.registerFromLongTermConditionData(1_000_000);
        WaitingList.Entry entry = waitingList.openEntry(h).orElseThrow();
        assertThat(entry.source()).isEqualTo(WaitingList.Source.ALD_DATA);
        assertThat(entry.priority()).isEqualTo(1);
        assertThat(entry.priorityReasons())
                .contains("ALD : Affection psychiatrique de longue durée")
                .contains("Grossesse");
        assertThat(entry.departement()).isEqualTo("05");
        // served first in its zone
        assertThat(waitingList.waiting("05", null, 10).getFirst().priority()).isEqualTo(1);
    }

    @Test
    void a_household_whose_members_all_have_a_doctor_is_not_registered_unless_transferred() {
        String ref = "D" + System.nanoTime();
        memberImport.importCsv(new StringReader(String.join(";", MemberImport.COLUMNS) + "\n" + ref + "-F;" + ref
                + "-1;FAMILY_MEMBER;;Ana;Doc;1990-03-01;F;05061;;;oui;;;;oui\n"));
        long h = jdbc.sql("select id from household where external_ref = :r")
                .param("r", ref + "-F")
                .query(Long.class)
                .single();
        assertThatThrownBy(() -> waitingList.register(h, WaitingList.Source.ONLINE, Instant.now()))
                .isInstanceOf(IllegalArgumentException.class);
        assertThat(waitingList
                        .get(waitingList.register(h, WaitingList.Source.TRANSFER, Instant.now()))
                        .priority())
                .isEqualTo(4);
    }

    @Test
    void public_figures_count_households_and_people_by_departement_and_priority_with_the_median_wait() {
        Instant now = Instant.now();
        for (int i = 0; i < 12; i++) {
            waitingList.register(household("2A004"), WaitingList.Source.ONLINE, now.minus(Duration.ofDays(10 + i)));
        }
        WaitingFigures.Cell cell = figures.waiting().stream()
                .filter(c -> c.departement().equals("2A") && c.priorities().contains(5))
                .findFirst()
                .orElseThrow();
        assertThat(cell.belowThreshold()).isFalse();
        assertThat(cell.households()).isGreaterThanOrEqualTo(12);
        Http.Response api = new Http(port).get("/api/v1/figures/waiting");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body()).contains("\"departement\":\"2A\"").contains("medianWaitDays");
        Http.Response csv = new Http(port).get("/chiffres/attente.csv", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.body())
                .startsWith("departement;priorites;foyers;personnes;attente_mediane_jours\n")
                .contains("\n2A;5;");
        assertThat(new WebSession(port).get("/chiffres/attente").body())
                .contains("Liste d’attente d’un médecin traitant");
    }

    @Test
    void no_public_figure_counts_fewer_than_11_households_in_the_page_the_csv_or_the_api() {
        // one household waiting alone in a département: the kind of cell that identified a person
        waitingList.register(
                household("48095"), WaitingList.Source.ONLINE, Instant.now().minus(Duration.ofDays(3)));
        for (WaitingFigures.Cell c : figures.waiting()) {
            if (c.belowThreshold()) {
                assertThat(c.households()).isNull();
                assertThat(c.people()).isNull();
                assertThat(c.medianWaitDays()).isNull();
            } else {
                assertThat(c.households()).as(c.toString()).isGreaterThanOrEqualTo(11);
            }
        }
        for (WaitingFigures.Month m : figures.attachedPerMonth()) {
            assertThat(m.belowThreshold() ? 11 : m.households()).isGreaterThanOrEqualTo(11);
        }
        String csv = new Http(port).get("/chiffres/attente.csv", "text/csv").body();
        assertThat(csv).contains("\n48;").contains("48;5;< 11;< 11;\n");
        csv.lines().skip(1).forEach(line -> {
            String households = line.split(";", -1)[2];
            assertThat(households.equals("< 11") || Long.parseLong(households) >= 11)
                    .as(line)
                    .isTrue();
        });
        String api = new Http(port).get("/api/v1/figures/waiting").body();
        assertThat(api)
                .contains("\"departement\":\"48\",\"priorities\":[5],\"belowThreshold\":true,\"households\":null");
        String page = new WebSession(port).get("/chiffres/attente").body();
        assertThat(page).contains("&lt; 11");
    }

    @Test
    void the_insured_person_registers_online_and_sees_only_their_own_request() {
        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        long h = household("83137");
        households.link(h, insured.accountId());
        WebSession session = new WebSession(port);
        session.login(insured.username(), TestAccounts.PASSWORD);
        assertThat(session.get("/mon-medecin-traitant").body()).contains("pas de demande en cours");
        WebSession.Response posted =
                session.submit("/mon-medecin-traitant", "/mon-medecin-traitant/inscription", Map.of());
        assertThat(posted.status()).isEqualTo(302);
        assertThat(session.get("/mon-medecin-traitant").body()).contains("Votre demande est enregistrée");
        assertThat(waitingList.openEntry(h))
                .get()
                .extracting(WaitingList.Entry::source)
                .isEqualTo(WaitingList.Source.ONLINE);
        // asking an advisor for help shows on the advisors' list
        assertThat(session.submit("/mon-medecin-traitant", "/mon-medecin-traitant/aide", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(session.get("/mon-medecin-traitant").body()).contains("Vous avez demandé de l");
        assertThat(waitingList.openEntry(h).orElseThrow().priorityReasons()).contains("aide demandée par l'assuré");

        // another insured person without a household is told why, and sees nothing of this one's; a doctor may not see
        // the list
        WebSession other = TestAccounts.signedIn(accounts, Role.INSURED, port);
        WebSession.Response none = other.get("/mon-medecin-traitant");
        assertThat(none.status()).isEqualTo(200);
        assertThat(none.body()).contains("id=\"sans-foyer\"").doesNotContain("Vous avez demandé de l");
        assertThat(TestAccounts.signedIn(accounts, Role.DOCTOR, port)
                        .get("/liste-attente")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void advisors_see_the_list_by_zone_and_priority_and_record_contacts() {
        long id = waitingList.register(
                household("48095"), WaitingList.Source.CASE, Instant.parse("2026-03-01T00:00:00Z"));
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response page = advisor.get("/liste-attente?departement=48&priorite=5");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("/liste-attente/" + id + "/contacts").contains("1er mars 2026");
        WebSession.Response posted = advisor.submit(
                "/liste-attente?departement=48",
                "/liste-attente/" + id + "/contacts",
                Map.of("canal", "PHONE", "reponse", "false"));
        assertThat(posted.status()).isEqualTo(302);
        assertThat(waitingList.get(id).unansweredContacts()).isEqualTo(1);
        assertThat(advisor.get("/liste-attente?departement=zz").status()).isEqualTo(422);
    }
}
