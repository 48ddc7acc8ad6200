package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.RoadTimeModel;
import jakarta.annotation.PreDestroy;
import java.sql.Array;
import java.text.Normalizer;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionSynchronization;
import org.springframework.transaction.support.TransactionSynchronizationManager;

/**
 * In-memory index of the active doctors' practice locations, for searches in a few milliseconds without SQL:
 * primitive arrays, locations as unit vectors grouped in 0.1° cells (a location is within the radius when its dot
 * product with the origin is at least cos(radius / R): no trigonometry per location), filters checked before any
 * distance. Immutable snapshots; a change to the directory
 * schedules a rebuild after its transaction commits (coalesced, on one background thread), and queries keep
 * using the previous snapshot meanwhile (at most a second or so stale).
 */
@Component
class DirectoryIndex {

    private static final Logger log = LoggerFactory.getLogger(DirectoryIndex.class);
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    static final int ACCEPTING = 1;
    static final int NETWORK = 2;
    static final int SECTOR_1 = 4;
    static final int TELE = 8;
    static final int WHEELCHAIR = 16;
    static final int SYNTHETIC = 32;

    private final JdbcClient jdbc;
    private final Territory territory;
    private final RoadTimeModel model = RoadTimeModel.DEFAULT;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread t = new Thread(r, "directory-index");
        t.setDaemon(true);
        return t;
    });
    private final AtomicBoolean rebuildPending = new AtomicBoolean();
    private volatile @Nullable DirectorySnapshot snapshot;

    DirectoryIndex(JdbcClient jdbc, Territory territory) {
        this.jdbc = jdbc;
        this.territory = territory;
    }

    /** The current snapshot, built on first use. */
    DirectorySnapshot snapshot() {
        DirectorySnapshot s = snapshot;
        if (s == null) {
            synchronized (this) {
                s = snapshot;
                if (s == null) {
                    s = build();
                    snapshot = s;
                }
            }
        }
        return s;
    }

    /** Schedules a rebuild once the current transaction (if any) commits. */
    void refreshAfterCommit() {
        if (TransactionSynchronizationManager.isSynchronizationActive()) {
            TransactionSynchronizationManager.registerSynchronization(new TransactionSynchronization() {
                @Override
                public void afterCommit() {
                    schedule();
                }
            });
        } else {
            schedule();
        }
    }

    private void schedule() {
        if (rebuildPending.compareAndSet(false, true)) {
            worker.submit(() -> {
                rebuildPending.set(false);
                try {
                    DirectorySnapshot s = build();
                    synchronized (this) {
                        snapshot = s;
                    }
                } catch (RuntimeException e) {
                    log.error("Directory index rebuild failed; keeping the previous one", e);
                }
            });
        }
    }

    /** Replaces the snapshot (tests and benchmarks that build one without the database). */
    void replace(DirectorySnapshot s) {
        synchronized (this) {
            snapshot = s;
        }
    }

    /** Waits until every scheduled rebuild is done (tests, benchmarks). */
    void awaitRebuilds() {
        try {
            worker.submit(() -> {}).get();
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @PreDestroy
    void stop() {
        fr.traitant.app.platform.BackgroundWorkers.stop(worker, "directory index");
    }

    private DirectorySnapshot build() {
        long start = System.nanoTime();
        Communes communes = territory.engineCommunes();
        Map<String, Commune> byCode = new HashMap<>(communes.size() * 2);
        for (Commune c : communes.asList()) {
            byCode.put(c.code(), c);
        }
        DirectorySnapshotBuilder b = new DirectorySnapshotBuilder(model, byCode);
        jdbc.sql("""
                select d.id, coalesce(d.rpps, ''), coalesce(d.last_name, ''), coalesce(d.first_name, ''),
                       coalesce(d.specialty_code, ''), d.specialty, coalesce(d.fee_sector, ''), d.teleconsultation,
                       d.wheelchair_access, d.languages, d.new_patient_status, d.new_patient_capacity, d.network_member,
                       d.synthetic, coalesce(l.commune_code, d.commune_code), coalesce(l.lat, d.lat), coalesce(l.lon, d.lon),
                       coalesce(l.address, ''), coalesce(l.postal_code, '')
                  from doctor d left join practice_location l on l.doctor_id = d.id
                 where d.active order by d.id, l.ordinal""").query(rs -> {
            String code = rs.getString(5);
            MedicalSpecialty specialty = code.isEmpty()
                    ? MedicalSpecialty.representative(fr.traitant.engine.supply.Specialty.valueOf(rs.getString(6)))
                    : MedicalSpecialty.of(code);
            Array langs = rs.getArray(10);
            String[] languages = langs == null ? new String[0] : (String[]) langs.getArray();
            NewPatients status = NewPatients.valueOf(rs.getString(11));
            int flags = (status == NewPatients.ACCEPTING ? ACCEPTING : 0)
                    | (rs.getBoolean(13) ? NETWORK : 0)
                    | ("SECTOR_1".equals(rs.getString(7)) ? SECTOR_1 : 0)
                    | (rs.getBoolean(8) ? TELE : 0)
                    | (rs.getBoolean(9) ? WHEELCHAIR : 0)
                    | (rs.getBoolean(14) ? SYNTHETIC : 0);
            b.add(
                    rs.getString(1),
                    rs.getString(2),
                    rs.getString(3),
                    rs.getString(4),
                    specialty,
                    rs.getString(7),
                    languages,
                    status,
                    rs.getInt(12),
                    flags,
                    rs.getString(15),
                    rs.getDouble(16),
                    rs.getDouble(17),
                    rs.getString(18),
                    rs.getString(19));
        });
        DirectorySnapshot s = b.build();
        log.info(
                "Directory index: {} doctors, {} practice locations in {} ms",
                s.doctorCount(),
                s.entryCount(),
                (System.nanoTime() - start) / 1_000_000);
        return s;
    }

    static String normalize(String text) {
        return MARKS.matcher(Normalizer.normalize(text, Normalizer.Form.NFD))
                .replaceAll("")
                .toLowerCase(Locale.ROOT)
                .replace('-', ' ')
                .replace('\'', ' ');
    }
}
