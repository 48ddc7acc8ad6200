package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.platform.EmbeddedDatabase;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The whole application killed with SIGKILL — its JVM and its PostgreSQL, as a power cut would — in the middle of its
 * long writes, then started again on the same data directory (issue 22). The application runs as a child process
 * ({@link TraitantApplication}, the {@code demo} profile without the synthetic directory and population, on the test
 * JVM's classpath); the database is read directly between a crash and the restart.
 *
 * <ul>
 *   <li>a directory import (60,000 lines, asynchronous through the API): after the crash none of its doctors is in the
 *       directory, its history entry does not stay "running" after the restart, and the same file then imports whole;
 *   <li>a member import (20,000 beneficiaries, the upload form): none or all of its members, never a part.
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationCrashTest {

    @TempDir
    static Path temp;

    private static final String DIRECTORY_HEADER =
            "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
                    + "Libellé civilité d'exercice|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|"
                    + "Code savoir-faire|Libellé savoir-faire|Raison sociale site|Numéro Voie (coord. structure)|"
                    + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Code postal (coord. structure)|"
                    + "Code commune (coord. structure)|Téléphone (coord. structure)|Adresse e-mail (coord. structure)|";

    @Test
    @Order(1)
    void a_directory_import_killed_midway_leaves_nothing_and_is_not_left_running() throws Exception {
        Path dir = temp.resolve("crash-directory");
        int lines = 60_000;
        StringBuilder file = new StringBuilder(DIRECTORY_HEADER).append('\n');
        for (int i = 0; i < lines; i++) {
            String rpps = rpps(i);
            file.append("8|")
                    .append(rpps)
                    .append("|8")
                    .append(rpps)
                    .append("|DR|Docteur|CRASH")
                    .append(i)
                    .append(
                            "|CLAIRE|10|Médecin|SM54|Médecine générale|CABINET|3|Rue|de la Paix|83000|83137|0494000000||\n");
        }
        long importId;
        try (Child app = Child.start(dir)) {
            WebSession manager = app.signIn("reseau@demo.traitant.fr", "Demo-Solidaires-2026");
            HttpResponse<String> accepted = app.postApi(
                    manager, "/api/v1/directory/imports?format=RPPS_EXTRACTION", file.toString(), "respond-async");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            // kill once the import has read part of the file, before it ends
            String status = "";
            long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(120);
            while (System.nanoTime() < deadline) {
                status = manager.get(location, "application/json").body();
                if (status.contains("\"RUNNING\"") && !status.contains("\"lines\":0,")) break;
                Thread.sleep(20);
            }
            assertThat(status).as("the import was caught running").contains("\"RUNNING\"");
            app.crash();
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            assertThat(count(db, "select count(*) from doctor where last_name ilike 'crash%'"))
                    .as("nothing of the interrupted import")
                    .isZero();
        }
        try (Child app = Child.start(dir)) {
            WebSession manager = app.signIn("reseau@demo.traitant.fr", "Demo-Solidaires-2026");
            String status = manager.get("/api/v1/directory/imports/" + importId, "application/json")
                    .body();
            assertThat(status).doesNotContain("\"RUNNING\"").contains("\"FAILED\"");
            HttpResponse<String> again =
                    app.postApi(manager, "/api/v1/directory/imports?format=RPPS_EXTRACTION", file.toString(), null);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            assertThat(again.body()).contains("\"created\":" + lines);
            app.stop();
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            assertThat(count(db, "select count(*) from doctor where last_name ilike 'crash%'"))
                    .isEqualTo(lines);
        }
    }

    @Test
    @Order(2)
    void a_member_import_killed_midway_writes_all_or_nothing() throws Exception {
        Path dir = temp.resolve("crash-members");
        int rows = 20_000;
        StringBuilder file =
                new StringBuilder(String.join(";", fr.traitant.app.members.MemberImport.COLUMNS)).append('\n');
        for (int i = 0; i < rows; i++) {
            file.append("CRASH")
                    .append(i)
                    .append("-F;CRASH")
                    .append(i)
                    .append("-1;FAMILY_MEMBER;;Léa;Crash;1990-03-01;F;83137;;;non;;;;oui\n");
        }
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        long before;
        try (Child app = Child.start(dir)) {
            WebSession advisor = app.signIn("conseiller@demo.traitant.fr", "Demo-Pass-Toulon-2026");
            CompletableFuture<Integer> upload = CompletableFuture.supplyAsync(() -> {
                try {
                    return advisor.upload("/adherents/import", "/adherents/import", "fichier", "crash.csv", content)
                            .status();
                } catch (RuntimeException cut) { // the connection dies with the application
                    return -1;
                }
            });
            Thread.sleep(1_500);
            assertThat(upload).as("the import was still running when killed").isNotDone();
            app.crash();
            upload.get(30, TimeUnit.SECONDS);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            before = count(db, "select count(*) from member where external_ref like 'CRASH%'");
        }
        assertThat(before).as("all or nothing").isIn(0L, (long) rows);
    }

    private static long count(EmbeddedDatabase db, String sql) {
        return JdbcClient.create(new SingleConnectionDataSource(db.jdbcUrl(), db.user(), db.password(), true))
                .sql(sql)
                .query(Long.class)
                .single();
    }

    /** A made-up RPPS number (11 digits, starting 19, Luhn check digit), distinct for each n. */
    static String rpps(int n) {
        String body = "19" + String.format("%08d", n);
        int sum = 0;
        for (int i = 0; i < body.length(); i++) {
            int d = body.charAt(body.length() - 1 - i) - '0';
            if (i % 2 == 0) {
                d *= 2;
                if (d > 9) d -= 9;
            }
            sum += d;
        }
        return body + (10 - sum % 10) % 10;
    }

    /** The application in a child JVM on a data directory of its own. */
    static final class Child implements AutoCloseable {
        private static final Pattern CSRF = Pattern.compile("name=\"csrf-token\" content=\"([^\"]+)\"");
        final Process process;
        final int port;
        final Path dir;

        private Child(Process process, int port, Path dir) {
            this.process = process;
            this.port = port;
            this.dir = dir;
        }

        static Child start(Path dir) throws Exception {
            Files.createDirectories(dir);
            int port;
            try (var socket = new java.net.ServerSocket(0)) {
                port = socket.getLocalPort();
            }
            String java = ProcessHandle.current().info().command().orElse("java");
            List<String> command = new ArrayList<>(List.of(
                    java,
                    "-Xmx1g",
                    "-cp",
                    System.getProperty("java.class.path"),
                    TraitantApplication.class.getName(),
                    "--spring.profiles.active=demo",
                    "--server.port=" + port,
                    "--traitant.database.embedded.directory=" + dir.resolve("postgres"),
                    "--traitant.demo.synthetic-doctors=0",
                    "--traitant.demo.synthetic-population-scale=0",
                    "--spring.mail.host=localhost",
                    "--spring.mail.port=" + System.getProperty(TestMail.PROPERTY, "29025")));
            Process process = new ProcessBuilder(command)
                    .directory(dir.toFile())
                    .redirectErrorStream(true)
                    .redirectOutput(dir.resolve("app.log").toFile())
                    .start();
            Child child = new Child(process, port, dir);
            HttpClient client = HttpClient.newHttpClient();
            org.awaitility.Awaitility.await("the application answers")
                    .atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofMillis(500))
                    .until(() -> {
                        if (!process.isAlive()) {
                            throw new AssertionError("the application stopped: " + child.logTail());
                        }
                        try {
                            return client.send(
                                                    HttpRequest.newBuilder(URI.create(
                                                                    "http://localhost:" + port + "/connexion"))
                                                            .build(),
                                                    HttpResponse.BodyHandlers.discarding())
                                            .statusCode()
                                    == 200;
                        } catch (IOException notYet) {
                            return false;
                        }
                    });
            return child;
        }

        WebSession signIn(String user, String password) {
            WebSession session = new WebSession(port);
            WebSession.Response answer = session.login(user, password);
            assertThat(answer.status()).as("sign-in of " + user).isEqualTo(302);
            return session;
        }

        HttpResponse<String> postApi(WebSession session, String path, String body, String prefer) throws Exception {
            Matcher csrf = CSRF.matcher(session.get("/").body());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header("Accept", "application/json")
                    .header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID"))
                    .POST(HttpRequest.BodyPublishers.ofString(body));
            assertThat(csrf.find()).as("the page gives the CSRF token").isTrue();
            request.header("X-CSRF-TOKEN", csrf.group(1));
            if (prefer != null) request.header("Prefer", prefer);
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL of the JVM and of its PostgreSQL (a power cut): no shutdown hook, no checkpoint. */
        void crash() throws Exception {
            java.util.Optional<Long> postmaster = postmasterPid();
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
            postmaster.flatMap(ProcessHandle::of).ifPresent(ProcessHandle::destroyForcibly);
            postmaster.ifPresent(pid -> org.awaitility.Awaitility.await("PostgreSQL gone")
                    .atMost(Duration.ofSeconds(30))
                    .until(() ->
                            !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false)));
        }

        /** A normal stop (SIGTERM): the application stops its PostgreSQL. */
        void stop() throws Exception {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) crash();
        }

        private java.util.Optional<Long> postmasterPid() throws IOException {
            Path pidFile = dir.resolve("postgres").resolve("postmaster.pid");
            if (!Files.exists(pidFile)) return java.util.Optional.empty();
            return Files.readAllLines(pidFile).stream()
                    .findFirst()
                    .map(String::trim)
                    .map(Long::parseLong);
        }

        String logTail() {
            try {
                List<String> lines = Files.readAllLines(dir.resolve("app.log"));
                return String.join("\n", lines.subList(Math.max(0, lines.size() - 40), lines.size()));
            } catch (IOException e) {
                return e.toString();
            }
        }

        @Override
        public void close() throws Exception {
            if (process.isAlive()) crash();
        }
    }
}
