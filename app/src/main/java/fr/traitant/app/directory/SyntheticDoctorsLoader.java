package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.SyntheticProfiles;
import fr.traitant.engine.supply.SyntheticDoctor;
import fr.traitant.engine.supply.SyntheticSupplyGenerator;
import fr.traitant.engine.supply.SyntheticSupplyParameters;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Year;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: when {@code traitant.demo.synthetic-doctors} is positive and the directory holds no synthetic
 * doctor yet, fills it with the engine's seeded synthetic doctors (same seed, same doctors). Labelled
 * synthetic everywhere they are shown. Runs after the reference data is loaded.
 */
@Component
class SyntheticDoctorsLoader implements SmartInitializingSingleton {

    private static final Logger log = LoggerFactory.getLogger(SyntheticDoctorsLoader.class);

    private final Territory territory;
    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int count;
    private final long seed;
    private final DirectoryIndex index;

    SyntheticDoctorsLoader(
            Territory territory,
            JdbcClient jdbc,
            JdbcTemplate jdbcTemplate,
            TransactionTemplate transactions,
            Clock clock,
            DirectoryIndex index,
            fr.traitant.app.platform.TraitantProperties platformSettings) {
        int count = platformSettings.demo().syntheticDoctors();
        long seed = platformSettings.demo().seed();
        this.index = index;
        this.territory = territory;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.clock = clock;
        this.count = count;
        this.seed = seed;
    }

    @Override
    public void afterSingletonsInstantiated() {
        if (count <= 0) {
            return;
        }
        boolean loaded = jdbc.sql("select exists (select 1 from doctor where synthetic)")
                .query(Boolean.class)
                .single();
        boolean profiled = !jdbc.sql("select exists (select 1 from doctor where synthetic and last_name is null)")
                .query(Boolean.class)
                .single();
        if (loaded && profiled) {
            log.info("Synthetic doctors already loaded: nothing to do");
            return;
        }
        List<SyntheticDoctor> doctors = SyntheticSupplyGenerator.generate(
                territory.engineCommunes(),
                SyntheticSupplyParameters.DEFAULT.withDoctorCount(count),
                new SplittableRandom(seed));
        // A separate stream for the directory details, so that the supply (and the APL) stays as it was.
        SplittableRandom profileRandom = new SplittableRandom(seed ^ 0x5EED_D1EC_7081L);
        int year = Year.now(clock).getValue();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(doctors.size());
        for (SyntheticDoctor d : doctors) {
            int sequence = Integer.parseInt(d.id().substring(SyntheticDoctor.ID_PREFIX.length()));
            SyntheticProfiles.Profile p = SyntheticProfiles.profile(d, sequence, profileRandom);
            Object[] profile = {
                p.rpps().value(),
                p.lastName(),
                p.firstName(),
                p.specialty().code(),
                p.feeSector().name(),
                p.teleconsultation(),
                p.wheelchairAccess(),
                String.join(",", p.languages()),
                p.mssante(),
                p.phone(),
                p.newPatients().name(),
                p.maxComplexity()
            };
            if (loaded) {
                Object[] row = new Object[profile.length + 1];
                System.arraycopy(profile, 0, row, 0, profile.length);
                row[profile.length] = d.id();
                rows.add(row);
            } else {
                Object[] row = new Object[9 + profile.length];
                Object[] supply = {
                    d.id(),
                    d.specialty().name(),
                    d.communeCode(),
                    d.position().lat(),
                    d.position().lon(),
                    year - d.ageYears(),
                    d.consultationsPerYear(),
                    d.newPatientCapacity(),
                    now
                };
                System.arraycopy(supply, 0, row, 0, supply.length);
                System.arraycopy(profile, 0, row, supply.length, profile.length);
                rows.add(row);
            }
        }
        String sql = loaded ? """
                update doctor set rpps = ?, last_name = ?, first_name = ?, specialty_code = ?, fee_sector = ?,
                       teleconsultation = ?, wheelchair_access = ?, languages = coalesce(string_to_array(nullif(?, ''), ','), '{}'),
                       mssante = ?, phone = ?, new_patient_status = ?, max_complexity = ?
                 where id = ? and synthetic and last_name is null
                   and (new_patient_status = 'ACCEPTING') = (? = 'ACCEPTING')""" : """
                insert into doctor (id, specialty, commune_code, lat, lon, birth_year, consultations_per_year,
                                    new_patient_capacity, updated_at, rpps, last_name, first_name, specialty_code, fee_sector,
                                    teleconsultation, wheelchair_access, languages, mssante, phone, new_patient_status,
                                    max_complexity, synthetic, active)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, coalesce(string_to_array(nullif(?, ''), ','), '{}'), ?, ?, ?, ?, true, true)""";
        if (loaded) {
            rows.replaceAll(r -> {
                Object[] withStatus = java.util.Arrays.copyOf(r, r.length + 1);
                withStatus[r.length] = r[10];
                return withStatus;
            });
        }
        transactions.executeWithoutResult(status -> jdbcTemplate.batchUpdate(sql, rows));
        index.refreshAfterCommit();
        log.info("Loaded {} SYNTHETIC doctors (seed {}) — demo data, not real people", rows.size(), seed);
    }
}
