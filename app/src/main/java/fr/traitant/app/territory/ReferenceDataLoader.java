package fr.traitant.app.territory;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.InitializingBean;
import org.springframework.context.annotation.DependsOn;
import org.springframework.core.io.ClassPathResource;
import org.springframework.core.io.Resource;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Loads the communes reference data into PostgreSQL at start-up. Idempotent: the data set's version
 * (SHA-256 of the shipped file) is recorded, and a start with the same version loads nothing. A new version
 * replaces the old one — régions, départements, EPCI, communes and postal codes — in one transaction, under an
 * advisory lock so that two instances starting together do not both load.
 *
 * <p>Runs right after the Flyway migration, while the context starts: {@link Territory} depends on it, so no
 * module and no page ever sees an empty territory.
 */
@Component
@DependsOn("flywayInitializer")
class ReferenceDataLoader implements InitializingBean {

    static final String DATASET = "communes";
    static final String SHIPPED = "fr/traitant/referencedata/communes.csv.gz";
    private static final long LOCK_KEY = 0x5452_4149_5445_4e54L; // "TRAITENT"

    private static final Logger log = LoggerFactory.getLogger(ReferenceDataLoader.class);

    /** What a load did. */
    enum Outcome {
        LOADED,
        ALREADY_LOADED
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final Clock clock;

    ReferenceDataLoader(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.clock = clock;
    }

    @Override
    public void afterPropertiesSet() {
        load(new ClassPathResource(SHIPPED));
    }

    /** Loads {@code gzipCsv} unless the same version is already loaded. */
    Outcome load(Resource gzipCsv) {
        byte[] bytes;
        try (InputStream in = gzipCsv.getInputStream()) {
            bytes = in.readAllBytes();
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read reference data " + gzipCsv, e);
        }
        String version = sha256(bytes);
        if (loadedVersion().filter(version::equals).isPresent()) {
            log.info("Reference data '{}' version {} already loaded: nothing to do", DATASET, version.substring(0, 12));
            return Outcome.ALREADY_LOADED;
        }
        List<CommuneFile.Row> rows =
                CommuneFile.readGzip(gzipCsv.getDescription(), new java.io.ByteArrayInputStream(bytes));
        return transactions.execute(status -> {
            jdbc.sql("select pg_advisory_xact_lock(?)").param(LOCK_KEY).query().singleValue();
            if (loadedVersion().filter(version::equals).isPresent()) {
                return Outcome.ALREADY_LOADED; // another instance loaded it while we were parsing
            }
            replaceAll(rows);
            jdbc.sql("""
                    insert into reference_data_version (dataset, version, row_count, loaded_at) values (?, ?, ?, ?)
                    on conflict (dataset) do update set version = excluded.version, row_count = excluded.row_count,
                        loaded_at = excluded.loaded_at""")
                    .params(DATASET, version, rows.size(), Timestamp.from(clock.instant()))
                    .update();
            log.info(
                    "Reference data '{}' version {} loaded: {} communes",
                    DATASET,
                    version.substring(0, 12),
                    rows.size());
            return Outcome.LOADED;
        });
    }

    Optional<String> loadedVersion() {
        return jdbc.sql("select version from reference_data_version where dataset = ?")
                .param(DATASET)
                .query(String.class)
                .optional();
    }

    /**
     * Upserts the new version and removes what it no longer contains. A commune that the new version removes
     * but other records still reference (doctors, members…) makes the whole load fail — nothing is changed.
     */
    private void replaceAll(List<CommuneFile.Row> rows) {
        Map<String, String> regions = new LinkedHashMap<>();
        Map<String, String[]> departements = new LinkedHashMap<>();
        Map<String, String> epcis = new LinkedHashMap<>();
        for (CommuneFile.Row row : rows) {
            regions.putIfAbsent(row.region(), row.regionName());
            departements.putIfAbsent(row.departement(), new String[] {row.departementName(), row.region()});
            if (row.epci() != null) {
                epcis.putIfAbsent(row.epci(), row.epciName());
            }
        }
        jdbcTemplate.batchUpdate(
                "insert into region (code, name) values (?, ?) on conflict (code) do update set name = excluded.name",
                regions.entrySet().stream()
                        .map(e -> new Object[] {e.getKey(), e.getValue()})
                        .toList());
        jdbcTemplate.batchUpdate(
                """
                insert into departement (code, name, region_code) values (?, ?, ?)
                on conflict (code) do update set name = excluded.name, region_code = excluded.region_code""",
                departements.entrySet().stream()
                        .map(e -> new Object[] {e.getKey(), e.getValue()[0], e.getValue()[1]})
                        .toList());
        jdbcTemplate.batchUpdate(
                "insert into epci (siren, name) values (?, ?) on conflict (siren) do update set name = excluded.name",
                epcis.entrySet().stream()
                        .map(e -> new Object[] {e.getKey(), e.getValue()})
                        .toList());

        List<Object[]> communes = new ArrayList<>(rows.size());
        List<Object[]> postal = new ArrayList<>(rows.size() * 2);
        for (CommuneFile.Row r : rows) {
            communes.add(new Object[] {
                r.code(),
                r.name(),
                SearchText.normalize(r.name()),
                r.departement(),
                r.epci(),
                r.population(),
                r.lat(),
                r.lon(),
                r.areaKm2(),
                String.join(",", r.postalCodes()),
                r.positionSource()
            });
            for (String code : r.postalCodes()) {
                postal.add(new Object[] {code, r.code()});
            }
        }
        jdbcTemplate.batchUpdate("""
                insert into commune (code, name, name_search, departement_code, epci_siren, population, lat, lon, area_km2,
                                     postal_codes, position_source)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(string_to_array(nullif(?, ''), ','), '{}'), ?)
                on conflict (code) do update set name = excluded.name, name_search = excluded.name_search,
                    departement_code = excluded.departement_code, epci_siren = excluded.epci_siren,
                    population = excluded.population, lat = excluded.lat, lon = excluded.lon, area_km2 = excluded.area_km2,
                    postal_codes = excluded.postal_codes, position_source = excluded.position_source""", communes);
        jdbc.sql("delete from commune_postal_code").update();
        jdbcTemplate.batchUpdate(
                "insert into commune_postal_code (postal_code, commune_code) values (?, ?) on conflict do nothing",
                postal);

        String[] codes = rows.stream().map(CommuneFile.Row::code).toArray(String[]::new);
        List<@Nullable String> removed = jdbc.sql("select code from commune where code <> all (?) order by code")
                .param(codes)
                .query(String.class)
                .list();
        try {
            jdbc.sql("delete from commune where code <> all (?)").param(codes).update();
        } catch (org.springframework.dao.DataIntegrityViolationException e) {
            throw new IllegalStateException(
                    "The new reference data removes communes that other records still reference "
                            + removed.subList(0, Math.min(10, removed.size()))
                            + "; reassign those records first. Nothing was changed.",
                    e);
        }
        jdbc.sql("delete from epci e where not exists (select 1 from commune c where c.epci_siren = e.siren)")
                .update();
        jdbc.sql(
                        "delete from departement d where not exists (select 1 from commune c where c.departement_code = d.code)")
                .update();
        jdbc.sql("delete from region r where not exists (select 1 from departement d where d.region_code = r.code)")
                .update();
    }

    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
