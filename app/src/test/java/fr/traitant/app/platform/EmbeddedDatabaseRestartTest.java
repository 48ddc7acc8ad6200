package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.TraitantApplication;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.jdbc.core.simple.JdbcClient;

/** With no configuration the data lives in a directory and survives a restart, loaded once. */
class EmbeddedDatabaseRestartTest {

    @TempDir
    Path directory;

    @Test
    void data_persists_across_restarts_and_is_loaded_once() {
        Path data = directory.resolve("postgres");
        OffsetDateTime firstLoad;
        try (ConfigurableApplicationContext first = start(data)) {
            JdbcClient jdbc = first.getBean(JdbcClient.class);
            assertThat(count(jdbc)).isEqualTo(34_875);
            firstLoad = loadedAt(jdbc);
            jdbc.sql("create table restart_marker (id int)").update();
        }
        assertThat(Files.exists(data.resolve("PG_VERSION"))).isTrue();

        try (ConfigurableApplicationContext second = start(data)) {
            JdbcClient jdbc = second.getBean(JdbcClient.class);
            assertThat(count(jdbc)).isEqualTo(34_875);
            assertThat(loadedAt(jdbc))
                    .as("the reference data was not loaded a second time")
                    .isEqualTo(firstLoad);
            assertThat(jdbc.sql("select count(*) from restart_marker")
                            .query(Integer.class)
                            .single())
                    .isZero();
            assertThat(jdbc.sql("select max(version) from flyway_schema_history")
                            .query(String.class)
                            .single())
                    .isNotBlank();
        }
    }

    private static ConfigurableApplicationContext start(Path data) {
        return new SpringApplicationBuilder(TraitantApplication.class)
                .run(
                        "--server.port=0",
                        "--traitant.database.embedded.directory=" + data,
                        "--server.shutdown=immediate",
                        "--traitant.notifications.link-secret=restart-test-secret-0123456789abcdef");
    }

    private static int count(JdbcClient jdbc) {
        return jdbc.sql("select count(*) from commune").query(Integer.class).single();
    }

    private static OffsetDateTime loadedAt(JdbcClient jdbc) {
        return jdbc.sql("select loaded_at from reference_data_version where dataset = 'communes'")
                .query(OffsetDateTime.class)
                .single();
    }
}
