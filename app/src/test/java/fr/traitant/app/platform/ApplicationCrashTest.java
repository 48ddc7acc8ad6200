package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.TraitantApplication;
import fr.traitant.app.WebSession;
import fr.traitant.app.directory.NationalExtractionFile;
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
 *   <li>a directory import (a 200,000-line file in the national extraction's layout, asynchronous through the API): after the crash none of its doctors is in the
 *       directory, its history entry does not stay "running" after the restart, and the same file then imports whole;
 *   <li>a member import (20,000 beneficiaries, the upload form): none or all of its members, never a part;
 *   <li>a run of 300 households published (one transaction): after the crash either no proposal of it or all of
 *       them, each with its e-mail in the outbox; after the restart it is published whole;
 *   <li>the outbox sending 400 e-mails: after the restart every one is sent, and an e-mail received twice (sent,
 *       then the crash came before its row said so) carries the same {@code Message-ID} both times, so mail clients
 *       show it once; no e-mail is lost.
 * </ul>
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ApplicationCrashTest {

    @TempDir
    static Path temp;

    /**
     * The SMTP server the children send to: a plain GreenMail on a port of this class's own (not the JUnit extension,
     * which reports the connection a killed child leaves half-open as an error of the test).
     */
    private static com.icegreen.greenmail.util.GreenMail mail;

    @org.junit.jupiter.api.BeforeAll
    static void startMail() throws IOException {
        int port;
        try (var socket = new java.net.ServerSocket(0)) {
            port = socket.getLocalPort();
        }
        mail = new com.icegreen.greenmail.util.GreenMail(new com.icegreen.greenmail.util.ServerSetup(
                port, null, com.icegreen.greenmail.util.ServerSetup.PROTOCOL_SMTP));
        mail.start();
        smtpPort = port;
    }

    private static int smtpPort;

    @org.junit.jupiter.api.AfterAll
    static void stopMail() {
        mail.stop();
    }

    @Test
    @Order(1)
    void a_directory_import_killed_midway_leaves_nothing_and_is_not_left_running() throws Exception {
        Path dir = temp.resolve("crash-directory");
        Files.createDirectories(dir);
        // the national extraction's own layout (56 columns, every profession, several situations per doctor)
        Path file = dir.resolve("extraction.txt");
        NationalExtractionFile.write(file, 200_000, List.of("83137", "83069", "13055", "69123", "75056"), 22);
        long importId;
        long doctors;
        try (Child app = Child.start(dir)) {
            WebSession manager = app.signIn("reseau@demo.traitant.fr", "Demo-Solidaires-2026");
            HttpResponse<String> accepted =
                    app.postApi(manager, "/api/v1/directory/imports?format=RPPS_EXTRACTION", file, "respond-async");
            assertThat(accepted.statusCode()).as(accepted.body()).isEqualTo(202);
            String location = accepted.headers().firstValue("Location").orElseThrow();
            importId = Long.parseLong(location.substring(location.lastIndexOf('/') + 1));
            // kill once the import has read part of the file, before it ends
            String[] status = {""};
            org.awaitility.Awaitility.await("the import running, part of the file read")
                    .atMost(Duration.ofSeconds(120))
                    .pollInterval(Duration.ofMillis(20))
                    .until(() -> {
                        status[0] = manager.get(location, "application/json").body();
                        return status[0].contains("\"RUNNING\"") && !status[0].contains("\"lines\":0,");
                    });
            assertThat(status[0]).as("the import was caught running").contains("\"RUNNING\"");
            app.crash();
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            assertThat(count(db, "select count(*) from doctor where last_name like 'MEDECIN%'"))
                    .as("nothing of the interrupted import")
                    .isZero();
        }
        try (Child app = Child.start(dir)) {
            WebSession manager = app.signIn("reseau@demo.traitant.fr", "Demo-Solidaires-2026");
            String status = manager.get("/api/v1/directory/imports/" + importId, "application/json")
                    .body();
            assertThat(status).doesNotContain("\"RUNNING\"").contains("\"FAILED\"");
            HttpResponse<String> again =
                    app.postApi(manager, "/api/v1/directory/imports?format=RPPS_EXTRACTION", file, null);
            assertThat(again.statusCode()).as(again.body()).isEqualTo(200);
            Matcher created = Pattern.compile("\"created\":(\\d+)").matcher(again.body());
            assertThat(created.find()).isTrue();
            doctors = Long.parseLong(created.group(1));
            app.stop();
            // the start-up log says where the data is; a normal stop (SIGTERM) logs no error
            assertThat(Files.readString(dir.resolve("app.log")))
                    .contains("Traitant est prêt : http://localhost:" + app.port + "/ — données : PostgreSQL intégré,"
                            + " répertoire " + dir.resolve("postgres"))
                    .contains("Graceful shutdown complete")
                    .doesNotContain(" ERROR ");
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            assertThat(count(db, "select count(*) from doctor where last_name like 'MEDECIN%'"))
                    .as("the whole file after the restart")
                    .isEqualTo(doctors)
                    .isGreaterThan(10_000);
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
            // killed once part of the file is written in the import's transaction
            app.awaitLog(Pattern.compile("Member import: (\\d+) of \\d+ lines written"));
            assertThat(upload).as("the import was still running when killed").isNotDone();
            app.crash();
            upload.get(30, TimeUnit.SECONDS);
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            before = count(db, "select count(*) from member where external_ref like 'CRASH%'");
        }
        assertThat(before).as("all or nothing").isIn(0L, (long) rows);
    }

    @Test
    @Order(3)
    void the_outbox_killed_while_sending_loses_no_e_mail_and_repeats_one_only_under_its_message_id() throws Exception {
        Path dir = temp.resolve("crash-outbox");
        int messages = 400;
        // fast sending for the test: a batch of 20 every 50 ms; a dead sender's claim runs out after 5 s
        String[] sending = {"--traitant.notifications.poll=PT0.05S", "--traitant.notifications.lease=PT5S"};
        try (Child app = Child.start(dir, sending)) {
            app.stop(); // the schema and the demo's own e-mails
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            JdbcClient jdbc = jdbc(db);
            jdbc.sql("update outbox_message set sent_at = now() where sent_at is null")
                    .update();
            for (int i = 0; i < messages; i++) {
                jdbc.sql("insert into outbox_message (recipient, subject, body, reference) values (:r, :s, :b, :ref)")
                        .param("r", "crash-" + i + "@example.org")
                        .param("s", "Traitant — message " + i)
                        .param("b", "Message de test " + i)
                        .param("ref", "crash:" + i)
                        .update();
            }
        }
        try (Child app = Child.start(dir, sending)) {
            org.awaitility.Awaitility.await("part of the outbox sent")
                    .atMost(Duration.ofSeconds(60))
                    .pollInterval(Duration.ofMillis(10))
                    .until(() -> crashMessages().size() >= messages / 5);
            app.crash();
        }
        int beforeRestart = crashMessages().size();
        assertThat(beforeRestart).as("killed midway").isLessThan(messages);
        try (Child app = Child.start(dir, sending)) {
            org.awaitility.Awaitility.await("the rest sent after the restart")
                    .atMost(Duration.ofSeconds(90))
                    .until(() -> crashMessages().stream()
                                    .map(m -> m.recipient)
                                    .distinct()
                                    .count()
                            == messages);
            app.stop();
        }
        List<Received> received = crashMessages();
        System.out.printf(
                "outbox crash: %d of %d received before the kill, %d received in all (%d twice, same Message-ID)%n",
                beforeRestart, messages, received.size(), received.size() - messages);
        java.util.Map<String, java.util.Set<String>> idsByRecipient = new java.util.HashMap<>();
        for (Received m : received) {
            idsByRecipient
                    .computeIfAbsent(m.recipient, r -> new java.util.HashSet<>())
                    .add(m.messageId);
        }
        assertThat(idsByRecipient).as("every e-mail arrived").hasSize(messages);
        assertThat(idsByRecipient.values())
                .as("an e-mail received twice has one Message-ID")
                .allSatisfy(ids -> assertThat(ids).hasSize(1));
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            assertThat(count(
                            db,
                            "select count(*) from outbox_message where reference like 'crash:%' and sent_at is null"))
                    .as("every row says sent")
                    .isZero();
        }
    }

    @Test
    @Order(4)
    void a_run_killed_while_publishing_makes_every_proposal_with_its_e_mail_or_none() throws Exception {
        Path dir = temp.resolve("crash-run");
        String world = "--traitant.test.crash-run-world=true";
        long run;
        try (Child app = Child.start(dir, world)) {
            run = app.awaitLog(Pattern.compile("crash run world ready: run (\\d+)"));
            WebSession advisor = app.signIn("conseiller@demo.traitant.fr", "Demo-Pass-Toulon-2026");
            String page = "/appariements/" + run;
            CompletableFuture<Integer> publishing = CompletableFuture.supplyAsync(() -> {
                try {
                    return advisor.submit(page, page + "/publication", java.util.Map.of())
                            .status();
                } catch (RuntimeException cut) { // the connection dies with the application
                    return -1;
                }
            });
            // killed once part of the proposals are made in the publication's transaction
            app.awaitLog(Pattern.compile("Matching run " + run + " publishing: (\\d+) of \\d+ lines proposed"));
            assertThat(publishing)
                    .as("the publication was still running when killed")
                    .isNotDone();
            app.crash();
            publishing.get(30, TimeUnit.SECONDS);
        }
        String withoutMail = "select count(*) from matching_run_line l where l.run_id = " + run
                + " and l.proposal_id is not null and not exists (select 1 from outbox_message o"
                + " where o.reference = 'proposal:' || l.proposal_id)";
        String proposed =
                "select count(*) from matching_run_line where run_id = " + run + " and proposal_id is not null";
        String published = "select count(*) from matching_run where id = " + run + " and status = 'PUBLISHED'";
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            System.out.printf(
                    "run crash: %d proposals of the run after the kill (run published: %d)%n",
                    count(db, proposed), count(db, published));
            assertThat(count(db, withoutMail))
                    .as("no proposal without its e-mail")
                    .isZero();
            assertThat(count(db, proposed) > 0)
                    .as("proposals only for a published run")
                    .isEqualTo(count(db, published) == 1);
        }
        try (Child app = Child.start(dir, world)) {
            WebSession advisor = app.signIn("conseiller@demo.traitant.fr", "Demo-Pass-Toulon-2026");
            String page = "/appariements/" + run;
            assertThat(advisor.submit(page, page + "/publication", java.util.Map.of())
                            .status())
                    .isEqualTo(302);
            app.stop();
        }
        try (EmbeddedDatabase db = EmbeddedDatabase.start(dir.resolve("postgres"), 0, false)) {
            assertThat(count(db, published)).isEqualTo(1);
            System.out.printf("run crash: %d proposals after the restart's publication%n", count(db, proposed));
            assertThat(count(db, proposed)).as("the run's proposals").isGreaterThanOrEqualTo(250);
            assertThat(count(db, withoutMail)).isZero();
        }
    }

    private record Received(String recipient, String messageId) {}

    private static List<Received> crashMessages() throws jakarta.mail.MessagingException {
        List<Received> out = new ArrayList<>();
        for (jakarta.mail.internet.MimeMessage m : mail.getReceivedMessages()) {
            String to = m.getAllRecipients()[0].toString();
            if (to.startsWith("crash-")) out.add(new Received(to, m.getMessageID()));
        }
        return out;
    }

    private static JdbcClient jdbc(EmbeddedDatabase db) {
        return JdbcClient.create(new SingleConnectionDataSource(db.jdbcUrl(), db.user(), db.password(), true));
    }

    private static long count(EmbeddedDatabase db, String sql) {
        return jdbc(db).sql(sql).query(Long.class).single();
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

        static Child start(Path dir, String... settings) throws Exception {
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
                    "--spring.mail.port=" + smtpPort));
            command.addAll(List.of(settings));
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

        HttpResponse<String> postApi(WebSession session, String path, Path body, String prefer) throws Exception {
            Matcher csrf = CSRF.matcher(session.get("/").body());
            HttpRequest.Builder request = HttpRequest.newBuilder(URI.create("http://localhost:" + port + path))
                    .header("Content-Type", "text/plain; charset=utf-8")
                    .header("Accept", "application/json")
                    .header("Cookie", "JSESSIONID=" + session.cookie("JSESSIONID"))
                    .POST(HttpRequest.BodyPublishers.ofFile(body));
            assertThat(csrf.find()).as("the page gives the CSRF token").isTrue();
            request.header("X-CSRF-TOKEN", csrf.group(1));
            if (prefer != null) request.header("Prefer", prefer);
            return HttpClient.newHttpClient().send(request.build(), HttpResponse.BodyHandlers.ofString());
        }

        /** SIGKILL of the JVM and of its PostgreSQL (a power cut): no shutdown hook, no checkpoint. */
        void crash() throws Exception {
            java.util.Optional<Long> postmaster = EmbeddedDatabase.postmasterPid(dir.resolve("postgres"));
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

        /** Waits for a line of the application's log matching {@code line}; returns its first group as a number. */
        long awaitLog(Pattern line) {
            long[] found = {-1};
            org.awaitility.Awaitility.await("the log line " + line)
                    .atMost(Duration.ofSeconds(240))
                    .pollInterval(Duration.ofMillis(50))
                    .until(() -> {
                        if (!process.isAlive()) throw new AssertionError("the application stopped: " + logTail());
                        Matcher m = line.matcher(Files.readString(dir.resolve("app.log")));
                        if (m.find()) found[0] = Long.parseLong(m.group(1));
                        return found[0] >= 0;
                    });
            return found[0];
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
