package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.TraitantApplication;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.SingleConnectionDataSource;

/**
 * With the standard {@code spring.datasource.*} settings the application uses that server and starts no embedded
 * database of its own. The "external" server here is a separate PostgreSQL process reached only through its JDBC URL.
 */
class ExternalDatabaseTest {

    @TempDir
    Path directory;

    @Test
    void uses_the_configured_server_and_starts_no_embedded_one() throws Exception {
        Path unused = directory.resolve("must-not-be-created");
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("external"))
                .setServerConfig("synchronous_commit", "on")
                .setServerConfig("fsync", "on")
                .start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TraitantApplication.class)
                    .run(
                            "--server.port=0",
                            "--server.shutdown=immediate",
                            "--spring.datasource.url=" + url,
                            "--spring.datasource.username=postgres",
                            "--spring.datasource.password=",
                            "--traitant.database.embedded.directory=" + unused,
                            "--traitant.notifications.link-secret=external-test-secret-0123456789abcdef")) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(Files.exists(unused)).isFalse();
            }
            SingleConnectionDataSource direct = new SingleConnectionDataSource(url, "postgres", "", true);
            try {
                JdbcClient jdbc = JdbcClient.create(direct);
                assertThat(jdbc.sql("select count(*) from commune")
                                .query(Integer.class)
                                .single())
                        .isEqualTo(34_875);
            } finally {
                direct.destroy();
            }
        }
    }

    @Test
    void refuses_a_server_that_may_lose_confirmed_writes_unless_explicitly_allowed() throws Exception {
        // the library's defaults: synchronous_commit=off, and -F (fsync off)
        try (EmbeddedPostgres external = EmbeddedPostgres.builder()
                .setDataDirectory(directory.resolve("unsafe"))
                .start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            String[] args = {
                "--server.port=0",
                "--server.shutdown=immediate",
                "--spring.datasource.url=" + url,
                "--spring.datasource.username=postgres",
                "--spring.datasource.password=",
                "--traitant.notifications.link-secret=external-test-secret-0123456789abcdef"
            };
            assertThatThrownBy(() -> new SpringApplicationBuilder(TraitantApplication.class)
                            .run(args)
                            .close())
                    .rootCause()
                    .hasMessageContaining("may lose confirmed writes")
                    .hasMessageContaining("fsync=off")
                    .hasMessageContaining("synchronous_commit=off");
            String[] allowed = java.util.stream.Stream.concat(
                            java.util.Arrays.stream(args),
                            java.util.stream.Stream.of("--traitant.database.allow-non-durable=true"))
                    .toArray(String[]::new);
            try (ConfigurableApplicationContext app =
                    new SpringApplicationBuilder(TraitantApplication.class).run(allowed)) {
                assertThat(app.isRunning()).isTrue();
            }
        }
    }
}
