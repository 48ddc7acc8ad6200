package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.directory.DirectoryFormat;
import java.io.ByteArrayInputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Imports on the real database: malformed files are refused whole, good files are upserted by RPPS. */
@IntegrationTest
class DirectoryImportIntegrationTest {

    static final String HEADER =
            "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
                    + "Libellé civilité d'exercice|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|"
                    + "Code savoir-faire|Libellé savoir-faire|Raison sociale site|Numéro Voie (coord. structure)|"
                    + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Code postal (coord. structure)|"
                    + "Code commune (coord. structure)|Téléphone (coord. structure)|Adresse e-mail (coord. structure)|";

    /** Valid RPPS numbers (Luhn) starting with 1, made up for the tests. */
    static String rpps(int n) {
        return fr.traitant.app.TestRpps.of("1999", n);
    }

    static String line(String rpps, String name, String specialty, String commune, String street) {
        return "8|" + rpps + "|8" + rpps + "|DR|Docteur|" + name + "|CLAIRE|10|Médecin|" + specialty
                + "|Libellé|CABINET TEST|3|Rue|" + street + "|83000|" + commune + "|0494000000||";
    }

    @Autowired
    DirectoryImports imports;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    ImportReport run(String content, DirectoryFormat format, boolean dryRun) {
        return run(content.getBytes(StandardCharsets.UTF_8), format, dryRun);
    }

    ImportReport run(byte[] content, DirectoryFormat format, boolean dryRun) {
        return imports.importFile(new ByteArrayInputStream(content), format, dryRun);
    }

    long count(String rppsPrefix) {
        return jdbc.sql("select count(*) from doctor where rpps like ?")
                .param(rppsPrefix + "%")
                .query(Long.class)
                .single();
    }

    @Test
    void imports_the_national_extraction_idempotently_with_several_practice_locations() {
        String file = HEADER + "\n"
                + line(rpps(1), "IMPORTEA", "SM54", "83137", "DE LA REPUBLIQUE") + "\n"
                + line(rpps(1), "IMPORTEA", "SM54", "83069", "DU PORT") + "\n" // second place (Hyères)
                + line(rpps(2), "IMPORTEB", "SM04", "29019", "DE SIAM") + "\n"
                + "8|10000013994|810000013994|MME|Madame|AUDIO|ANNE|26|Audioprothésiste||||||||83137|||\n";
        ImportReport dry = run(file, DirectoryFormat.RPPS_EXTRACTION, true);
        assertThat(dry.status()).isEqualTo(ImportReport.Status.DRY_RUN);
        assertThat(dry.doctors()).isEqualTo(2);
        assertThat(dry.created()).isEqualTo(2);
        assertThat(dry.skipped()).isEqualTo(1);
        assertThat(count(rpps(1)) + count(rpps(2))).isZero();

        ImportReport applied = run(file, DirectoryFormat.RPPS_EXTRACTION, false);
        assertThat(applied.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(applied.created()).isEqualTo(2);
        assertThat(count(rpps(1)) + count(rpps(2))).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from practice_location where doctor_id = ?")
                        .param(rpps(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);

        ImportReport again = run(file, DirectoryFormat.RPPS_EXTRACTION, false);
        assertThat(again.created()).isZero();
        assertThat(again.updated()).isZero();
        assertThat(again.unchanged()).isEqualTo(2);
        assertThat(again.message()).contains("2 inchangé(s)");

        ImportReport changed = run(file.replace("DU PORT", "DU PORT NEUF"), DirectoryFormat.RPPS_EXTRACTION, true);
        assertThat(changed.updated())
                .as("a changed practice location is a change")
                .isEqualTo(1);
        assertThat(changed.unchanged()).isEqualTo(1);
        assertThat(count(rpps(1)) + count(rpps(2))).isEqualTo(2);
        assertThat(jdbc.sql("select count(*) from practice_location where doctor_id = ?")
                        .param(rpps(1))
                        .query(Long.class)
                        .single())
                .isEqualTo(2);
    }

    @Test
    void a_single_bad_line_refuses_the_whole_file_with_every_reason() {
        String file = HEADER + "\n"
                + line(rpps(10), "GOOD", "SM54", "83137", "A") + "\n"
                + line("1234567890A", "BADNUMBER", "SM54", "83137", "B") + "\n"
                + line(rpps(11), "BADSPEC", "S M", "83137", "C") + "\n"
                + line(rpps(12), "DUP", "SM54", "83137", "D") + "\n"
                + line(rpps(12), "DUP", "SM54", "83137", "D") + "\n"
                + line(rpps(13), "NOWHERE", "SM54", "99999", "E") + "\n"
                + line(rpps(14), "TRUNC", "SM54", "83137", "F").substring(0, 50);
        ImportReport report = run(file, DirectoryFormat.RPPS_EXTRACTION, false);
        assertThat(report.status()).isEqualTo(ImportReport.Status.REFUSED);
        assertThat(report.rejected()).isEqualTo(5);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::line).containsExactly(3L, 4L, 6L, 7L, 8L);
        assertThat(report.rejections().get(0).reason()).contains("que des chiffres");
        assertThat(report.rejections().get(1).reason()).contains("Code savoir-faire mal formé");
        assertThat(report.rejections().get(2).reason()).contains("double").contains("ligne 5");
        assertThat(report.rejections().get(3).reason()).contains("Commune inconnue");
        assertThat(report.rejections().get(4).reason()).contains("tronquée");
        assertThat(count(rpps(10))).isZero();
    }

    @Test
    void wrong_encoding_and_missing_columns_are_refused() {
        String file = HEADER + "\n" + line(rpps(20), "FRANÇOISE", "SM54", "83137", "DE L'ÉGLISE") + "\n";
        ImportReport latin1 = run(file.getBytes(Charset.forName("ISO-8859-1")), DirectoryFormat.RPPS_EXTRACTION, false);
        assertThat(latin1.status()).isEqualTo(ImportReport.Status.REFUSED);
        assertThat(latin1.message()).contains("Encodage invalide").contains("UTF-8");
        ImportReport missing =
                run("Identifiant PP|Nom d'exercice\n" + rpps(21) + "|X\n", DirectoryFormat.RPPS_EXTRACTION, false);
        assertThat(missing.message()).contains("Colonnes manquantes").contains("Code savoir-faire");
        assertThat(run("", DirectoryFormat.TRAITANT_CSV, false).message()).contains("vide");
        assertThat(count(rpps(20))).isZero();
    }

    @Test
    void imports_traitant_csv_with_capacity_and_rejects_impossible_coordinates() {
        String header = String.join(",", fr.traitant.engine.directory.DirectoryFormat.CsvColumns.ALL);
        String good = rpps(30) + ",Lemaire,Anne,SM54,29019,29200,1 rue de Siam,Cabinet,48.39,-4.48,0298000000,"
                + "anne.lemaire@medecin.mssante.fr,1,oui,oui,en,1975,ACCEPTING,15,2";
        ImportReport bad = run(
                header + "\n" + good + "\n" + good.replace(rpps(30), rpps(31)).replace("48.39", "91.5") + "\n",
                DirectoryFormat.TRAITANT_CSV,
                false);
        assertThat(bad.status()).isEqualTo(ImportReport.Status.REFUSED);
        assertThat(bad.rejections().getFirst().reason()).contains("Coordonnées impossibles");
        assertThat(count(rpps(30))).isZero();

        ImportReport ok = run(header + "\n" + good + "\n", DirectoryFormat.TRAITANT_CSV, false);
        assertThat(ok.status()).isEqualTo(ImportReport.Status.APPLIED);
        var row = jdbc.sql(
                        "select new_patient_status, new_patient_capacity, fee_sector, languages[1] from doctor where rpps = ?")
                .param(rpps(30))
                .query((rs, i) -> rs.getString(1) + "/" + rs.getInt(2) + "/" + rs.getString(3) + "/" + rs.getString(4))
                .single();
        assertThat(row).isEqualTo("ACCEPTING/15/SECTOR_1/en");
    }

    @Test
    void a_bom_is_accepted_and_bad_phone_mssante_and_postal_code_are_left_empty_with_a_warning() {
        String header = String.join(",", fr.traitant.engine.directory.DirectoryFormat.CsvColumns.ALL);
        String good = rpps(60) + ",Garnier,Paul,SM54,29019,29200,1 rue de Siam,Cabinet,48.39,-4.48,02 98 00 00 00,"
                + "paul.garnier@medecin.mssante.fr,1,oui,oui,en,1975,ACCEPTING,15,2";
        String bad = rpps(61) + ",Morel,Anne,SM54,29019,2920,2 rue de Siam,Cabinet,48.39,-4.48,12345,"
                + "anne.morel@gmail.com,1,oui,oui,en,1975,ACCEPTING,15,2";
        String badSyntax = rpps(62) + ",Roux,Léa,SM54,29019,29200,3 rue de Siam,Cabinet,48.39,-4.48,+33298000001,"
                + "lea.roux@@medecin.mssante.fr,1,oui,oui,en,1975,ACCEPTING,15,2";
        byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
        byte[] body = (header + "\n" + good + "\n" + bad + "\n" + badSyntax + "\n").getBytes(StandardCharsets.UTF_8);
        byte[] file = new byte[bom.length + body.length];
        System.arraycopy(bom, 0, file, 0, bom.length);
        System.arraycopy(body, 0, file, bom.length, body.length);

        ImportReport report = run(file, DirectoryFormat.TRAITANT_CSV, false);
        assertThat(report.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(report.message()).contains("4 avertissement(s)");
        assertThat(report.warnings())
                .extracting(w -> "ligne " + w.line() + " : " + w.reason())
                .hasSize(4)
                .anyMatch(w -> w.startsWith("ligne 3 : Téléphone invalide « 12345 »"))
                .anyMatch(w -> w.startsWith("ligne 3 : Adresse « anne.morel@gmail.com » hors de l'espace MSSanté"))
                .anyMatch(w -> w.startsWith("ligne 3 : Code postal invalide « 2920 »"))
                .anyMatch(w -> w.startsWith("ligne 4 : Adresse MSSanté invalide"))
                .noneMatch(w -> w.startsWith("ligne 2"));
        String query =
                "select coalesce(phone, '') || '/' || coalesce(mssante, '') || '/' || coalesce(postal_code, '') from doctor d"
                        + " left join practice_location l on l.doctor_id = d.id and l.ordinal = 0 where d.rpps = ?";
        assertThat(jdbc.sql(query).param(rpps(60)).query(String.class).list())
                .first()
                .asString()
                .contains("02 98 00 00 00")
                .contains("paul.garnier@medecin.mssante.fr")
                .contains("29200");
        assertThat(jdbc.sql(query).param(rpps(61)).query(String.class).list())
                .first()
                .asString()
                .doesNotContain("12345")
                .doesNotContain("gmail")
                .doesNotContain("2920");
    }

    @Test
    void names_with_markup_and_control_characters_refuse_the_file() {
        String header = String.join(",", fr.traitant.engine.directory.DirectoryFormat.CsvColumns.ALL);
        String markup = rpps(63)
                + ",\"\"\"><img src=x onerror=alert(1)>\",Paul,SM54,29019,29200,1 rue,Cabinet,48.39,-4.48,,,1,oui,oui,,1975,ACCEPTING,15,2";
        String nul = rpps(64)
                + ",Nul\u0000,Paul,SM54,29019,29200,1 rue,Cabinet,48.39,-4.48,,,1,oui,oui,,1975,ACCEPTING,15,2";
        ImportReport report = run(header + "\n" + markup + "\n" + nul + "\n", DirectoryFormat.TRAITANT_CSV, false);
        assertThat(report.status()).isEqualTo(ImportReport.Status.REFUSED);
        assertThat(report.rejections()).extracting(ImportReport.Rejection::line).containsExactly(2L, 3L);
        assertThat(report.rejections().get(0).reason()).contains("« < » ou « > » interdits");
        assertThat(report.rejections().get(1).reason()).contains("Octet nul");
        assertThat(count(rpps(63))).isZero();
    }

    @Test
    void only_administrators_and_network_managers_may_import() throws Exception {
        HttpClient client = HttpClient.newHttpClient();
        HttpResponse<String> anonymous = client.send(
                HttpRequest.newBuilder(URI.create(
                                "http://localhost:" + port + "/api/v1/directory/imports?format=RPPS_EXTRACTION"))
                        .header("Content-Type", "text/plain; charset=utf-8")
                        .header("Accept", "application/json")
                        .POST(HttpRequest.BodyPublishers.ofString(HEADER + "\n"))
                        .build(),
                HttpResponse.BodyHandlers.ofString());
        assertThat(anonymous.statusCode()).isIn(401, 403);
        fr.traitant.app.WebSession doctor =
                fr.traitant.app.TestAccounts.signedIn(accounts, fr.traitant.app.identity.Role.DOCTOR, port);
        assertThat(doctor.get("/annuaire/import", fr.traitant.app.WebSession.HTML)
                        .status())
                .isEqualTo(403);
        fr.traitant.app.WebSession admin =
                fr.traitant.app.TestAccounts.signedIn(accounts, fr.traitant.app.identity.Role.ADMIN, port);
        assertThat(admin.get("/annuaire/import", fr.traitant.app.WebSession.HTML)
                        .status())
                .isEqualTo(200);
    }

    @Autowired
    fr.traitant.app.identity.Accounts accounts;

    /** Signed in as a network manager, with the CSRF token a page gives, for raw POSTs to the API. */
    record ApiClient(fr.traitant.app.WebSession session, String csrf, int port) {
        HttpResponse<String> post(String query, String body, String... headers) throws Exception {
            HttpRequest.Builder b = HttpRequest.newBuilder(
                            URI.create("http://localhost:" + port + "/api/v1/directory/imports?" + query))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header("Accept", "application/json")
                    .header("X-CSRF-TOKEN", csrf)
                    .header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID"))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            for (int i = 0; i < headers.length; i += 2) {
                b.header(headers[i], headers[i + 1]);
            }
            return HttpClient.newHttpClient().send(b.build(), HttpResponse.BodyHandlers.ofString());
        }
    }

    ApiClient networkManager() {
        fr.traitant.app.WebSession session =
                fr.traitant.app.TestAccounts.signedIn(accounts, fr.traitant.app.identity.Role.NETWORK_MANAGER, port);
        return new ApiClient(
                session,
                fr.traitant.app.WebSession.csrfToken(
                        session.get("/annuaire/import").body()),
                port);
    }

    @Test
    void every_import_is_kept_in_the_history_with_its_result_and_rejected_lines() {
        ImportReport refused = run(
                HEADER + "\n" + line("1234567890A", "BAD", "SM54", "83137", "A") + "\n",
                DirectoryFormat.RPPS_EXTRACTION,
                false);
        ImportJob job = imports.find(refused.importId()).orElseThrow();
        assertThat(job.status()).isEqualTo("REFUSED");
        assertThat(job.startedBy()).isEqualTo("système");
        assertThat(job.rejected()).isEqualTo(1);
        assertThat(imports.rejections(job.id(), 0, 10))
                .extracting(ImportReport.Rejection::line)
                .containsExactly(2L);
        assertThat(imports.recent(20)).extracting(ImportJob::id).contains(job.id());
        java.io.StringWriter csv = new java.io.StringWriter();
        imports.writeRejectionsCsv(job.id(), csv);
        assertThat(csv.toString()).startsWith("ligne;raison").contains("2;\"");
    }

    @Test
    void one_import_at_a_time_and_the_api_answers_409_while_one_runs() throws Exception {
        ApiClient api = networkManager();
        java.util.concurrent.CountDownLatch release = new java.util.concurrent.CountDownLatch(1);
        byte[] content = (HEADER + "\n" + line(rpps(40), "BLOQUE", "SM54", "83137", "A") + "\n")
                .getBytes(StandardCharsets.UTF_8);
        java.io.InputStream blocking =
                new java.io.SequenceInputStream(new ByteArrayInputStream(content), new java.io.InputStream() {
                    @Override
                    public int read() throws java.io.IOException {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return -1;
                    }
                });
        var first = java.util.concurrent.CompletableFuture.supplyAsync(
                () -> imports.importFile(blocking, DirectoryFormat.RPPS_EXTRACTION, false));
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(20))
                    .until(() -> !imports.running().isEmpty());
            org.assertj.core.api.Assertions.assertThatThrownBy(
                            () -> run(HEADER + "\n", DirectoryFormat.RPPS_EXTRACTION, true))
                    .isInstanceOf(ImportAlreadyRunningException.class);
            HttpResponse<String> conflict = api.post("format=RPPS_EXTRACTION", HEADER + "\n");
            assertThat(conflict.statusCode()).isEqualTo(409);
            assertThat(conflict.headers().firstValue("Content-Type").orElse("")).contains("application/problem+json");
            assertThat(conflict.body()).contains("Import déjà en cours").contains("déjà en cours");
            assertThat(api.post("format=RPPS_EXTRACTION", HEADER + "\n", "Prefer", "respond-async")
                            .statusCode())
                    .isEqualTo(409);
        } finally {
            release.countDown();
        }
        assertThat(first.get(30, java.util.concurrent.TimeUnit.SECONDS).status())
                .isEqualTo(ImportReport.Status.APPLIED);
        assertThat(imports.running()).isEmpty();
    }

    @Test
    void an_api_import_retried_with_its_idempotency_key_is_applied_once_with_the_same_answer() throws Exception {
        ApiClient api = networkManager();
        String file = HEADER + "\n" + line(rpps(60), "RETRYA", "SM54", "83137", "A") + "\n";
        String key = java.util.UUID.randomUUID().toString();
        int historyBefore = imports.recent(1000).size();
        HttpResponse<String> first = api.post("format=RPPS_EXTRACTION", file, "Idempotency-Key", key);
        HttpResponse<String> retry = api.post("format=RPPS_EXTRACTION", file, "Idempotency-Key", key);
        assertThat(first.statusCode()).as(first.body()).isEqualTo(200);
        assertThat(retry.statusCode()).isEqualTo(200);
        assertThat(retry.headers().firstValue("Idempotent-Replayed")).contains("true");
        assertThat(retry.body()).isEqualTo(first.body()).contains("\"created\":1");
        // processed again, the second import would have found the doctor already there (updated or unchanged)
        assertThat(count(rpps(60))).isEqualTo(1);
        assertThat(imports.recent(1000)).as("one import in the history").hasSize(historyBefore + 1);
    }

    @Test
    void prefer_respond_async_answers_202_with_the_location_of_a_status_to_poll() throws Exception {
        ApiClient api = networkManager();
        String file = HEADER + "\n" + line(rpps(50), "ASYNCA", "SM54", "83137", "A") + "\n"
                + line(rpps(51), "ASYNCB", "SM54", "83069", "B") + "\n";
        HttpResponse<String> accepted = api.post("format=RPPS_EXTRACTION", file, "Prefer", "respond-async");
        assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
        assertThat(accepted.headers().firstValue("Preference-Applied")).contains("respond-async");
        String location = accepted.headers().firstValue("Location").orElseThrow();
        assertThat(location).matches("/api/v1/directory/imports/\\d+");
        String[] status = {""};
        org.awaitility.Awaitility.await()
                .atMost(java.time.Duration.ofSeconds(30))
                .until(() -> {
                    var r = api.session().get(location, "application/json");
                    status[0] = r.body();
                    return !r.body().contains("\"RUNNING\"");
                });
        assertThat(status[0])
                .contains("\"status\":\"APPLIED\"")
                .contains("\"created\":2")
                .contains("\"startedBy\":\"network-manager");
        assertThat(count(rpps(50)) + count(rpps(51))).isEqualTo(2);
        assertThat(api.session()
                        .get("/api/v1/directory/imports", "application/json")
                        .body())
                .contains(location.substring(location.lastIndexOf('/') + 1));
    }
}
