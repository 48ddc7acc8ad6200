package fr.traitant.app.platform;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.function.Consumer;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.flywaydb.core.Flyway;
import org.postgresql.PGConnection;
import org.postgresql.copy.CopyManager;

/**
 * A backup of Traitant's database as one zip file, and its restoration into an empty database (issue 22) — for the
 * embedded PostgreSQL as for an external server, without {@code pg_dump} (the embedded binaries do not ship it, and
 * Debian 12's is older than the embedded server):
 *
 * <ul>
 *   <li><b>backup</b>: in one read-only repeatable-read transaction (a consistent snapshot while the application
 *       runs), each table of the schema in PostgreSQL's binary {@code COPY} format, parents before the tables that
 *       reference them; the schema version (Flyway), the row count of every table and the state of every sequence in
 *       {@value #MANIFEST};
 *   <li><b>restore</b>: into an <em>empty</em> database only — the schema is created by the same migrations up to the
 *       backup's version, the rows migrations put there are deleted, the tables filled in the same order, and the
 *       sequences set back, all in one transaction; the row counts are checked against the manifest before it commits.
 * </ul>
 */
public final class DatabaseBackup {

    static final String MANIFEST = "manifest.properties";
    private static final String TABLES = "tables/";

    private DatabaseBackup() {}

    /** What a backup holds: the schema version, the tables in restore order with their rows, the sequences. */
    public record Manifest(String schemaVersion, Map<String, Long> rows, Map<String, String> sequences) {

        long totalRows() {
            return rows.values().stream().mapToLong(Long::longValue).sum();
        }
    }

    /**
     * Writes the backup of the database behind {@code dataSource} to the new {@code file}, readable by its owner only
     * (it holds personal data; deleted again if the backup fails); {@code progress} gets a line a table.
     */
    public static Manifest backup(javax.sql.DataSource dataSource, java.nio.file.Path file, Consumer<String> progress)
            throws SQLException, IOException {
        // a new file (an existing one is never overwritten), owner-only from its creation
        java.nio.file.Files.createFile(
                file,
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try (Connection connection = dataSource.getConnection();
                OutputStream out = new java.io.BufferedOutputStream(java.nio.file.Files.newOutputStream(file))) {
            return backup(connection, out, progress);
        } catch (SQLException | IOException | RuntimeException e) {
            java.nio.file.Files.deleteIfExists(file); // no half-written backup left to be trusted later
            throw e;
        }
    }

    private static Manifest backup(Connection connection, OutputStream out, Consumer<String> progress)
            throws SQLException, IOException {
        connection.setAutoCommit(false);
        try (Statement s = connection.createStatement()) {
            s.execute("set transaction isolation level repeatable read, read only");
        }
        try {
            String version = single(
                    connection,
                    "select version from flyway_schema_history where success and version is not null"
                            + " order by installed_rank desc limit 1");
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            Map<String, Long> rows = new LinkedHashMap<>();
            ZipOutputStream zip = new ZipOutputStream(out, StandardCharsets.UTF_8);
            for (String table : tablesInOrder(connection)) {
                zip.putNextEntry(new ZipEntry(TABLES + table));
                long n = copy.copyOut(
                        "copy (select " + columns(connection, table) + " from " + quoted(table)
                                + ") to stdout (format binary)",
                        zip);
                zip.closeEntry();
                rows.put(table, n);
                progress.accept(table + " : " + n + " ligne(s)");
            }
            Map<String, String> sequences = new LinkedHashMap<>();
            for (String sequence : names(
                    connection,
                    "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                            + " where n.nspname = current_schema() and c.relkind = 'S' order by 1")) {
                sequences.put(
                        sequence, single(connection, "select last_value || ',' || is_called from " + quoted(sequence)));
            }
            Manifest manifest = new Manifest(version, rows, sequences);
            zip.putNextEntry(new ZipEntry(MANIFEST));
            properties(manifest).store(zip, "Traitant database backup");
            zip.closeEntry();
            zip.finish();
            connection.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /**
     * Restores the backup {@code file} into the empty database behind {@code dataSource}: the schema by the same
     * migrations up to the backup's version, then the rows, in one transaction.
     *
     * @throws IllegalStateException when the database is not empty, or when a table's count differs from the backup's
     */
    public static Manifest restore(javax.sql.DataSource dataSource, java.nio.file.Path file, Consumer<String> progress)
            throws SQLException, IOException {
        try (Connection connection = dataSource.getConnection();
                java.util.zip.ZipFile zip = new java.util.zip.ZipFile(file.toFile(), StandardCharsets.UTF_8)) {
            if (!names(
                            connection,
                            "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                                    + " where n.nspname = current_schema() and c.relkind in ('r', 'p')")
                    .isEmpty()) {
                throw new IllegalStateException("La base de destination n'est pas vide : restaurez dans une base neuve"
                        + " (rien n'a été modifié).");
            }
            ZipEntry manifestEntry = zip.getEntry(MANIFEST);
            if (manifestEntry == null)
                throw new IllegalStateException("Ce fichier n'est pas une sauvegarde de Traitant.");
            Properties manifestFile = new Properties();
            try (InputStream in = zip.getInputStream(manifestEntry)) {
                manifestFile.load(in);
            }
            return restore(connection, dataSource, zip, manifest(manifestFile), progress);
        }
    }

    private static Manifest restore(
            Connection connection,
            javax.sql.DataSource dataSource,
            java.util.zip.ZipFile zip,
            Manifest manifest,
            Consumer<String> progress)
            throws SQLException, IOException {
        progress.accept("schéma : migrations jusqu'à la version " + manifest.schemaVersion());
        Flyway.configure()
                .dataSource(dataSource)
                .locations("classpath:db/schema")
                .target(manifest.schemaVersion())
                .load()
                .migrate();
        connection.setAutoCommit(false);
        try {
            List<String> tables = new ArrayList<>(manifest.rows().keySet());
            // what the migrations put in (reference rows) is replaced by the backup's: deleted children first (some
            // tables refuse TRUNCATE: the audit trail and the case journals are append-only)
            try (Statement s = connection.createStatement()) {
                for (String table : tables.reversed()) s.execute("delete from " + quoted(table));
            }
            CopyManager copy = connection.unwrap(PGConnection.class).getCopyAPI();
            for (String table : tables) {
                ZipEntry rows = zip.getEntry(TABLES + table);
                if (rows == null) throw new IllegalStateException("La sauvegarde n'a pas la table " + table + ".");
                long n;
                try (InputStream in = zip.getInputStream(rows)) {
                    n = copy.copyIn(
                            "copy " + quoted(table) + " (" + columns(connection, table)
                                    + ") from stdin (format binary)",
                            in);
                }
                long saved = manifest.rows().getOrDefault(table, -1L);
                if (n != saved) {
                    throw new IllegalStateException(
                            "Table " + table + " : " + n + " lignes restaurées, " + saved + " sauvegardées.");
                }
                progress.accept(table + " : " + n + " ligne(s)");
            }
            for (Map.Entry<String, String> sequence : manifest.sequences().entrySet()) {
                String[] state = sequence.getValue().split(",");
                try (Statement s = connection.createStatement()) {
                    s.execute("select setval('" + quoted(sequence.getKey()).replace("'", "''") + "', "
                            + Long.parseLong(state[0]) + ", " + Boolean.parseBoolean(state[1]) + ")");
                }
            }
            connection.commit();
            return manifest;
        } catch (SQLException | IOException | RuntimeException e) {
            connection.rollback();
            throw e;
        }
    }

    /** Tables of the current schema (partitions left to their parent), each after the tables it references. */
    static List<String> tablesInOrder(Connection connection) throws SQLException {
        List<String> tables = names(
                connection,
                "select c.relname from pg_class c join pg_namespace n on n.oid = c.relnamespace"
                        + " where n.nspname = current_schema() and c.relkind in ('r', 'p') and not c.relispartition"
                        + " and c.relname <> 'flyway_schema_history' order by 1");
        Map<String, List<String>> references = new HashMap<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery("select c.conrelid::regclass::text, c.confrelid::regclass::text"
                        + " from pg_constraint c join pg_namespace n on n.oid = c.connamespace"
                        + " where c.contype = 'f' and n.nspname = current_schema()")) {
            while (r.next()) {
                if (!r.getString(1).equals(r.getString(2)))
                    references
                            .computeIfAbsent(unquoted(r.getString(1)), t -> new ArrayList<>())
                            .add(unquoted(r.getString(2)));
            }
        }
        List<String> ordered = new ArrayList<>();
        Map<String, Integer> state = new HashMap<>(); // 1 = being placed, 2 = placed
        for (String table : tables) place(table, references, state, ordered);
        ordered.retainAll(tables);
        return ordered;
    }

    private static void place(
            String table, Map<String, List<String>> references, Map<String, Integer> state, List<String> ordered) {
        Integer s = state.get(table);
        if (s != null) {
            if (s == 1) throw new IllegalStateException("Références circulaires entre tables autour de " + table);
            return;
        }
        state.put(table, 1);
        for (String parent : references.getOrDefault(table, List.of())) place(parent, references, state, ordered);
        state.put(table, 2);
        ordered.add(table);
    }

    /** The table's stored columns (generated ones are computed again), quoted, in order. */
    private static String columns(Connection connection, String table) throws SQLException {
        List<String> names = new ArrayList<>();
        try (var statement = connection.prepareStatement("select a.attname from pg_attribute a"
                + " where a.attrelid = (quote_ident(current_schema()) || '.' || quote_ident(?))::regclass"
                + " and a.attnum > 0 and not a.attisdropped and a.attgenerated = '' order by a.attnum")) {
            statement.setString(1, table);
            try (ResultSet r = statement.executeQuery()) {
                while (r.next()) names.add(quoted(r.getString(1)));
            }
        }
        return String.join(", ", names);
    }

    private static List<String> names(Connection connection, String sql) throws SQLException {
        List<String> names = new ArrayList<>();
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            while (r.next()) names.add(r.getString(1));
        }
        return names;
    }

    private static String single(Connection connection, String sql) throws SQLException {
        try (Statement s = connection.createStatement();
                ResultSet r = s.executeQuery(sql)) {
            if (!r.next()) throw new IllegalStateException("No answer to: " + sql);
            return r.getString(1);
        }
    }

    private static String quoted(String name) {
        return '"' + name.replace("\"", "\"\"") + '"';
    }

    private static String unquoted(String regclass) {
        return regclass.startsWith("\"")
                ? regclass.substring(1, regclass.length() - 1).replace("\"\"", "\"")
                : regclass;
    }

    private static Properties properties(Manifest manifest) {
        Properties p = new Properties();
        p.setProperty("schema.version", manifest.schemaVersion());
        p.setProperty("tables", String.join(",", manifest.rows().keySet()));
        manifest.rows().forEach((table, n) -> p.setProperty("rows." + table, Long.toString(n)));
        manifest.sequences().forEach((sequence, state) -> p.setProperty("sequence." + sequence, state));
        return p;
    }

    private static Manifest manifest(Properties p) {
        String version = p.getProperty("schema.version");
        if (version == null) throw new IllegalStateException("Ce fichier n'est pas une sauvegarde de Traitant.");
        Map<String, Long> rows = new LinkedHashMap<>();
        for (String table : p.getProperty("tables", "").split(",")) {
            if (!table.isEmpty()) rows.put(table, Long.parseLong(p.getProperty("rows." + table)));
        }
        Map<String, String> sequences = new LinkedHashMap<>();
        p.stringPropertyNames().stream()
                .filter(k -> k.startsWith("sequence."))
                .sorted()
                .forEach(k -> sequences.put(k.substring("sequence.".length()), p.getProperty(k)));
        return new Manifest(version, rows, sequences);
    }
}
