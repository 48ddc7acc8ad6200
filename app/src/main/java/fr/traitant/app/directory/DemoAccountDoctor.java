package fr.traitant.app.directory;

import fr.traitant.app.identity.DemoAccounts;
import java.sql.Timestamp;
import java.time.Clock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY (profile {@code demo}): the directory entry of the demo DOCTOR account (RPPS {@value DemoAccounts#DEMO_RPPS}),
 * a made-up GP in Toulon flagged synthetic, taking 20 new patients (the number {@code DemoWorkflow} declares), so that
 * the demo doctor can state availability and sign the charter.
 */
@Component
@Profile("demo")
class DemoAccountDoctor {

    private static final Logger log = LoggerFactory.getLogger(DemoAccountDoctor.class);

    /** Toulon, where the demo doctor practises. */
    private static final String COMMUNE = "83137";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final DirectoryIndex index;

    private final fr.traitant.app.territory.Territory territory;

    DemoAccountDoctor(
            JdbcClient jdbc, Clock clock, DirectoryIndex index, fr.traitant.app.territory.Territory territory) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.index = index;
        this.territory = territory;
    }

    @EventListener(ApplicationReadyEvent.class)
    @org.springframework.core.annotation.Order(100)
    void ensure() {
        fr.traitant.engine.territory.Communes communes = territory.engineCommunes();
        java.util.OptionalInt toulon = communes.findIndex(COMMUNE);
        if (toulon.isEmpty()) return; // reference data without Toulon: no demo doctor
        fr.traitant.engine.geo.GeoPoint at = communes.get(toulon.getAsInt()).position();
        int inserted = jdbc.sql("""
                insert into doctor (id, rpps, last_name, first_name, specialty, specialty_code, commune_code, lat, lon, birth_year,
                                    consultations_per_year, new_patient_status, new_patient_capacity, fee_sector, teleconsultation,
                                    wheelchair_access, phone, mssante, synthetic, active, updated_at)
                select ?, ?, 'Bernard', 'Louise', 'GENERAL_PRACTICE', 'SM54', ?, ?, ?, 1978, 4600, 'ACCEPTING', 20,
                       'SECTOR_1', true, true, '01 99 00 00 01', 'louise.bernard@demo.mssante.invalid', true, true, ?
                 where not exists (select 1 from doctor where rpps = ?)""")
                .params(
                        "DEMO-" + DemoAccounts.DEMO_RPPS,
                        DemoAccounts.DEMO_RPPS,
                        COMMUNE,
                        at.lat(),
                        at.lon(),
                        Timestamp.from(clock.instant()),
                        DemoAccounts.DEMO_RPPS)
                .update();
        if (inserted > 0) {
            index.refreshAfterCommit();
            log.info("Demo doctor account's directory entry created (synthetic, RPPS {})", DemoAccounts.DEMO_RPPS);
        }
    }
}
