package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * {@code ./traitant backup} and {@code restore} (issue 22): the test database — reference data and whatever the tests
 * wrote — saved while the application runs, restored into a new embedded database; every table holds the rows the
 * backup counted, the communes are identical, identities go on after the restored rows; a database that is not empty
 * and a file that is not a backup are refused without writing.
 */
@IntegrationTest
class DatabaseBackupTest {

    @Autowired
    DataSource dataSource;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path temp;

    private static final String COMMUNES = "select md5(string_agg(c::text, '|' order by c.code)) from commune c";

    @Test
    void a_backup_taken_while_running_restores_into_a_new_database_table_for_table() throws Exception {
        Path file = temp.resolve("traitant.zip");
        List<String> progress = new ArrayList<>();
        DatabaseBackup.Manifest saved = DatabaseBackup.backup(dataSource, file, progress::add);
        assertThat(saved.rows())
                .hasSizeGreaterThan(60)
                .containsKey("commune")
                .doesNotContainKey("flyway_schema_history");
        assertThat(saved.rows().get("commune"))
                .isEqualTo(count(jdbc, "commune"))
                .isGreaterThan(30_000);
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file)))
                .as("personal data: the owner only")
                .isEqualTo("rw-------");
        assertThat(progress).hasSize(saved.rows().size()).anyMatch(line -> line.startsWith("commune : "));
        // parents first: a doctor's row refers to its commune
        List<String> order = new ArrayList<>(saved.rows().keySet());
        assertThat(order.indexOf("commune")).isLessThan(order.indexOf("doctor"));

        try (EmbeddedDatabase fresh = EmbeddedDatabase.start(temp.resolve("restored"), 0, false)) {
            SingleConnectionDataSource target =
                    new SingleConnectionDataSource(fresh.jdbcUrl(), fresh.user(), fresh.password(), true);
            DatabaseBackup.Manifest restored = DatabaseBackup.restore(target, file, line -> {});
            assertThat(restored.schemaVersion()).isEqualTo(saved.schemaVersion());
            JdbcClient copy = JdbcClient.create(target);
            for (var table : saved.rows().entrySet()) {
                assertThat(count(copy, table.getKey())).as(table.getKey()).isEqualTo(table.getValue());
            }
            assertThat(copy.sql(COMMUNES).query(String.class).single())
                    .isEqualTo(jdbc.sql(COMMUNES).query(String.class).single());
            // identities continue after the restored rows
            long next = copy.sql("insert into outbox_message (recipient, subject, body) values ('a@b.fr', 's', 'b')"
                            + " returning id")
                    .query(Long.class)
                    .single();
            assertThat(next)
                    .isGreaterThan(copy.sql("select coalesce(max(id), 0) from outbox_message where id <> :n")
                            .param("n", next)
                            .query(Long.class)
                            .single());

            // a second restore into a database that is no longer empty is refused, nothing written
            long before = count(copy, "outbox_message");
            assertThatThrownBy(() -> DatabaseBackup.restore(target, file, line -> {}))
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("n'est pas vide");
            assertThat(count(copy, "outbox_message")).isEqualTo(before);
            target.destroy();
        }
    }

    @Test
    void a_file_that_is_not_a_backup_is_refused_before_anything_is_written() throws Exception {
        Path file = temp.resolve("autre.zip");
        try (var zip = new java.util.zip.ZipOutputStream(Files.newOutputStream(file))) {
            zip.putNextEntry(new java.util.zip.ZipEntry("photo.txt"));
            zip.write("rien".getBytes(java.nio.charset.StandardCharsets.UTF_8));
        }
        try (EmbeddedDatabase fresh = EmbeddedDatabase.start(temp.resolve("empty"), 0, false)) {
            SingleConnectionDataSource target =
                    new SingleConnectionDataSource(fresh.jdbcUrl(), fresh.user(), fresh.password(), true);
            assertThatThrownBy(() -> DatabaseBackup.restore(target, file, line -> {}))
                    .hasMessageContaining("n'est pas une sauvegarde de Traitant");
            assertThat(JdbcClient.create(target)
                            .sql("select count(*) from pg_tables where schemaname = current_schema()")
                            .query(Long.class)
                            .single())
                    .isZero();
            target.destroy();
        }
    }

    @Test
    void an_existing_file_is_never_overwritten_and_a_failed_backup_leaves_no_file() throws Exception {
        Path existing = temp.resolve("hier.zip");
        Files.writeString(existing, "la sauvegarde d'hier");
        assertThatThrownBy(() -> DatabaseBackup.backup(dataSource, existing, line -> {}))
                .isInstanceOf(java.nio.file.FileAlreadyExistsException.class);
        assertThat(Files.readString(existing)).isEqualTo("la sauvegarde d'hier");

        Path failed = temp.resolve("echec.zip");
        SingleConnectionDataSource unreachable =
                new SingleConnectionDataSource("jdbc:postgresql://localhost:1/absent", "x", "y", true);
        assertThatThrownBy(() -> DatabaseBackup.backup(unreachable, failed, line -> {}))
                .isInstanceOf(Exception.class);
        assertThat(failed).doesNotExist();
    }

    private static long count(JdbcClient jdbc, String table) {
        return jdbc.sql("select count(*) from \"" + table + "\"")
                .query(Long.class)
                .single();
    }
}
