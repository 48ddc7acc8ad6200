package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.MemberImport;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * What an attacker or a careless file found answered 500 (issue 12) now gets a clear 4xx in French, and nothing is
 * half-written: member files in the wrong encoding or with NUL bytes, uploads without a file or too large, concurrent
 * imports, control characters in forms, a too-short audit purpose, HTTP Basic outside /actuator.
 */
@IntegrationTest
class HostileInputTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    private static final String HEADER = String.join(";", MemberImport.COLUMNS) + "\n";

    private static String line(String ref, String first, String last) {
        return ref + "-F;" + ref + "-1;FAMILY_MEMBER;;" + first + ";" + last + ";1990-03-01;F;83137;;;non;;;;oui\n";
    }

    private long members(String ref) {
        return jdbc.sql("select count(*) from member where external_ref like :r")
                .param("r", ref + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void a_windows_1252_member_file_is_refused_with_its_line_and_a_bom_file_is_accepted() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        String ref = "ENC" + System.nanoTime();
        byte[] cp1252 = (HEADER + line(ref + "a", "Paul", "Martin") + line(ref + "b", "Hélène", "Lefèvre"))
                .getBytes(Charset.forName("windows-1252"));
        WebSession.Response refused =
                advisor.upload("/adherents/import", "/adherents/import", "fichier", "extrait.csv", cp1252);
        assertThat(refused.status()).isEqualTo(422);
        assertThat(refused.body()).contains("le fichier n&#39;est pas en UTF-8 (ligne 3)");
        assertThat(members(ref)).isZero();

        byte[] text = (HEADER + line(ref + "c", "Hélène", "Lefèvre")).getBytes(StandardCharsets.UTF_8);
        byte[] withBom = new byte[text.length + 3];
        withBom[0] = (byte) 0xEF;
        withBom[1] = (byte) 0xBB;
        withBom[2] = (byte) 0xBF;
        System.arraycopy(text, 0, withBom, 3, text.length);
        WebSession.Response accepted =
                advisor.upload("/adherents/import", "/adherents/import", "fichier", "extrait.csv", withBom);
        assertThat(accepted.status()).isEqualTo(200);
        assertThat(jdbc.sql("select first_name || ' ' || last_name from member where external_ref = :r")
                        .param("r", ref + "c-1")
                        .query(String.class)
                        .single())
                .isEqualTo("Hélène Lefèvre");
    }

    @Test
    void a_nul_byte_a_missing_file_or_no_multipart_body_is_a_clear_4xx() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        String ref = "NUL" + System.nanoTime();
        WebSession.Response nul = advisor.upload(
                "/adherents/import",
                "/adherents/import",
                "fichier",
                "extrait.csv",
                (HEADER + line(ref, "Pa\u0000ul", "Martin")).getBytes(StandardCharsets.UTF_8));
        assertThat(nul.status()).isEqualTo(422);
        assertThat(nul.body()).contains("ligne 2 : octet nul (U+0000)");
        assertThat(members(ref)).isZero();

        for (String route : List.of("/adherents/import", "/mutations/import")) {
            WebSession.Response none = advisor.upload(route, route, "fichier", "", null);
            assertThat(none.status()).as(route).isEqualTo(422);
            assertThat(none.body()).contains("Choisissez un fichier");
            WebSession.Response form = advisor.submit(route, route, Map.of());
            assertThat(form.status()).as(route).isBetween(400, 422);
        }
        WebSession admin = TestAccounts.signedIn(accounts, Role.ADMIN, port);
        WebSession.Response directory =
                admin.submit("/annuaire/import", "/annuaire/import", Map.of("format", "TRAITANT_CSV"));
        assertThat(directory.status()).isEqualTo(400);
        assertThat(directory.body()).contains("Joignez un fichier");
    }

    @Test
    void ten_concurrent_imports_of_the_same_member_file_never_answer_500() {
        String ref = "CONC" + System.nanoTime();
        StringBuilder file = new StringBuilder(HEADER);
        for (int i = 0; i < 300; i++) {
            file.append(line(ref + "-" + i, "Prénom" + (char) ('a' + i % 26) + (char) ('a' + i / 26), "Nom"));
        }
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        List<WebSession> sessions = new ArrayList<>();
        for (int i = 0; i < 10; i++) {
            sessions.add(TestAccounts.signedIn(accounts, Role.ADVISOR, port));
        }
        CountDownLatch go = new CountDownLatch(1);
        List<CompletableFuture<WebSession.Response>> answers = sessions.stream()
                .map(s -> CompletableFuture.supplyAsync(() -> {
                    try {
                        go.await();
                    } catch (InterruptedException e) {
                        Thread.currentThread().interrupt();
                    }
                    return s.upload("/adherents/import", "/adherents/import", "fichier", "extrait.csv", content);
                }))
                .toList();
        go.countDown();
        List<Integer> statuses = answers.stream()
                .map(CompletableFuture::join)
                .map(WebSession.Response::status)
                .toList();
        assertThat(statuses).allMatch(s -> s == 200 || s == 409).contains(200);
        answers.stream()
                .map(CompletableFuture::join)
                .filter(r -> r.status() == 409)
                .forEach(
                        r -> assertThat(r.body()).contains("Un import du fichier des bénéficiaires est déjà en cours"));
        assertThat(members(ref)).isEqualTo(300);
    }

    @Test
    void an_upload_over_the_limit_is_refused_at_once_in_french() throws Exception {
        // a page (the error page; the connection is closed without reading the body) and an API client (problem
        // details)
        assertThat(oversizedUpload("text/html")).startsWith("HTTP/1.1 413").contains("Connection: close");
        String api = oversizedUpload("application/json");
        assertThat(api)
                .startsWith("HTTP/1.1 413")
                .contains("application/problem+json")
                .contains("Le fichier dépasse la taille maximale acceptée (1024 Mo)");
    }

    /** Declares a 5 GB upload, sends 5 bytes of it and returns what the server answered before the body. */
    private String oversizedUpload(String accept) throws Exception {
        try (Socket socket = new Socket("localhost", port)) {
            OutputStream out = socket.getOutputStream();
            out.write(("POST /adherents/import HTTP/1.1\r\nHost: localhost\r\nAccept: " + accept + "\r\n"
                            + "Content-Type: multipart/form-data; boundary=x\r\nContent-Length: 5000000000\r\n\r\n--x\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            out.flush();
            socket.setSoTimeout(10_000);
            InputStream in = socket.getInputStream();
            java.io.ByteArrayOutputStream received = new java.io.ByteArrayOutputStream();
            byte[] buffer = new byte[8192];
            String answer = "";
            try {
                // until the headers and, for problem details, the whole JSON body have arrived
                while (!(answer.contains("\r\n\r\n")
                        && (!answer.contains("problem+json") || answer.trim().endsWith("}")))) {
                    int n = in.read(buffer);
                    if (n < 0) {
                        break;
                    }
                    received.write(buffer, 0, n);
                    answer = received.toString(StandardCharsets.UTF_8);
                }
            } catch (java.net.SocketException reset) {
                // the server closed the connection without reading the declared body: what arrived is the answer
            }
            return answer;
        }
    }

    @Test
    void control_characters_in_a_form_or_a_query_are_refused_not_stored() {
        Http.Response search = new Http(port).get("/api/v1/doctors/search?place=Toulon%00");
        assertThat(search.status()).isEqualTo(400);
        assertThat(search.body()).contains("caractère interdit").contains("octet nul");
        WebSession page = new WebSession(port);
        WebSession.Response html = page.get("/trouver-un-medecin?place=Toul%01on");
        assertThat(html.status()).isEqualTo(400);
        assertThat(html.body()).contains("caractère de contrôle U+0001");

        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        WebSession person = new WebSession(port);
        person.login(insured.username(), TestAccounts.PASSWORD);
        long before =
                jdbc.sql("select count(*) from case_file").query(Long.class).single();
        Map<String, String> form = new java.util.LinkedHashMap<>();
        form.put("kind", "PASS");
        form.put("motive", "FIND_DOCTOR");
        form.put("commune", "83137");
        form.put("phone", "06 12 34 56 78");
        form.put("summary", "Nous venons d'arriver\u0000 à Toulon.");
        form.put("consent", "true");
        WebSession.Response refused = person.submit("/demandes/nouvelle", "/demandes", form);
        assertThat(refused.status()).isEqualTo(400);
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single())
                .isEqualTo(before);
    }

    @Test
    void a_too_short_audit_purpose_is_a_400_with_a_french_message() {
        long household = households.create(
                "Foyer Motif",
                InseeCode.of("83137"),
                List.of(new NewMember("Ana", "Motif", LocalDate.of(1990, 1, 1), null, null, null)));
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        for (String purpose : List.of("a", "ab")) {
            WebSession.Response page = advisor.get("/foyers/" + household + "?motif=" + purpose);
            assertThat(page.status()).isEqualTo(400);
            assertThat(page.body()).contains("Le motif de l&#39;accès est trop court");
        }
        assertThat(advisor.get("/foyers/" + household + "?motif=abc").status()).isEqualTo(200);
    }

    @Test
    void http_basic_works_on_actuator_only() {
        SignedInUser admin = TestAccounts.create(accounts, Role.ADMIN);
        SignedInUser advisor = TestAccounts.create(accounts, Role.ADVISOR);
        long household = households.create(
                "Foyer Basic",
                InseeCode.of("83137"),
                List.of(new NewMember("Ana", "Basic", LocalDate.of(1990, 1, 1), null, null, null)));
        String adminBasic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (admin.username() + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        String advisorBasic = "Basic "
                + Base64.getEncoder()
                        .encodeToString(
                                (advisor.username() + ":" + TestAccounts.PASSWORD).getBytes(StandardCharsets.UTF_8));
        assertThat(new WebSession(port)
                        .withHeader("Authorization", adminBasic)
                        .get("/actuator/prometheus", "text/plain")
                        .status())
                .isEqualTo(200);
        WebSession.Response api = new WebSession(port)
                .withHeader("Authorization", advisorBasic)
                .get("/api/v1/households/" + household, "application/json");
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.body()).doesNotContain("Basic");
    }

    @Test
    void a_double_click_on_a_form_is_processed_once() {
        long household = households.create(
                "Foyer Clic",
                InseeCode.of("83137"),
                List.of(new NewMember("Ana", "Clic", LocalDate.of(1990, 1, 1), null, null, null)));
        long entry = waitingList.register(
                household, fr.traitant.app.matching.WaitingList.Source.ONLINE, java.time.Instant.now());
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        Map<String, String> form = Map.of(
                "canal",
                "PHONE",
                "reponse",
                "false",
                "_csrf",
                WebSession.csrfToken(
                        advisor.get("/liste-attente?departement=83").body()));
        WebSession.Response first = advisor.post("/liste-attente/" + entry + "/contacts", form);
        WebSession.Response second = advisor.post("/liste-attente/" + entry + "/contacts", form);
        assertThat(first.status()).isEqualTo(302);
        assertThat(second.status()).isEqualTo(409);
        assertThat(second.body()).contains("Ce formulaire vient d&#39;être envoyé avec les mêmes valeurs");
        assertThat(jdbc.sql("select count(*) from waiting_contact where entry_id = :e")
                        .param("e", entry)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // from a page (Referer), the browser is sent back to it
        WebSession.Response fromPage = advisor.withHeader(
                        "Referer", "http://localhost:" + port + "/liste-attente?departement=83")
                .post("/liste-attente/" + entry + "/contacts", form);
        assertThat(fromPage.status()).isEqualTo(302);
        assertThat(fromPage.location()).endsWith("/liste-attente?departement=83");
        assertThat(jdbc.sql("select count(*) from waiting_contact where entry_id = :e")
                        .param("e", entry)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        // another value is another form: processed
        assertThat(advisor.post(
                                "/liste-attente/" + entry + "/contacts",
                                Map.of("canal", "SMS", "reponse", "false", "_csrf", form.get("_csrf")))
                        .status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select count(*) from waiting_contact where entry_id = :e")
                        .param("e", entry)
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Autowired
    fr.traitant.app.matching.WaitingList waitingList;

    // What the fuzzer (HostileInputFuzzTest) found answered 500 or showed a Java type, each checked by name here.

    @Test
    void a_number_field_holding_text_answers_the_form_again_with_a_french_error_and_the_text_kept() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.PROGRAMME_MANAGER, port);
        WebSession.Response answer = manager.submit(
                "/programmes/sites",
                "/programmes/sites",
                Map.of("name", "Maison de sante Verite", "kind", "<b>x</b>", "commune", "83137", "openingDays", "5,5"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body())
                .contains("id=\"openingDays-error\">Saisissez un nombre entier.")
                .contains("id=\"kind-error\">Valeur invalide.")
                // the other fields as typed (a number input cannot show "5,5": Thymeleaf, like the browser, leaves it
                // empty)
                .contains("value=\"Maison de sante Verite\"")
                .doesNotContain("java.lang")
                .doesNotContain("<b>x</b>");
    }

    @Test
    void a_checkbox_holding_text_answers_the_form_again_not_a_500() {
        // Spring cannot build this record at all (a primitive boolean gets no value): the form is built with it false
        WebSession insured = TestAccounts.signedIn(accounts, Role.INSURED, port);
        WebSession.Response answer = insured.submit(
                "/demandes/nouvelle",
                "/demandes",
                Map.of(
                        "kind",
                        "PASS",
                        "summary",
                        "Je cherche un medecin traitant depuis mon arrivee.",
                        "consent",
                        "peut-être"));
        assertThat(answer.status()).isEqualTo(422);
        assertThat(answer.body())
                .contains("Valeur invalide : oui ou non.")
                .contains("Je cherche un medecin traitant depuis mon arrivee.")
                .doesNotContain("java.lang");
    }

    @Test
    void a_filter_holding_text_where_a_number_is_expected_says_so_in_french() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        WebSession.Response page = manager.get("/reseau?minPatients=abc&since=2026-02-30");
        assertThat(page.status()).isBetween(200, 422);
        assertThat(page.body())
                .contains("Saisissez un nombre entier.")
                .contains("Saisissez une date du calendrier")
                .doesNotContain("java.lang")
                .doesNotContain("Failed to convert");
    }

    @Test
    void a_form_body_that_is_not_utf8_is_a_400_not_a_form_read_without_its_field() {
        WebSession insured = TestAccounts.signedIn(accounts, Role.INSURED, port);
        String csrf = WebSession.csrfToken(insured.get("/demandes/nouvelle").body());
        WebSession.Response answer = insured.exchange(
                "POST",
                "/demandes",
                WebSession.HTML,
                "application/x-www-form-urlencoded",
                ("_csrf=" + java.net.URLEncoder.encode(csrf, StandardCharsets.UTF_8)
                                + "&summary=x%C3%28%FF&consent=true")
                        .getBytes(StandardCharsets.US_ASCII));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Un champ n&#39;a pas pu être lu");
    }

    @Test
    void a_tampered_date_in_a_list_of_dates_is_a_400_in_french() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.PROGRAMME_MANAGER, port);
        WebSession.Response answer = manager.submit(
                "/programmes/missions",
                "/programmes/missions/lieux/999999/ouverture",
                Map.of("mois", "2027-01", "dates", "2027-01-32"));
        assertThat(answer.status()).isEqualTo(400);
        assertThat(answer.body()).contains("Date invalide : « 2027-01-32 »");
    }

    @Test
    void a_line_break_in_a_filter_copied_into_a_redirect_is_encoded_not_a_500() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        WebSession.Response answer = manager.submit(
                "/reseau/invitations", "/reseau/invitations", Map.of("departement", "83\r\nX-Injected: 1"));
        assertThat(answer.status()).isEqualTo(302);
        assertThat(answer.header("X-Injected")).isEmpty();
        assertThat(answer.location()).endsWith("/reseau/invitations?departement=83%0D%0AX-Injected%3A+1");
    }
}
