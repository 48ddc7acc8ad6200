package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.function.UnaryOperator;
import java.util.stream.Collectors;
import java.util.zip.GZIPInputStream;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ByteArrayResource;
import org.springframework.core.io.ClassPathResource;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Loading reference data is idempotent, and a new version replaces the old one whole, or not at all. */
@IntegrationTest
class ReferenceDataLoaderTest {

    private static final String NEW_COMMUNE =
            "83999,Commune d'essai,83,Var,93,Provence-Alpes-Côte d'Azur,248300543,Métropole Toulon-Provence-Méditerranée,12,43.2,5.9,1.5,83999,centroid";

    @Autowired
    ReferenceDataLoader loader;

    @Autowired
    JdbcClient jdbc;

    @Test
    void loading_the_same_version_again_does_nothing() {
        OffsetDateTime before = loadedAt();
        assertThat(loader.load(new ClassPathResource(ReferenceDataLoader.SHIPPED)))
                .isEqualTo(ReferenceDataLoader.Outcome.ALREADY_LOADED);
        assertThat(loadedAt()).isEqualTo(before);
        assertThat(communes()).isEqualTo(34_875);
    }

    @Test
    void a_new_version_replaces_the_old_one_and_a_bad_one_changes_nothing() throws IOException {
        String shipped = shippedCsv();
        try {
            // v2: Toulon grows, a commune appears
            String v2 = edit(
                    shipped,
                    lines -> lines.stream()
                            .map(l -> l.startsWith("83137,") ? l.replace(",179116,", ",180000,") : l)
                            .collect(Collectors.toList()),
                    NEW_COMMUNE);
            assertThat(loader.load(gzip(v2))).isEqualTo(ReferenceDataLoader.Outcome.LOADED);
            assertThat(communes()).isEqualTo(34_876);
            assertThat(population("83137")).isEqualTo(180_000);
            assertThat(jdbc.sql("select count(*) from commune_postal_code where postal_code = '83999'")
                            .query(Integer.class)
                            .single())
                    .isOne();

            // a malformed row refuses the whole file
            String broken = edit(v2, lines -> lines, "8399X,Cassée,83,Var,93,PACA,248300543,x,1,43,5,1,83000,geonames");
            assertThatThrownBy(() -> loader.load(gzip(broken)))
                    .isInstanceOf(CommuneFile.InvalidFileException.class)
                    .hasMessageContaining("line 34878");
            assertThat(communes()).isEqualTo(34_876);

            // a version that drops a commune still referenced by a doctor is refused, nothing changes
            String referenced = jdbc.sql("select commune_code from doctor order by id limit 1")
                    .query(String.class)
                    .single();
            String withoutIt = edit(
                    v2,
                    lines -> lines.stream()
                            .filter(l -> !l.startsWith(referenced + ","))
                            .collect(Collectors.toList()));
            assertThatThrownBy(() -> loader.load(gzip(withoutIt)))
                    .hasMessageContaining(referenced)
                    .hasMessageContaining("Nothing was changed");
            assertThat(communes()).isEqualTo(34_876);
            assertThat(population("83137")).isEqualTo(180_000);
        } finally {
            assertThat(loader.load(new ClassPathResource(ReferenceDataLoader.SHIPPED)))
                    .isEqualTo(ReferenceDataLoader.Outcome.LOADED);
        }
        assertThat(communes()).isEqualTo(34_875);
        assertThat(population("83137")).isEqualTo(179_116);
    }

    private static String shippedCsv() throws IOException {
        try (InputStream in =
                new GZIPInputStream(new ClassPathResource(ReferenceDataLoader.SHIPPED).getInputStream())) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static String edit(String csv, UnaryOperator<List<String>> change, String... extraLines) {
        List<String> lines = csv.lines().collect(Collectors.toList());
        String header = lines.removeFirst();
        List<String> edited = change.apply(lines);
        StringBuilder out = new StringBuilder(header).append('\n');
        edited.forEach(l -> out.append(l).append('\n'));
        for (String extra : extraLines) {
            out.append(extra).append('\n');
        }
        return out.toString();
    }

    private static ByteArrayResource gzip(String csv) throws IOException {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        try (GZIPOutputStream gz = new GZIPOutputStream(bytes)) {
            gz.write(csv.getBytes(StandardCharsets.UTF_8));
        }
        return new ByteArrayResource(bytes.toByteArray(), "test communes");
    }

    private int population(String code) {
        return jdbc.sql("select population from commune where code = ?")
                .param(code)
                .query(Integer.class)
                .single();
    }

    private int communes() {
        return jdbc.sql("select count(*) from commune").query(Integer.class).single();
    }

    private OffsetDateTime loadedAt() {
        return jdbc.sql("select loaded_at from reference_data_version where dataset = 'communes'")
                .query(OffsetDateTime.class)
                .single();
    }
}
