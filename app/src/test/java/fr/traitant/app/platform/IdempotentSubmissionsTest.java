package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.MemberImport;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Idempotent writes (issue 22): every POST form carries a single-use key; the same key sent again — one after the
 * other or at the same instant — is processed once and answered with the first answer; a key is refused for another
 * address; an import sent twice with its key is applied once.
 */
@IntegrationTest
class IdempotentSubmissionsTest {

    private static final Pattern KEY =
            Pattern.compile("name=\"" + IdempotentSubmissions.FIELD + "\"[^>]*value=\"([^\"]+)\"");

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    WaitingList waitingList;

    @Autowired
    JdbcClient jdbc;

    private long entry() {
        long household = households.create(
                "Foyer Idempotent",
                InseeCode.of("83137"),
                List.of(new NewMember("Ana", "Idem", LocalDate.of(1990, 1, 1), null, null, null)));
        return waitingList.register(household, WaitingList.Source.ONLINE, Instant.now());
    }

    private long contacts(long entry) {
        return jdbc.sql("select count(*) from waiting_contact where entry_id = :e")
                .param("e", entry)
                .query(Long.class)
                .single();
    }

    /** An advisor signed in, with the CSRF token of the waiting list page (where the contact forms are). */
    private record Advisor(WebSession session, String csrf) {}

    private Advisor advisor() {
        WebSession session = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        return new Advisor(
                session,
                WebSession.csrfToken(
                        session.get("/liste-attente?departement=83").body()));
    }

    private static Map<String, String> contactForm(String csrf, String key) {
        return Map.of("canal", "PHONE", "reponse", "false", "_csrf", csrf, IdempotentSubmissions.FIELD, key);
    }

    @Test
    void every_post_form_gets_its_own_fresh_key_and_read_only_forms_none() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        String page = advisor.get("/liste-attente?departement=83").body();
        long postForms = Pattern.compile("<form[^>]*method=\"post\"")
                .matcher(page)
                .results()
                .count();
        List<String> keys = KEY.matcher(page).results().map(m -> m.group(1)).toList();
        assertThat(postForms).isPositive();
        assertThat(keys).hasSize((int) postForms).doesNotHaveDuplicates();
        // the search form (GET) has none
        assertThat(page).contains("method=\"get\"");
        Matcher again = KEY.matcher(advisor.get("/liste-attente?departement=83").body());
        assertThat(again.find()).isTrue();
        assertThat(keys).doesNotContain(again.group(1));
    }

    @Test
    void the_api_document_offers_the_idempotency_key_on_writes_only() {
        var doc = new tools.jackson.databind.ObjectMapper()
                .readTree(new WebSession(port)
                        .get("/v3/api-docs", "application/json")
                        .body());
        var importOperation = doc.at("/paths/~1api~1v1~1directory~1imports/post/parameters");
        assertThat(importOperation.findValues("name").stream()
                        .map(n -> n.asString())
                        .toList())
                .contains(IdempotentSubmissions.HEADER);
        var listOperation = doc.at("/paths/~1api~1v1~1directory~1imports/get/parameters");
        assertThat(listOperation.findValues("name").stream()
                        .map(n -> n.asString())
                        .toList())
                .doesNotContain(IdempotentSubmissions.HEADER);
    }

    @Test
    void the_same_form_sent_again_is_answered_as_the_first_time_and_written_once() {
        long entry = entry();
        Advisor advisor = advisor();
        String key = UUID.randomUUID().toString();
        WebSession.Response first =
                advisor.session().post("/liste-attente/" + entry + "/contacts", contactForm(advisor.csrf(), key));
        // well after the first: not a double click, a resend (the browser's back button and "send again")
        WebSession.Response second =
                advisor.session().post("/liste-attente/" + entry + "/contacts", contactForm(advisor.csrf(), key));
        assertThat(first.status()).isEqualTo(302);
        assertThat(first.header(IdempotentSubmissions.REPLAYED)).isEmpty();
        assertThat(second.status()).isEqualTo(302);
        assertThat(second.location()).isEqualTo(first.location());
        assertThat(second.header(IdempotentSubmissions.REPLAYED)).isEqualTo("true");
        assertThat(contacts(entry)).isEqualTo(1);
        // a new key (the form displayed again) is a new contact
        advisor.session()
                .post(
                        "/liste-attente/" + entry + "/contacts",
                        contactForm(advisor.csrf(), UUID.randomUUID().toString()));
        assertThat(contacts(entry)).isEqualTo(2);
    }

    @Test
    void a_refused_request_keeps_nothing_and_the_same_key_is_judged_anew() {
        long entry = entry();
        Advisor advisor = advisor();
        String key = UUID.randomUUID().toString();
        Map<String, String> wrong = new java.util.HashMap<>(contactForm(advisor.csrf(), key));
        wrong.put("canal", "PIGEON");
        WebSession.Response refused = advisor.session().post("/liste-attente/" + entry + "/contacts", wrong);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(contacts(entry)).isZero();
        WebSession.Response corrected =
                advisor.session().post("/liste-attente/" + entry + "/contacts", contactForm(advisor.csrf(), key));
        assertThat(corrected.status()).isEqualTo(302);
        assertThat(corrected.header(IdempotentSubmissions.REPLAYED)).isEmpty();
        assertThat(contacts(entry)).isEqualTo(1);
    }

    @Test
    void eight_copies_sent_at_the_same_instant_write_once_and_all_get_the_first_answer() {
        long entry = entry();
        Advisor advisor = advisor();
        String key = UUID.randomUUID().toString();
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<WebSession.Response>> answers = java.util.stream.IntStream.range(0, 8)
                .mapToObj(i -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return advisor.session()
                            .post("/liste-attente/" + entry + "/contacts", contactForm(advisor.csrf(), key));
                }))
                .toList();
        go.countDown();
        List<WebSession.Response> done =
                answers.stream().map(CompletableFuture::join).toList();
        assertThat(done).extracting(WebSession.Response::status).containsOnly(302);
        assertThat(done)
                .extracting(WebSession.Response::location)
                .containsOnly(done.get(0).location());
        assertThat(done)
                .filteredOn(r -> r.header(IdempotentSubmissions.REPLAYED).equals("true"))
                .hasSize(7);
        assertThat(contacts(entry)).isEqualTo(1);
    }

    @Test
    void a_key_is_refused_for_another_address_and_a_malformed_key_is_a_400() {
        long one = entry(), other = entry();
        Advisor advisor = advisor();
        String key = UUID.randomUUID().toString();
        assertThat(advisor.session()
                        .post("/liste-attente/" + one + "/contacts", contactForm(advisor.csrf(), key))
                        .status())
                .isEqualTo(302);
        WebSession.Response reused =
                advisor.session().post("/liste-attente/" + other + "/contacts", contactForm(advisor.csrf(), key));
        assertThat(reused.status()).isEqualTo(422);
        assertThat(reused.body()).contains("Cette clé a déjà servi pour une autre demande");
        WebSession.Response malformed = advisor.session()
                .post("/liste-attente/" + other + "/contacts", contactForm(advisor.csrf(), "<script>"));
        assertThat(malformed.status()).isEqualTo(400);
        assertThat(malformed.body()).doesNotContain("<script>");
        assertThat(contacts(other)).isZero();
    }

    @Test
    void an_import_sent_twice_with_its_key_is_applied_once_and_shows_the_same_result() {
        String ref = "IDEM" + System.nanoTime();
        String file = String.join(";", MemberImport.COLUMNS) + "\n" + ref + "-F;" + ref
                + "-1;FAMILY_MEMBER;;Léa;Idem;1990-03-01;F;83137;;;non;;;;oui\n";
        byte[] content = file.getBytes(StandardCharsets.UTF_8);
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        Map<String, String> key =
                Map.of(IdempotentSubmissions.FIELD, UUID.randomUUID().toString());
        WebSession.Response first =
                advisor.upload("/adherents/import", "/adherents/import", "fichier", "extrait.csv", content, key);
        WebSession.Response second =
                advisor.upload("/adherents/import", "/adherents/import", "fichier", "extrait.csv", content, key);
        assertThat(first.status()).isEqualTo(200);
        assertThat(second.status()).isEqualTo(200);
        assertThat(second.header(IdempotentSubmissions.REPLAYED)).isEqualTo("true");
        assertThat(second.body()).isEqualTo(first.body());
        // processed twice, the second page would differ at least by its forms' fresh keys
        assertThat(jdbc.sql("select count(*) from member where external_ref like :r")
                        .param("r", ref + "%")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }
}
