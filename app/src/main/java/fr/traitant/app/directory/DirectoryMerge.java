package fr.traitant.app.directory;

import fr.traitant.engine.directory.DirectoryFormat;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Merges the rows staged by {@link DirectoryFileReader} into the directory, inside the import's transaction: doctors
 * grouped by RPPS, known ones updated only when something differs, new ones inserted, practice locations rewritten
 * only where they changed; then, for the complete national extraction, the deactivation of active doctors absent from
 * the file (with the safety rule of {@link #DEACTIVATION_ALERT_SHARE}); then the events that keep the accessibility
 * indicator, the search index and the proposal workflow in step.
 */
@Component
class DirectoryMerge {

    /** Above this many changed doctors an import publishes one {@link DirectorySupplyReloaded} instead of one event each. */
    static final int BULK_SUPPLY_THRESHOLD = 50;
    /**
     * A complete extraction that would deactivate more than this share of the active national directory stops and asks
     * for confirmation (a truncated or wrong file must not empty the directory).
     */
    static final double DEACTIVATION_ALERT_SHARE = 0.05;

    private static final Logger log = LoggerFactory.getLogger(DirectoryMerge.class);

    private final JdbcClient jdbc;
    private final ApplicationEventPublisher events;
    private final DirectoryIndex index;
    private final Clock clock;

    private final fr.traitant.app.territory.Territory territory;

    DirectoryMerge(
            JdbcClient jdbc,
            ApplicationEventPublisher events,
            DirectoryIndex index,
            Clock clock,
            fr.traitant.app.territory.Territory territory) {
        this.jdbc = jdbc;
        this.events = events;
        this.index = index;
        this.clock = clock;
        this.territory = territory;
    }

    /**
     * The communes' positions as a temporary table of this transaction ({@code import_commune}), from the territory
     * module's facade: the merge joins it instead of reading territory's tables.
     */
    private void stageCommunePositions() {
        java.util.List<fr.traitant.engine.territory.Commune> communes =
                territory.engineCommunes().asList();
        String[] codes = new String[communes.size()];
        Double[] lats = new Double[communes.size()];
        Double[] lons = new Double[communes.size()];
        for (int i = 0; i < codes.length; i++) {
            codes[i] = communes.get(i).code();
            lats[i] = communes.get(i).position().lat();
            lons[i] = communes.get(i).position().lon();
        }
        jdbc.sql("create temp table import_commune (code text primary key, lat double precision, lon double precision)"
                        + " on commit drop")
                .update();
        jdbc.sql("insert into import_commune select * from unnest(?::text[], ?::float8[], ?::float8[])")
                .params(codes, lats, lons)
                .update();
    }

    /**
     * What the merge did (or would do).
     *
     * @param deactivated         doctors of the national directory absent from a complete extraction, now inactive
     * @param activeBefore        active doctors of the national directory (not synthetic) before the merge
     * @param needsConfirmation   the deactivation is above the alert share and was not confirmed: the caller rolls back
     */
    record Counts(
            long doctors,
            long created,
            long updated,
            long unchanged,
            long deactivated,
            long activeBefore,
            boolean needsConfirmation) {}

    /**
     * What the import sets on a doctor already in the directory: column and SQL expression over the staged doctor
     * {@code i} and the stored row {@code d}. Used for the SET and, as a row comparison, to leave unchanged doctors
     * alone (no new row version, no index update: a reload of the national file mostly changes nothing).
     */
    private static final List<String[]> UPDATED_COLUMNS = List.of(
            new String[] {"last_name", "i.last_name"},
            new String[] {"first_name", "i.first_name"},
            new String[] {"specialty_code", "i.specialty_code"},
            new String[] {"specialty", "i.specialty_group"},
            new String[] {"commune_code", "i.commune_code"},
            new String[] {"lat", "i.main_lat"},
            new String[] {"lon", "i.main_lon"},
            new String[] {"phone", "coalesce(nullif(i.phone, ''), d.phone)"},
            new String[] {"mssante", "coalesce(nullif(i.mssante, ''), d.mssante)"},
            new String[] {"fee_sector", "coalesce(i.fee_sector, d.fee_sector)"},
            new String[] {"teleconsultation", "coalesce(i.teleconsultation, d.teleconsultation)"},
            new String[] {"wheelchair_access", "coalesce(i.wheelchair, d.wheelchair_access)"},
            new String[] {"languages", "coalesce(string_to_array(i.languages, ','), d.languages)"},
            new String[] {"birth_year", "coalesce(i.birth_year, d.birth_year)"},
            new String[] {"new_patient_status", "coalesce(i.new_patients, d.new_patient_status)"},
            new String[] {
                "new_patient_capacity",
                "case when coalesce(i.new_patients, d.new_patient_status) = 'ACCEPTING'"
                        + " then coalesce(i.capacity, d.new_patient_capacity) else 0 end"
            },
            new String[] {"max_complexity", "coalesce(i.max_complexity, d.max_complexity)"},
            new String[] {"active", "true"},
            new String[] {"deactivated_at", "null::timestamptz"});

    private static final String UPDATE_CHANGED = "with changed as (update doctor d set "
            + String.join(
                    ", ", UPDATED_COLUMNS.stream().map(c -> c[0] + " = " + c[1]).toList()) + ", updated_at = :now"
            + " from import_doctor i where d.rpps = i.rpps and ("
            + String.join(", ", UPDATED_COLUMNS.stream().map(c -> "d." + c[0]).toList()) + ") is distinct from ("
            + String.join(", ", UPDATED_COLUMNS.stream().map(c -> c[1]).toList()) + ") returning d.id)"
            + " insert into import_changed select id from changed";

    /** The columns of a doctor that the accessibility indicator counts (see {@link SupplyLine}). */
    private static final String SUPPLY_COLUMNS = "commune_code, specialty, consultations_per_year, birth_year, active";

    /**
     * Merges the staged rows into the directory; returns {doctors, created, updated, unchanged}. Only doctors whose
     * record or practice locations differ are written. A dry run does the same and its caller rolls the transaction
     * back.
     */
    Counts merge(ImportTracker progress) {
        boolean dryRun = progress.options.dryRun();
        DirectoryFormat format = progress.fileFormat();
        long activeBefore = jdbc.sql("select count(*) from doctor where active and not synthetic and rpps is not null")
                .query(Long.class)
                .single();
        progress.enter(ImportProgress.Phase.MERGING, "regroupement des lignes par médecin");
        stageCommunePositions();
        jdbc.sql("""
                create temp table import_doctor on commit drop as
                select distinct on (r.rpps) r.*, coalesce(r.lat, c.lat) as main_lat, coalesce(r.lon, c.lon) as main_lon
                  from import_row r join import_commune c on c.code = r.commune_code
                 order by r.rpps, r.line""").update();
        jdbc.sql("create index on import_doctor (rpps)").update();
        jdbc.sql("analyze import_doctor").update();
        long doctors =
                jdbc.sql("select count(*) from import_doctor").query(Long.class).single();
        progress.enter(ImportProgress.Phase.MERGING, "état des médecins déjà connus");
        // The known doctors and what they counted for as supply, before the merge.
        jdbc.sql("create temp table import_known on commit drop as select d.id, d."
                        + SUPPLY_COLUMNS.replace(", ", ", d.")
                        + " from doctor d join import_doctor i on i.rpps = d.rpps")
                .update();
        jdbc.sql("alter table import_known add primary key (id)").update();
        long known =
                jdbc.sql("select count(*) from import_known").query(Long.class).single();
        jdbc.sql("create temp table import_changed (id text primary key) on commit drop")
                .update();
        Timestamp now = Timestamp.from(clock.instant());
        progress.enter(ImportProgress.Phase.MERGING, "mise à jour des médecins déjà connus");
        jdbc.sql(UPDATE_CHANGED).param("now", now).update();
        progress.enter(ImportProgress.Phase.MERGING, "ajout des nouveaux médecins");
        jdbc.sql("""
                insert into doctor (id, rpps, last_name, first_name, specialty_code, specialty, commune_code, lat, lon, phone,
                                    mssante, fee_sector, teleconsultation, wheelchair_access, languages, birth_year,
                                    consultations_per_year, new_patient_status, new_patient_capacity, max_complexity,
                                    synthetic, active, updated_at)
                select i.rpps, i.rpps, i.last_name, i.first_name, i.specialty_code, i.specialty_group, i.commune_code, i.main_lat,
                       i.main_lon, nullif(i.phone, ''), nullif(i.mssante, ''), i.fee_sector, coalesce(i.teleconsultation, false),
                       coalesce(i.wheelchair, false), coalesce(string_to_array(i.languages, ','), '{}'), i.birth_year,
                       i.consultations, coalesce(i.new_patients, 'NOT_ACCEPTING'),
                       case when i.new_patients = 'ACCEPTING' then coalesce(i.capacity, 0) else 0 end,
                       coalesce(i.max_complexity, 1), false, true, :now
                  from import_doctor i where not exists (select 1 from doctor d where d.rpps = i.rpps)""").param("now", now).update();
        progress.enter(ImportProgress.Phase.MERGING, "lieux d'exercice");
        jdbc.sql("""
                create temp table import_location on commit drop as
                select d.id as doctor_id, (row_number() over (partition by r.rpps order by r.line))::integer - 1 as ordinal,
                       coalesce(r.organization, '') as name, coalesce(r.address, '') as address,
                       coalesce(r.postal_code, '') as postal_code, r.commune_code, coalesce(r.lat, c.lat) as lat,
                       coalesce(r.lon, c.lon) as lon
                  from import_row r join doctor d on d.rpps = r.rpps join import_commune c on c.code = r.commune_code""").update();
        // Doctors whose set of locations differs (new doctors have none stored yet): only theirs are rewritten.
        jdbc.sql("""
                create temp table import_location_changed on commit drop as
                select distinct doctor_id from (
                    (select doctor_id, ordinal, name, address, postal_code, commune_code, lat, lon from import_location
                     except
                     select l.doctor_id, l.ordinal, l.name, l.address, l.postal_code, l.commune_code, l.lat, l.lon
                       from practice_location l join import_known k on k.id = l.doctor_id)
                    union all
                    (select l.doctor_id, l.ordinal, l.name, l.address, l.postal_code, l.commune_code, l.lat, l.lon
                       from practice_location l join import_known k on k.id = l.doctor_id
                     except
                     select doctor_id, ordinal, name, address, postal_code, commune_code, lat, lon from import_location)) diff
                """).update();
        jdbc.sql("delete from practice_location l using import_location_changed c where l.doctor_id = c.doctor_id")
                .update();
        jdbc.sql("""
                insert into practice_location (doctor_id, ordinal, name, address, postal_code, commune_code, lat, lon)
                select l.doctor_id, l.ordinal, l.name, l.address, l.postal_code, l.commune_code, l.lat, l.lon
                  from import_location l join import_location_changed c on c.doctor_id = l.doctor_id""").update();
        jdbc.sql("""
                with moved as (update doctor d set updated_at = :now from import_location_changed c, import_known k
                                where d.id = c.doctor_id and k.id = c.doctor_id and d.updated_at <> :now returning d.id)
                insert into import_changed select id from moved on conflict do nothing""").param("now", now).update();
        long deactivated = 0;
        if (progress.options.complete()) {
            progress.enter(ImportProgress.Phase.MERGING, "médecins absents de l'extraction complète");
            // Doctors of the national directory (synthetic ones never come from it) that the complete file no longer
            // has.
            jdbc.sql("create temp table import_gone on commit drop as select d.id, d."
                            + SUPPLY_COLUMNS.replace(", ", ", d.")
                            + ", d.rpps from doctor d where d.active and not d.synthetic and d.rpps is not null"
                            + " and not exists (select 1 from import_doctor i where i.rpps = d.rpps)")
                    .update();
            deactivated = jdbc.sql("select count(*) from import_gone")
                    .query(Long.class)
                    .single();
            if (deactivated > activeBefore * DEACTIVATION_ALERT_SHARE && !progress.options.confirmDeactivation()) {
                log.warn(
                        "Directory import {}: {} of {} active doctors would be deactivated; confirmation asked",
                        progress.id,
                        deactivated,
                        activeBefore);
                return new Counts(doctors, doctors - known, 0, 0, deactivated, activeBefore, true);
            }
            jdbc.sql(
                            "update doctor d set active = false, deactivated_at = :now, updated_at = :now from import_gone g where d.id = g.id")
                    .param("now", now)
                    .update();
        }
        progress.enter(ImportProgress.Phase.MERGING, "comptes et offre de soins");
        long updated = jdbc.sql("select count(*) from import_changed c join import_known k on k.id = c.id")
                .query(Long.class)
                .single();
        long unchanged = known - updated;
        if (!dryRun) {
            if (deactivated > 0) {
                events.publishEvent(new DoctorsLeftDirectory(
                        jdbc.sql("select rpps from import_gone order by rpps")
                                .query((rs, i) -> rs.getString(1))
                                .list(),
                        now.toInstant()));
            }
            // Doctors who joined the supply, or whose counted activity or place changed.
            List<String> supplyChanged = jdbc.sql(
                            """
                    select d.id from doctor d join import_doctor i on i.rpps = d.rpps left join import_known k on k.id = d.id
                     where k.id is null or (k.%1$s) is distinct from (d.%2$s)
                     order by d.id""".formatted(SUPPLY_COLUMNS.replace(", ", ", k."), SUPPLY_COLUMNS.replace(", ", ", d.")))
                    .query((rs, i) -> rs.getString(1))
                    .list();
            // A big import is one change of the supply: one full recomputation beats thousands of incremental ones.
            if (supplyChanged.size() + deactivated > BULK_SUPPLY_THRESHOLD) {
                events.publishEvent(new DirectorySupplyReloaded(
                        (int) (supplyChanged.size() + deactivated), "import de l'annuaire n° " + progress.id));
            } else {
                if (deactivated > 0) {
                    for (SupplyLine line : Doctors.supplyLines(
                            jdbc,
                            clock,
                            "select id, commune_code, specialty, consultations_per_year,"
                                    + " birth_year from import_gone order by id")) {
                        events.publishEvent(new DoctorSupplyChanged(Optional.of(line), Optional.empty()));
                    }
                }
                if (!supplyChanged.isEmpty()) {
                    String ids = String.join(
                            ",",
                            supplyChanged.stream()
                                    .map(id -> "'" + id.replace("'", "''") + "'")
                                    .toList());
                    Map<String, SupplyLine> before = new java.util.HashMap<>();
                    Doctors.supplyLines(
                                    jdbc,
                                    clock,
                                    "select id, commune_code, specialty, consultations_per_year, birth_year"
                                            + " from import_known where active and id in (" + ids + ")")
                            .forEach(l -> before.put(l.doctorId(), l));
                    for (SupplyLine line : Doctors.supplyLines(
                            jdbc,
                            clock,
                            "select id, commune_code, specialty, consultations_per_year,"
                                    + " birth_year from doctor where active and id in (" + ids + ") order by id")) {
                        events.publishEvent(new DoctorSupplyChanged(
                                Optional.ofNullable(before.get(line.doctorId())), Optional.of(line)));
                    }
                }
            }
            index.refreshAfterCommit();
        }
        return finish(progress, format, doctors, known, updated, unchanged, deactivated, activeBefore);
    }

    private static Counts finish(
            ImportTracker progress,
            DirectoryFormat format,
            long doctors,
            long known,
            long updated,
            long unchanged,
            long deactivated,
            long activeBefore) {
        progress.enter(ImportProgress.Phase.MERGING, "fin de la fusion");
        log.info(
                "Directory import {} ({}{}): {} doctors, {} created, {} updated, {} unchanged, {} deactivated",
                progress.id,
                format,
                progress.options.dryRun() ? ", dry run" : "",
                doctors,
                doctors - known,
                updated,
                unchanged,
                deactivated);
        log.info("Directory import {}: merge steps (ms) {}", progress.id, progress.stepMillis);
        return new Counts(doctors, doctors - known, updated, unchanged, deactivated, activeBefore, false);
    }
}
