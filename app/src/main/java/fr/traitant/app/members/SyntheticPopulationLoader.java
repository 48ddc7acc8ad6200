package fr.traitant.app.members;

import fr.traitant.app.territory.Territory;
import java.io.IOException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * DEMO ONLY: when {@code traitant.demo.synthetic-population-scale} is positive and no synthetic member exists yet,
 * generates the synthetic population ({@link SyntheticPopulation}) and writes it with PostgreSQL's COPY (the full
 * 774,468 members take seconds, not minutes), in one transaction. Labelled synthetic in the database and on pages.
 */
@Component
class SyntheticPopulationLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SyntheticPopulationLoader.class);
    private static final int CHUNK = 50_000;

    private final Territory territory;
    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final double scale;
    private final long seed;

    SyntheticPopulationLoader(
            Territory territory,
            JdbcClient jdbc,
            DataSource dataSource,
            TransactionTemplate transactions,
            fr.traitant.app.platform.TraitantProperties platformSettings) {
        double scale = platformSettings.demo().syntheticPopulationScale();
        long seed = platformSettings.demo().seed();
        this.territory = territory;
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.scale = scale;
        this.seed = seed;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (scale <= 0) {
            return;
        }
        if (jdbc.sql("select exists (select 1 from member where synthetic)")
                .query(Boolean.class)
                .single()) {
            log.info("Synthetic population already loaded: nothing to do");
            return;
        }
        long start = System.nanoTime();
        SyntheticPopulation.Population population = SyntheticPopulation.generate(
                territory.engineCommunes().asList(),
                new SyntheticPopulation.Parameters(scale, seed, SyntheticPopulation.Parameters.REPORT_DATE));
        transactions.executeWithoutResult(status -> write(population));
        log.warn(
                "DEMO ONLY — loaded {} SYNTHETIC members in {} households (scale {}, seed {}) in {} ms — not real people",
                population.members().size(),
                population.households().size(),
                scale,
                seed,
                (System.nanoTime() - start) / 1_000_000);
    }

    private void write(SyntheticPopulation.Population population) {
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            var copy = connection.unwrap(PGConnection.class).getCopyAPI();
            StringBuilder rows = new StringBuilder();
            for (SyntheticPopulation.Household h : population.households()) {
                rows.append("Foyer ")
                        .append(h.lastName())
                        .append(" (synthétique)\t")
                        .append("SYN-H")
                        .append(h.index())
                        .append('\t')
                        .append(h.communeCode())
                        .append('\t')
                        .append(h.lat())
                        .append('\t')
                        .append(h.lon())
                        .append("\tt\n");
                if (rows.length() > 4_000_000) {
                    copy.copyIn(
                            "copy household (label, external_ref, commune_code, lat, lon, synthetic) from stdin",
                            new StringReader(rows.toString()));
                    rows.setLength(0);
                }
            }
            copy.copyIn(
                    "copy household (label, external_ref, commune_code, lat, lon, synthetic) from stdin",
                    new StringReader(rows.toString()));
            rows.setLength(0);
            Map<Integer, Long> ids = new HashMap<>();
            jdbc.sql("select id, external_ref from household where synthetic and external_ref like 'SYN-H%'")
                    .query(rs -> {
                        ids.put(Integer.parseInt(rs.getString(2).substring(5)), rs.getLong(1));
                    });
            int inChunk = 0;
            String sql = """
                    copy member (household_id, external_ref, first_name, last_name, birth_date, sex, category, long_term_condition,
                                 vulnerabilities, has_declared_doctor, consent_to_contact, synthetic) from stdin""";
            for (SyntheticPopulation.Member m : population.members()) {
                SyntheticPopulation.Household h = population.households().get(m.household());
                rows.append(ids.get(m.household()))
                        .append('\t')
                        .append("SYN-M")
                        .append(m.index())
                        .append('\t')
                        .append(m.firstName())
                        .append('\t')
                        .append(h.lastName())
                        .append('\t')
                        .append(m.birthDate())
                        .append('\t')
                        .append(m.sex())
                        .append('\t')
                        .append(m.category().name())
                        .append('\t')
                        .append(
                                m.longTermCondition() == null
                                        ? "\\N"
                                        : m.longTermCondition().name())
                        .append('\t')
                        .append(vulnerabilityArray(m.vulnerabilities()))
                        .append('\t')
                        .append(m.hasDeclaredDoctor() ? 't' : 'f')
                        .append('\t')
                        .append(m.consentToContact() ? 't' : 'f')
                        .append("\tt\n");
                if (++inChunk == CHUNK) {
                    copy.copyIn(sql, new StringReader(rows.toString()));
                    rows.setLength(0);
                    inChunk = 0;
                }
            }
            copy.copyIn(sql, new StringReader(rows.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Could not write the synthetic population", e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
    }

    static String vulnerabilityArray(int flags) {
        StringBuilder array = new StringBuilder("{");
        for (Vulnerability v : Vulnerability.values()) {
            if ((flags & (1 << v.ordinal())) != 0) {
                array.append(array.length() > 1 ? "," : "").append(v.name());
            }
        }
        return array.append('}').toString();
    }

    static List<Vulnerability> vulnerabilities(int flags) {
        return java.util.Arrays.stream(Vulnerability.values())
                .filter(v -> (flags & (1 << v.ordinal())) != 0)
                .toList();
    }
}
