package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

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
        try (EmbeddedPostgres external = EmbeddedPostgres.builder().setDataDirectory(directory.resolve("external")).start()) {
            String url = external.getJdbcUrl("postgres", "postgres");
            try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TraitantApplication.class)
                    .run("--server.port=0", "--server.shutdown=immediate",
                            "--spring.datasource.url=" + url, "--spring.datasource.username=postgres", "--spring.datasource.password=",
                            "--traitant.database.embedded.directory=" + unused)) {
                assertThat(app.getBeanNamesForType(EmbeddedPostgres.class)).isEmpty();
                assertThat(Files.exists(unused)).isFalse();
            }
            SingleConnectionDataSource direct = new SingleConnectionDataSource(url, "postgres", "", true);
            try {
                JdbcClient jdbc = JdbcClient.create(direct);
                assertThat(jdbc.sql("select count(*) from commune").query(Integer.class).single()).isEqualTo(34_875);
            } finally {
                direct.destroy();
            }
        }
    }
}
