package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.DirectoryFileParser;
import fr.traitant.engine.directory.DirectoryFileParser.Format;
import fr.traitant.engine.directory.DoctorRecord;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a directory file (national RPPS extraction or Traitant CSV): streamed line by line, validated by the
 * engine's {@link DirectoryFileParser}, staged in a temporary table and merged into the directory by RPPS
 * (idempotent upsert) — <strong>in one transaction: the file is applied whole or not at all</strong>. Any rejected
 * line refuses the file (with the full report); a dry run checks and counts, then rolls back.
 */
@Service
public class DirectoryImports {

    static final int MAX_REPORTED_REJECTIONS = 1_000;
    private static final int BATCH = 2_000;
    private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final DirectoryIndex index;
    private final Clock clock;
    private final Map<Long, Progress> running = new ConcurrentHashMap<>();
    private final AtomicLong ids = new AtomicLong();

    DirectoryImports(JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, Territory territory,
                     ApplicationEventPublisher events, DirectoryIndex index, Clock clock) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
        this.territory = territory;
        this.events = events;
        this.index = index;
        this.clock = clock;
    }

    /** An import in progress: lines read so far. */
    public record Progress(long id, String format, boolean dryRun, java.time.Instant startedAt, AtomicLong lines) {}

    /** Imports in progress (for big files). */
    public List<Progress> running() {
        return List.copyOf(running.values());
    }

    /** Thrown inside the transaction to roll it back while keeping the report. */
    private static final class Refused extends RuntimeException {
        final ImportReport report;

        Refused(ImportReport report) {
            super(report.message(), null, false, false);
            this.report = report;
        }
    }

    /**
     * Reads {@code input} (UTF-8) in {@code format}; stores nothing if {@code dryRun} or if any line is rejected.
     * Never throws for a bad file: the report says why it was refused.
     */
    public ImportReport importFile(InputStream input, Format format, boolean dryRun) {
        long id = ids.incrementAndGet();
        Progress progress = new Progress(id, format.name(), dryRun, clock.instant(), new AtomicLong());
        running.put(id, progress);
        long start = System.nanoTime();
        try {
            return transactions.execute(status -> {
                ImportReport report = run(input, format, dryRun, progress, start);
                if (report.status() != ImportReport.Status.APPLIED) {
                    throw new Refused(report);
                }
                return report;
            });
        } catch (Refused refused) {
            return refused.report;
        } finally {
            running.remove(id);
        }
    }

    private ImportReport run(InputStream input, Format format, boolean dryRun, Progress progress, long start) {
        Set<String> communes = new HashSet<>();
        territory.engineCommunes().asList().forEach(c -> communes.add(c.code()));
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lines = 0;
        long accepted = 0;
        long skipped = 0;
        long rejected = 0;
        Map<String, Long> skippedReasons = new TreeMap<>();
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        List<Object[]> batch = new ArrayList<>(BATCH);
        jdbc.sql("""
                create temp table import_row (
                    line bigint, rpps text, last_name text, first_name text, specialty_code text, specialty_group text,
                    consultations double precision, commune_code text, postal_code text, address text, organization text,
                    lat double precision, lon double precision, phone text, mssante text, fee_sector text,
                    teleconsultation boolean, wheelchair boolean, languages text, birth_year integer, new_patients text,
                    capacity integer, max_complexity integer) on commit drop""").update();
        try (BufferedReader reader = new BufferedReader(new InputStreamReader(input, decoder), 1 << 16)) {
            String header = reader.readLine();
            if (header == null) {
                return refused(format, "Le fichier est vide.", 0, start);
            }
            lines = 1;
            DirectoryFileParser parser;
            try {
                parser = DirectoryFileParser.start(format, header, communes::contains);
            } catch (IllegalArgumentException e) {
                return refused(format, e.getMessage(), lines, start);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if ((lines & 0xFFFF) == 0) {
                    progress.lines().set(lines);
                }
                if (lines % 500_000 == 0) {
                    log.info("Directory import {}: {} lines read", progress.id(), lines);
                }
                if (line.isBlank()) {
                    skipped++;
                    skippedReasons.merge("Ligne vide.", 1L, Long::sum);
                    continue;
                }
                switch (parser.parse(line, lines)) {
                    case DirectoryFileParser.Accepted a -> {
                        accepted++;
                        if (rejected == 0) {
                            batch.add(stagingRow(a.line(), a.doctor()));
                            if (batch.size() == BATCH) {
                                stage(batch);
                            }
                        }
                    }
                    case DirectoryFileParser.Skipped s -> {
                        skipped++;
                        skippedReasons.merge(s.reason(), 1L, Long::sum);
                    }
                    case DirectoryFileParser.Rejected r -> {
                        rejected++;
                        if (rejections.size() < MAX_REPORTED_REJECTIONS) {
                            rejections.add(new ImportReport.Rejection(r.line(), r.reason()));
                        }
                    }
                }
            }
        } catch (CharacterCodingException e) {
            return refused(format, "Encodage invalide vers la ligne " + (lines + 1)
                    + " : le fichier doit être en UTF-8 (l'extraction nationale l'est ; réenregistrez un CSV en « UTF-8 »).",
                    lines, start);
        } catch (IOException e) {
            return refused(format, "Lecture du fichier interrompue vers la ligne " + (lines + 1) + " : " + e.getMessage(), lines, start);
        }
        progress.lines().set(lines);
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        if (rejected > 0) {
            return new ImportReport(ImportReport.Status.REFUSED, format.name(), rejected + " ligne(s) rejetée(s) sur " + lines
                    + " : le fichier n'est pas appliqué (un fichier s'applique en entier ou pas du tout). Corrigez les lignes"
                    + " listées et importez-le de nouveau.", lines, accepted, 0, 0, 0, skipped, skippedReasons, rejected, rejections,
                    ms, lines * 1000 / ms);
        }
        if (!batch.isEmpty()) {
            stage(batch);
        }
        long[] counts = merge(format, dryRun);
        ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        String message = dryRun
                ? "Vérification sans enregistrement : " + counts[0] + " médecin(s), dont " + counts[1] + " à créer et " + counts[2]
                        + " à mettre à jour ; aucune ligne rejetée."
                : counts[0] + " médecin(s) importé(s) : " + counts[1] + " créé(s), " + counts[2] + " mis à jour.";
        return new ImportReport(dryRun ? ImportReport.Status.DRY_RUN : ImportReport.Status.APPLIED, format.name(), message, lines,
                accepted, counts[0], counts[1], counts[2], skipped, skippedReasons, 0, List.of(), ms, lines * 1000 / ms);
    }

    private ImportReport refused(Format format, String message, long lines, long start) {
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        return new ImportReport(ImportReport.Status.REFUSED, format.name(), message + " Rien n'a été enregistré.", lines, 0, 0, 0,
                0, 0, Map.of(), 0, List.of(), ms, lines * 1000 / ms);
    }

    private static Object[] stagingRow(long line, DoctorRecord d) {
        return new Object[] {line, d.rpps().value(), d.lastName(), d.firstName(), d.specialty().code(), d.specialty().group().name(),
                d.specialty().group().medianConsultationsPerYear(), d.communeCode(), d.postalCode(), d.address(),
                d.organizationName(), Double.isNaN(d.lat()) ? null : d.lat(), Double.isNaN(d.lon()) ? null : d.lon(), d.phone(),
                d.mssante(), d.feeSector() == null ? null : d.feeSector().name(), d.teleconsultation(), d.wheelchairAccess(),
                d.languages() == null ? null : String.join(",", d.languages()), d.birthYear() < 0 ? null : d.birthYear(),
                d.newPatients() == null ? null : d.newPatients().name(), d.capacity() < 0 ? null : d.capacity(),
                d.maxComplexity() < 0 ? null : d.maxComplexity()};
    }

    private void stage(List<Object[]> batch) {
        jdbcTemplate.batchUpdate("insert into import_row values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
                batch);
        batch.clear();
    }

    /** Merges the staged rows into the directory; returns {doctors, created, updated}. */
    private long[] merge(Format format, boolean dryRun) {
        jdbc.sql("""
                create temp table import_doctor on commit drop as
                select distinct on (r.rpps) r.*, coalesce(r.lat, c.lat) as main_lat, coalesce(r.lon, c.lon) as main_lon
                  from import_row r join commune c on c.code = r.commune_code
                 order by r.rpps, r.line""").update();
        long doctors = jdbc.sql("select count(*) from import_doctor").query(Long.class).single();
        long updated = jdbc.sql("select count(*) from import_doctor i join doctor d on d.rpps = i.rpps").query(Long.class).single();
        if (dryRun) {
            return new long[] {doctors, doctors - updated, updated};
        }
        // Supply before, to tell the accessibility module what changed.
        Map<String, SupplyLine> before = new java.util.HashMap<>();
        Doctors.supplyLines(jdbc, clock, "select d.id, d.commune_code, d.specialty, d.consultations_per_year, d.birth_year"
                + " from doctor d join import_doctor i on i.rpps = d.rpps where d.active").forEach(l -> before.put(l.doctorId(), l));
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                update doctor d set last_name = i.last_name, first_name = i.first_name, specialty_code = i.specialty_code,
                       specialty = i.specialty_group, commune_code = i.commune_code, lat = i.main_lat, lon = i.main_lon,
                       phone = coalesce(nullif(i.phone, ''), d.phone), mssante = coalesce(nullif(i.mssante, ''), d.mssante),
                       fee_sector = coalesce(i.fee_sector, d.fee_sector),
                       teleconsultation = coalesce(i.teleconsultation, d.teleconsultation),
                       wheelchair_access = coalesce(i.wheelchair, d.wheelchair_access),
                       languages = coalesce(string_to_array(i.languages, ','), d.languages),
                       birth_year = coalesce(i.birth_year, d.birth_year),
                       new_patient_status = coalesce(i.new_patients, d.new_patient_status),
                       new_patient_capacity = case when coalesce(i.new_patients, d.new_patient_status) = 'ACCEPTING'
                                                   then coalesce(i.capacity, d.new_patient_capacity) else 0 end,
                       max_complexity = coalesce(i.max_complexity, d.max_complexity),
                       active = true, updated_at = :now
                  from import_doctor i where d.rpps = i.rpps""").param("now", now).update();
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
                  from import_doctor i where not exists (select 1 from doctor d where d.rpps = i.rpps)""")
                .param("now", now).update();
        jdbc.sql("delete from practice_location l using doctor d, import_doctor i where l.doctor_id = d.id and d.rpps = i.rpps").update();
        jdbc.sql("""
                insert into practice_location (doctor_id, ordinal, name, address, postal_code, commune_code, lat, lon)
                select d.id, (row_number() over (partition by r.rpps order by r.line)) - 1, coalesce(r.organization, ''),
                       coalesce(r.address, ''), coalesce(r.postal_code, ''), r.commune_code, coalesce(r.lat, c.lat), coalesce(r.lon, c.lon)
                  from import_row r join doctor d on d.rpps = r.rpps join commune c on c.code = r.commune_code""").update();
        List<SupplyLine> after = Doctors.supplyLines(jdbc, clock, "select d.id, d.commune_code, d.specialty, d.consultations_per_year,"
                + " d.birth_year from doctor d join import_doctor i on i.rpps = d.rpps where d.active");
        for (SupplyLine line : after) {
            SupplyLine old = before.get(line.doctorId());
            if (old == null || !old.equals(line)) {
                events.publishEvent(new DoctorSupplyChanged(Optional.ofNullable(old), Optional.of(line)));
            }
        }
        index.refreshAfterCommit();
        log.info("Directory import ({}): {} doctors, {} created, {} updated", format, doctors, doctors - updated, updated);
        return new long[] {doctors, doctors - updated, updated};
    }
}
