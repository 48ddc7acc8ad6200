package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Over HTTP, as people use it: an insured person files a request and follows it; nobody else's request is ever
 * visible to them (404, like a missing one); advisors handle PASS cases, conciliators conciliation cases; every read
 * is audited; the transition table holds over HTTP; satisfaction only once closed.
 */
@IntegrationTest
class CaseAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    SignedInUser alice;
    SignedInUser bob;
    long aliceMember;
    WebSession aliceSession;
    WebSession bobSession;

    @BeforeEach
    void twoInsuredPersons() {
        alice = TestAccounts.create(accounts, Role.INSURED);
        bob = TestAccounts.create(accounts, Role.INSURED);
        long household = households.create(
                "Foyer Dossier",
                InseeCode.of("83137"),
                List.of(new NewMember("Alice", "Dossier", LocalDate.of(1985, 3, 2), null, null, null)));
        households.link(household, alice.accountId());
        aliceMember = jdbc.sql("select id from member where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
        aliceSession = signIn(alice);
        bobSession = signIn(bob);
    }

    private WebSession signIn(SignedInUser user) {
        WebSession session = new WebSession(port);
        assertThat(session.login(user.username(), TestAccounts.PASSWORD).location())
                .doesNotContain("/connexion");
        return session;
    }

    static Map<String, String> validRequest(String kind, String motive) {
        Map<String, String> form = new LinkedHashMap<>();
        form.put("kind", kind);
        form.put("motive", motive);
        form.put("vulnerabilities", "RECENT_TRANSFER");
        form.put("commune", "83137");
        form.put("phone", "06 12 34 56 78");
        form.put("email", "");
        form.put("summary", "Nous venons d'arriver à Toulon et n'avons plus de médecin traitant.");
        form.put("consent", "true");
        return form;
    }

    private long file(WebSession session, String kind, String motive) {
        WebSession.Response response = session.submit("/demandes/nouvelle", "/demandes", validRequest(kind, motive));
        assertThat(response.status()).isEqualTo(302);
        Matcher m = Pattern.compile("/mes-demandes/(\\d+)\\?envoyee").matcher(response.location());
        assertThat(m.find()).as(response.location()).isTrue();
        return Long.parseLong(m.group(1));
    }

    private long reads(long caseId, String actor) {
        return jdbc.sql(
                        "select count(*) from audit_event where record_type = 'case' and record_id = :id and action = 'READ' and actor = :a")
                .param("id", Long.toString(caseId))
                .param("a", actor)
                .query(Long.class)
                .single();
    }

    @Test
    void an_insured_person_files_a_request_and_gets_a_confirmation_with_its_reference() {
        long id = file(aliceSession, "PASS", "FIND_DOCTOR");
        WebSession.Response page = aliceSession.get("/mes-demandes/" + id + "?envoyee");
        assertThat(page.status()).isEqualTo(200);
        String reference = jdbc.sql("select reference from case_file where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        assertThat(reference).matches("PASS-\\d{4}-\\d{6}");
        assertThat(page.body())
                .contains("Votre demande a bien été envoyée")
                .contains(reference)
                .contains("Reçue");
        assertThat(aliceSession.get("/mes-demandes").body()).contains(reference);
        assertThat(aliceSession.get("/mes-notifications").body()).contains(reference + " a bien été reçue");
        // linked to her household; a vulnerability raised the priority; the read was audited for the member
        var row = jdbc.sql("select household_id is not null, priority, channel from case_file where id = :id")
                .param("id", id)
                .query((rs, n) -> List.of(rs.getBoolean(1), rs.getString(2), rs.getString(3)))
                .single();
        assertThat(row).containsExactly(true, "HIGH", "ONLINE_FORM");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where record_type = 'case' and record_id = :id and person_ref = :p and purpose = :why")
                        .param("id", Long.toString(id))
                        .param("p", "member:" + aliceMember)
                        .param("why", Cases.INSURED_PURPOSE)
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    @Test
    void an_invalid_request_is_refused_with_each_error_next_to_its_field() {
        Map<String, String> form = validRequest("PASS", "REFUSAL_OF_CARE"); // a conciliation motive for a PASS request
        form.put("commune", "99999");
        form.put("phone", "12");
        form.put("summary", "court");
        form.put("consent", "false");
        long before =
                jdbc.sql("select count(*) from case_file").query(Long.class).single();
        WebSession.Response response = aliceSession.submit("/demandes/nouvelle", "/demandes", form);
        assertThat(response.status()).isEqualTo(422);
        assertThat(response.body())
                .contains("id=\"motive-error\"")
                .contains("Ce motif ne relève pas de")
                .contains("id=\"commune-error\"")
                .contains("Aucune commune ne correspond à « 99999 »")
                .contains("id=\"phone-error\"")
                .contains("id=\"summary-error\"")
                .contains("id=\"consent-error\"")
                .contains("fr-input-group--error")
                .contains("fr-select-group--error");
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single())
                .isEqualTo(before);
        // without CSRF token: refused
        assertThat(aliceSession
                        .post("/demandes", validRequest("PASS", "FIND_DOCTOR"))
                        .status())
                .isEqualTo(403);
    }

    @Test
    void an_insured_person_never_sees_another_s_request() {
        long id = file(aliceSession, "PASS", "FIND_DOCTOR");
        String reference = jdbc.sql("select reference from case_file where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
        for (String path : List.of(
                "/mes-demandes/" + id, "/mes-demandes/" + id + "/etat?version=0", "/mes-demandes/" + id + "/etat")) {
            WebSession.Response r = bobSession.get(path);
            assertThat(r.status()).as(path).isEqualTo(404);
            assertThat(r.body()).doesNotContain(reference).doesNotContain("Toulon");
        }
        assertThat(bobSession
                        .submit("/mes-demandes", "/mes-demandes/" + id + "/avis", Map.of("note", "1"))
                        .status())
                .isEqualTo(404);
        assertThat(bobSession.get("/mes-demandes").body()).doesNotContain(reference);
        assertThat(bobSession.get("/mes-demandes/987654321").status()).isEqualTo(404); // same as a missing one
        assertThat(reads(id, bob.username())).isZero();
        // and insured persons have no access to the agents' pages
        assertThat(bobSession.get("/dossiers/" + id).status()).isEqualTo(403);
    }

    @Test
    void advisors_handle_pass_cases_and_conciliators_conciliation_cases_each_read_audited() {
        long pass = file(aliceSession, "PASS", "FIND_DOCTOR");
        long conciliation = file(aliceSession, "CONCILIATION", "REFUSAL_OF_CARE");
        SignedInUser advisorUser = TestAccounts.create(accounts, Role.ADVISOR);
        WebSession advisor = signIn(advisorUser);
        WebSession conciliator = TestAccounts.signedIn(accounts, Role.CONCILIATOR, port);

        WebSession.Response page = advisor.get(
                "/dossiers/" + pass + "?motif=Recherche%20d%27un%20m%C3%A9decin%20traitant%20pour%20le%20foyer");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body()).contains("Recherche d&#39;un médecin traitant").contains("Mutation récente");
        assertThat(jdbc.sql("""
                        select purpose from audit_event where record_type = 'case' and record_id = :id and actor = :a
                           and person_ref = :p order by id desc limit 1""")
                        .param("id", Long.toString(pass))
                        .param("a", advisorUser.username())
                        .param("p", "member:" + aliceMember)
                        .query(String.class)
                        .single())
                .isEqualTo("Recherche d'un médecin traitant pour le foyer");
        assertThat(advisor.get("/dossiers/" + conciliation).status()).isEqualTo(404);
        assertThat(conciliator.get("/dossiers/" + pass).status()).isEqualTo(404);
        assertThat(conciliator.get("/dossiers/" + conciliation).status()).isEqualTo(200);
        assertThat(advisor.get("/dossiers?vue=unassigned").body())
                .contains(reference(pass))
                .doesNotContain(reference(conciliation));
        assertThat(advisor.get("/dossiers?q=" + reference(pass)).body()).contains(reference(pass));
        WebSession doctor = TestAccounts.signedIn(accounts, Role.DOCTOR, port);
        assertThat(doctor.get("/dossiers/" + pass).status()).isEqualTo(403);
    }

    @Test
    void the_status_polls_cheaply_until_it_changes_then_notifies() {
        long id = file(aliceSession, "PASS", "ACCESS_TO_CARE");
        int version = jdbc.sql("select version from case_file where id = :id")
                .param("id", id)
                .query(Integer.class)
                .single();
        long readsBefore = reads(id, alice.username());
        WebSession.Response unchanged = aliceSession.get("/mes-demandes/" + id + "/etat?version=" + version);
        assertThat(unchanged.status()).isEqualTo(204);
        assertThat(reads(id, alice.username())).isEqualTo(readsBefore); // nothing disclosed, nothing audited

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.submit("/dossiers/" + id, "/dossiers/" + id + "/etat", Map.of("action", "start"))
                        .status())
                .isEqualTo(302);
        WebSession.Response changed = aliceSession.get("/mes-demandes/" + id + "/etat?version=" + version);
        assertThat(changed.status()).isEqualTo(200);
        assertThat(changed.body())
                .contains("En cours de traitement")
                .contains("id=\"etat\"")
                .contains("version=" + (version + 2)) // status and assignment both bump the version
                .doesNotContain("<html");
        assertThat(reads(id, alice.username())).isEqualTo(readsBefore + 1);
        assertThat(aliceSession.get("/mes-demandes").body()).contains("non lues");
        assertThat(aliceSession.get("/mes-notifications").body()).contains("en cours de traitement");
    }

    @Test
    void illegal_transitions_are_refused_over_http_and_satisfaction_waits_for_closure() {
        long id = file(aliceSession, "PASS", "FIND_DOCTOR");
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response waitFromNew = advisor.submit(
                "/dossiers/" + id, "/dossiers/" + id + "/etat", Map.of("action", "wait", "tiers", "Dr Martin"));
        assertThat(waitFromNew.status()).isEqualTo(422);
        assertThat(waitFromNew.body()).contains("id=\"erreur-etat\"").contains("ne peut pas passer à");
        assertThat(status(id)).isEqualTo("NEW");

        assertThat(aliceSession
                        .submit("/mes-demandes/" + id, "/mes-demandes/" + id + "/avis", Map.of("note", "5"))
                        .body())
                .contains("quand la demande sera clôturée");

        WebSession.Response closeWithoutOutcome =
                advisor.submit("/dossiers/" + id, "/dossiers/" + id + "/etat", Map.of("action", "close"));
        assertThat(closeWithoutOutcome.status()).isEqualTo(422);
        assertThat(advisor.submit("/dossiers/" + id, "/dossiers/" + id + "/etat", Map.of("action", "start"))
                        .status())
                .isEqualTo(302);
        assertThat(advisor.submit(
                                "/dossiers/" + id,
                                "/dossiers/" + id + "/etat",
                                Map.of("action", "wait", "tiers", "Dr Martin"))
                        .status())
                .isEqualTo(302);
        WebSession.Response declaredWithoutDoctor = advisor.submit(
                "/dossiers/" + id,
                "/dossiers/" + id + "/etat",
                Map.of("action", "close", "issue", "DOCTOR_DECLARED", "note", "Dr Martin déclaré"));
        assertThat(declaredWithoutDoctor.status()).isEqualTo(422);
        assertThat(declaredWithoutDoctor.body()).contains("Aucun médecin traitant n&#39;est déclaré pour ce foyer");
        assertThat(advisor.submit(
                                "/dossiers/" + id,
                                "/dossiers/" + id + "/etat",
                                Map.of(
                                        "action",
                                        "close",
                                        "issue",
                                        "NO_DOCTOR_FOUND",
                                        "note",
                                        "Aucun médecin disponible"))
                        .status())
                .isEqualTo(302);
        assertThat(status(id)).isEqualTo("CLOSED");
        WebSession.Response reopen =
                advisor.submit("/dossiers/" + id, "/dossiers/" + id + "/etat", Map.of("action", "start"));
        assertThat(reopen.status()).isEqualTo(422);
        assertThat(status(id)).isEqualTo("CLOSED");

        assertThat(aliceSession
                        .submit("/mes-demandes/" + id, "/mes-demandes/" + id + "/avis", Map.of("note", "9"))
                        .status())
                .isEqualTo(422);
        assertThat(aliceSession
                        .submit(
                                "/mes-demandes/" + id,
                                "/mes-demandes/" + id + "/avis",
                                Map.of("note", "4", "commentaire", "Rapide et efficace"))
                        .status())
                .isEqualTo(302);
        assertThat(aliceSession
                        .submit("/mes-demandes/" + id, "/mes-demandes/" + id + "/avis", Map.of("note", "5"))
                        .status())
                .isEqualTo(422);
        assertThat(jdbc.sql("select satisfaction_score from case_file where id = :id")
                        .param("id", id)
                        .query(Integer.class)
                        .single())
                .isEqualTo(4);
        List<String> journal = jdbc.sql("select kind from case_journal where case_id = :id order by id")
                .param("id", id)
                .query(String.class)
                .list();
        assertThat(journal).containsSubsequence("RECEIVED", "STATUS", "ASSIGNMENT", "STATUS", "STATUS", "SATISFACTION");
    }

    @Test
    void reassignment_journal_and_the_dpo_export_include_the_case() {
        long id = file(aliceSession, "PASS", "FIND_DOCTOR");
        WebSession first = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        SignedInUser secondUser = TestAccounts.create(accounts, Role.ADVISOR);
        WebSession second = signIn(secondUser);
        SignedInUser conciliatorUser = TestAccounts.create(accounts, Role.CONCILIATOR);
        assertThat(first.submit(
                                "/dossiers/" + id,
                                "/dossiers/" + id + "/attribution",
                                Map.of("agent", Long.toString(conciliatorUser.accountId())))
                        .status())
                .isEqualTo(422);
        assertThat(first.submit(
                                "/dossiers/" + id,
                                "/dossiers/" + id + "/attribution",
                                Map.of("agent", Long.toString(secondUser.accountId())))
                        .status())
                .isEqualTo(302);
        assertThat(second.get("/dossiers?vue=mine").body()).contains(reference(id));
        assertThat(second.submit(
                                "/dossiers/" + id,
                                "/dossiers/" + id + "/journal",
                                Map.of("type", "CALL", "texte", "Appel à l'assurée : disponibilités notées"))
                        .status())
                .isEqualTo(302);
        assertThat(second.get("/dossiers/" + id).body())
                .contains("disponibilités notées")
                .contains("Attribué à");
        assertThat(second.get("/dossiers/charge").body()).contains(secondUser.displayName());

        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);
        WebSession.Response export = dpo.get("/dpo/personnes/member:" + aliceMember);
        assertThat(export.status()).isEqualTo(200);
        assertThat(export.body()).contains("Dossier " + reference(id)).contains("disponibilités notées");
    }

    @Test
    void indicators_page_and_csv() {
        file(aliceSession, "CONCILIATION", "FIND_DOCTOR");
        WebSession manager = TestAccounts.signedIn(accounts, Role.PROGRAMME_MANAGER, port);
        int year = LocalDate.now().getYear();
        WebSession.Response page = manager.get("/indicateurs/dossiers?du=" + year + "-01-01&au=" + year + "-12-31");
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Conciliation (saisines)")
                .contains("pour trouver un médecin traitant")
                .contains("<progress");
        WebSession.Response csv =
                manager.get("/indicateurs/dossiers.csv?du=" + year + "-01-01&au=" + year + "-12-31", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.contentType()).startsWith("text/csv");
        assertThat(csv.body()).startsWith("du,au,type,indicateur,valeur").contains("CONCILIATION,recus,");
        assertThat(manager.get("/indicateurs/dossiers?du=2024-12-31&au=2024-01-01")
                        .body())
                .contains("La fin de la période précède son début");
        assertThat(aliceSession.get("/indicateurs/dossiers").status()).isEqualTo(403);
    }

    private String status(long id) {
        return jdbc.sql("select status from case_file where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }

    private String reference(long id) {
        return jdbc.sql("select reference from case_file where id = :id")
                .param("id", id)
                .query(String.class)
                .single();
    }
}
