package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * The embedded database as a crash would find it: a child JVM commits rows and prints each one confirmed; it is
 * killed with SIGKILL (and, in one case, its PostgreSQL too); the first restart must succeed and hold every
 * confirmed row. Also: a live Traitant's directory is refused, and the server is closed to password-less users.
 */
class EmbeddedDatabaseCrashTest {

    @TempDir
    Path temp;

    @Test
    void every_confirmed_write_survives_kill_9_of_the_application_and_of_its_postgresql() throws Exception {
        Path dir = temp.resolve("postgres");
        Child child = Child.start(dir, 1);
        List<Long> confirmed = child.confirmedFor(3_000);
        long postmaster = child.postmasterPid;
        List<ProcessHandle> backends =
                ProcessHandle.of(postmaster).map(p -> p.children().toList()).orElse(List.of());
        child.kill();
        ProcessHandle.of(postmaster).ifPresent(ProcessHandle::destroyForcibly); // kill -9 of the postmaster too
        waitGone(postmaster);
        for (ProcessHandle backend : backends) { // they exit on their own once the postmaster is gone
            waitGone(backend.pid());
        }
        assertThat(confirmed).hasSizeGreaterThan(20);

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dir, 0, false)) { // the first restart succeeds
            assertThat(ids(restarted)).containsAll(confirmed);
        }
    }

    @Test
    void first_restart_after_kill_9_of_the_application_stops_its_orphaned_postgresql() throws Exception {
        Path dir = temp.resolve("postgres");
        Child child = Child.start(dir, 1);
        List<Long> confirmed = child.confirmedFor(1_500);
        long orphan = child.postmasterPid;
        child.kill();
        assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive))
                .as("PostgreSQL outlives the killed app")
                .contains(true);

        try (EmbeddedDatabase restarted = EmbeddedDatabase.start(dir, 0, false)) {
            assertThat(ProcessHandle.of(orphan).map(ProcessHandle::isAlive).orElse(false))
                    .isFalse();
            assertThat(restarted.postmasterPid()).isNotEqualTo(orphan);
            assertThat(ids(restarted)).containsAll(confirmed);
        }
    }

    @Test
    void a_directory_in_use_by_a_live_traitant_is_refused_with_a_clear_message() throws Exception {
        Path dir = temp.resolve("postgres");
        Child child = Child.start(dir, 1);
        try {
            child.confirmedFor(200);
            assertThatThrownBy(() -> EmbeddedDatabase.start(dir, 0, false))
                    .isInstanceOf(EmbeddedDatabase.EmbeddedDatabaseInUseException.class)
                    .hasMessageContaining("in use by another running Traitant");
            assertThat(ProcessHandle.of(child.postmasterPid).map(ProcessHandle::isAlive))
                    .contains(true);
        } finally {
            child.kill();
            try (EmbeddedDatabase ignored = EmbeddedDatabase.start(dir, 0, false)) {
                // stops the child's PostgreSQL
            }
        }
    }

    @Test
    void durable_settings_and_no_access_without_the_password() throws Exception {
        Path dir = temp.resolve("postgres");
        try (EmbeddedDatabase database = EmbeddedDatabase.start(dir, 0, false)) {
            JdbcClient jdbc = jdbc(database);
            for (String setting : List.of("fsync", "synchronous_commit", "full_page_writes")) {
                assertThat(jdbc.sql("show " + setting).query(String.class).single())
                        .as(setting)
                        .isEqualTo("on");
            }
            assertThat(jdbc.sql("show listen_addresses").query(String.class).single())
                    .isEqualTo("localhost");
            String hba = Files.readString(dir.resolve("pg_hba.conf"));
            assertThat(hba.lines().filter(line -> !line.isBlank() && !line.startsWith("#")))
                    .isNotEmpty()
                    .allSatisfy(line -> assertThat(line).doesNotContain("trust").contains("scram-sha-256"));
            Path passwordFile = dir.resolve(EmbeddedDatabase.PASSWORD_FILE);
            assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(passwordFile)))
                    .isEqualTo("rw-------");
            assertThat(Files.readString(passwordFile).trim())
                    .isEqualTo(database.password())
                    .hasSizeGreaterThanOrEqualTo(32);

            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", ""))
                    .isInstanceOf(SQLException.class);
            assertThatThrownBy(() -> DriverManager.getConnection(database.jdbcUrl(), "postgres", "postgres"))
                    .isInstanceOf(SQLException.class)
                    .hasMessageContaining("password authentication failed");
        }
        try (EmbeddedDatabase again = EmbeddedDatabase.start(dir, 0, false)) { // the password is kept across restarts
            assertThat(jdbc(again).sql("select 1").query(Integer.class).single())
                    .isEqualTo(1);
        }
    }

    private static JdbcClient jdbc(EmbeddedDatabase database) {
        return JdbcClient.create(
                new SingleConnectionDataSource(database.jdbcUrl(), database.user(), database.password(), true));
    }

    private static List<Long> ids(EmbeddedDatabase database) throws SQLException {
        try (Connection connection =
                        DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                var result = connection.createStatement().executeQuery("select id from crash_write")) {
            List<Long> ids = new ArrayList<>();
            while (result.next()) {
                ids.add(result.getLong(1));
            }
            return ids;
        }
    }

    static void waitGone(long pid) {
        org.awaitility.Awaitility.await("process " + pid + " gone")
                .atMost(java.time.Duration.ofSeconds(10))
                .pollInterval(java.time.Duration.ofMillis(100))
                .until(() -> !ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false));
    }

    /** The child JVM and what it has printed. */
    private static final class Child {
        final Process process;
        final BufferedReader out;
        final long postmasterPid;

        private Child(Process process, BufferedReader out, long postmasterPid) {
            this.process = process;
            this.out = out;
            this.postmasterPid = postmasterPid;
        }

        static Child start(Path dir, long firstId) throws Exception {
            String java = ProcessHandle.current().info().command().orElse("java");
            Process process = new ProcessBuilder(
                            java,
                            "-cp",
                            System.getProperty("java.class.path"),
                            CrashChild.class.getName(),
                            dir.toString(),
                            Long.toString(firstId))
                    .redirectError(ProcessBuilder.Redirect.INHERIT)
                    .start();
            BufferedReader out =
                    new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8));
            String line;
            while ((line = out.readLine()) != null && !line.startsWith("ready ")) {
                // logging of the child
            }
            assertThat(line).as("the child started its database").isNotNull();
            return new Child(process, out, Long.parseLong(line.substring("ready ".length())));
        }

        /** Reads the confirmations printed during {@code millis}, then stops reading (the child goes on writing). */
        List<Long> confirmedFor(long millis) throws Exception {
            List<Long> confirmed = new ArrayList<>();
            long end = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(millis);
            String line;
            while (System.nanoTime() < end && (line = out.readLine()) != null) {
                if (line.startsWith("confirmed ")) {
                    confirmed.add(Long.parseLong(line.substring("confirmed ".length())));
                }
            }
            return confirmed;
        }

        /** SIGKILL: no shutdown hook runs, its PostgreSQL is left as it is. Confirmations not yet read are lost to us. */
        void kill() throws Exception {
            process.destroyForcibly();
            process.waitFor(30, TimeUnit.SECONDS);
        }
    }
}
