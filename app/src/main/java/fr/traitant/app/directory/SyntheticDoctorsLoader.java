package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
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
import org.springframework.beans.factory.annotation.Value;
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

    SyntheticDoctorsLoader(Territory territory, JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions,
                           Clock clock, @Value("${traitant.demo.synthetic-doctors:0}") int count,
                           @Value("${traitant.demo.seed:2024}") long seed) {
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
        if (jdbc.sql("select exists (select 1 from doctor where synthetic)").query(Boolean.class).single()) {
            log.info("Synthetic doctors already loaded: nothing to do");
            return;
        }
        List<SyntheticDoctor> doctors = SyntheticSupplyGenerator.generate(territory.engineCommunes(),
                SyntheticSupplyParameters.DEFAULT.withDoctorCount(count), new SplittableRandom(seed));
        int year = Year.now(clock).getValue();
        Timestamp now = Timestamp.from(clock.instant());
        List<Object[]> rows = new ArrayList<>(doctors.size());
        for (SyntheticDoctor d : doctors) {
            rows.add(new Object[] {d.id(), d.specialty().name(), d.communeCode(), d.position().lat(), d.position().lon(),
                    year - d.ageYears(), d.consultationsPerYear(), d.newPatients().name(), d.newPatientCapacity(), now});
        }
        transactions.executeWithoutResult(status -> jdbcTemplate.batchUpdate("""
                insert into doctor (id, specialty, commune_code, lat, lon, birth_year, consultations_per_year,
                                    new_patient_status, new_patient_capacity, synthetic, active, updated_at)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, true, true, ?)""", rows));
        log.info("Loaded {} SYNTHETIC doctors (seed {}) — demo data, not real people", rows.size(), seed);
    }
}
