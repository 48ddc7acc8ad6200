package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import java.time.OffsetDateTime;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loading reference data is idempotent, and a new version replaces the old one whole, or not at all. */
@IntegrationTest
class ReferenceDataLoaderTest {

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loading_the_same_version_again_does_nothing() {
        OffsetDateTime before = loadedAt();
        assertThat(loader.load(new ClassPathResource(ReferenceDataLoader.SHIPPED))).isEqualTo(ReferenceDataLoader.Outcome.ALREADY_LOADED);
        assertThat(loadedAt()).isEqualTo(before);
        assertThat(communes()).isEqualTo(34_875);
    }

    @Test
    void a_new_version_replaces_the_old_one_and_a_broken_one_changes_nothing() {
        try {
            assertThat(loader.load(new ClassPathResource("fr/traitant/app/territory/communes-v2.csv.gz")))
                    .isEqualTo(ReferenceDataLoader.Outcome.LOADED);
            assertThat(communes()).isEqualTo(3);
            assertThat(jdbc.sql("select population from commune where code = '83137'").query(Integer.class).single()).isEqualTo(180_000);
            assertThat(jdbc.sql("select count(*) from departement").query(Integer.class).single()).isEqualTo(2);

            assertThatThrownBy(() -> loader.load(new ClassPathResource("fr/traitant/app/territory/communes-broken.csv.gz")))
                    .isInstanceOf(CommuneFile.InvalidFileException.class).hasMessageContaining("line 3");
            assertThat(communes()).isEqualTo(3);
            assertThat(jdbc.sql("select row_count from reference_data_version where dataset = 'communes'").query(Integer.class).single()).isEqualTo(3);
        } finally {
            assertThat(loader.load(new ClassPathResource(ReferenceDataLoader.SHIPPED))).isEqualTo(ReferenceDataLoader.Outcome.LOADED);
        }
        assertThat(communes()).isEqualTo(34_875);
        assertThat(jdbc.sql("select population from commune where code = '83137'").query(Integer.class).single()).isEqualTo(179_116);
    }

    private int communes() {
        return jdbc.sql("select count(*) from commune").query(Integer.class).single();
    }

    private OffsetDateTime loadedAt() {
        return jdbc.sql("select loaded_at from reference_data_version where dataset = 'communes'").query(OffsetDateTime.class).single();
    }
}
