package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.DirectoryFileParser;
import fr.traitant.engine.directory.DirectoryFileParser.Format;
import fr.traitant.engine.directory.DoctorRecord;
import fr.traitant.app.identity.CurrentUser;
import jakarta.annotation.PreDestroy;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.ApplicationEventPublisher;
import org.springframework.context.event.EventListener;
import org.springframework.dao.DuplicateKeyException;
import java.io.StringReader;
import java.sql.Connection;
import java.sql.SQLException;
import javax.sql.DataSource;
import org.postgresql.PGConnection;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Imports a directory file (national RPPS extraction or Traitant CSV): streamed line by line, validated by the
 * engine's {@link DirectoryFileParser}, staged in a temporary table and merged into the directory by RPPS
 * (idempotent upsert) — <strong>in one transaction: the file is applied whole or not at all</strong>. Any rejected
 * line refuses the file (with the full report); a dry run does the whole merge, counts, then rolls back.
 *
 * <p>One import at a time (in memory on this instance, and in the database by a unique index on the running row of
 * {@code directory_import}); every import, synchronous ({@link #importFile}) or in the background ({@link #start}),
 * is kept in the history with who started it, its progress while it runs and its result (ADR 0040).
 */
@Service
public class DirectoryImports {

    /** Rejected lines listed in an {@link ImportReport} (the API's answer). */
    static final int MAX_REPORTED_REJECTIONS = 1_000;
    /** Invalid values (left empty) named in the report's message; the rest are counted. */
    static final int MAX_REPORTED_WARNINGS = 20;
    /** Rejected lines kept in the history for the status page and its CSV download. */
    static final int MAX_STORED_REJECTIONS = 100_000;
    /** Above this many changed doctors an import publishes one {@link DirectorySupplyReloaded} instead of one event each. */
    static final int BULK_SUPPLY_THRESHOLD = 50;
    private static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final TransactionTemplate transactions;
    private final Territory territory;
    private final ApplicationEventPublisher events;
    private final DirectoryIndex index;
    private final Clock clock;
    private final ImportHistory history;
    private final CurrentUser currentUser;
    private final AtomicReference<Tracker> current = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "directory-import");
        thread.setDaemon(true);
        return thread;
    });

    DirectoryImports(JdbcClient jdbc, DataSource dataSource, TransactionTemplate transactions, Territory territory,
                     ApplicationEventPublisher events, DirectoryIndex index, Clock clock, ImportHistory history,
                     CurrentUser currentUser) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.transactions = transactions;
        this.territory = territory;
        this.events = events;
        this.index = index;
        this.clock = clock;
        this.history = history;
        this.currentUser = currentUser;
    }

    /** What a running import has done so far; written by the import's thread, read by status requests. */
    private final class Tracker {
        volatile long id;
        final String format;
        final boolean dryRun;
        final String fileName;
        final String startedBy;
        final Instant startedAt;
        final long totalBytes;
        final long startNanos = System.nanoTime();
        final AtomicLong lines = new AtomicLong();
        final AtomicLong bytes = new AtomicLong();
        volatile ImportProgress.Phase phase = ImportProgress.Phase.READING;
        volatile String step = "lecture et vérification des lignes";

        Tracker(Format format, boolean dryRun, String fileName, String startedBy, long totalBytes) {
            this.format = format.name();
            this.dryRun = dryRun;
            this.fileName = fileName;
            this.startedBy = startedBy;
            this.startedAt = clock.instant();
            this.totalBytes = totalBytes;
        }

        ImportProgress snapshot() {
            long ms = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
            long l = lines.get();
            return new ImportProgress(id, format, dryRun, fileName, startedBy, startedAt, phase, step, l, bytes.get(), totalBytes,
                    ms, l * 1000 / ms);
        }

        /** Milliseconds spent in each step of the merge, in order (logged: where a big import spends its time). */
        final Map<String, Long> stepMillis = new java.util.LinkedHashMap<>();
        private long stepStart = System.nanoTime();

        void enter(ImportProgress.Phase phase, String step) {
            long now = System.nanoTime();
            if (this.phase == ImportProgress.Phase.MERGING) {
                stepMillis.merge(this.step, (now - stepStart) / 1_000_000, Long::sum);
            }
            stepStart = now;
            this.phase = phase;
            this.step = step;
        }
    }

    /** Counts the bytes read, for the progress bar. */
    private static final class CountingInputStream extends FilterInputStream {
        private final AtomicLong count;

        CountingInputStream(InputStream in, AtomicLong count) {
            super(in);
            this.count = count;
        }

        @Override
        public int read() throws IOException {
            int b = super.read();
            if (b >= 0) {
                count.incrementAndGet();
            }
            return b;
        }

        @Override
        public int read(byte[] buffer, int offset, int length) throws IOException {
            int n = super.read(buffer, offset, length);
            if (n > 0) {
                count.addAndGet(n);
            }
            return n;
        }
    }

    /** Imports in progress (for big files): at most one. */
    public List<ImportProgress> running() {
        Tracker t = current.get();
        return t == null || t.id == 0 ? List.of() : List.of(t.snapshot());
    }

    /** The import in the history with this number, with its live progress while it runs here. */
    public Optional<ImportJob> find(long id) {
        return history.find(id).map(job -> {
            Tracker t = current.get();
            if (job.running() && t != null && t.id == id) {
                return withProgress(job, t.snapshot());
            }
            return job;
        });
    }

    private static ImportJob withProgress(ImportJob j, ImportProgress p) {
        return new ImportJob(j.id(), j.format(), j.fileName(), j.fileBytes(), j.dryRun(), j.startedBy(), j.startedAt(),
                j.finishedAt(), j.status(), j.message(), p.lines(), j.acceptedRows(), j.doctors(), j.created(), j.updated(),
                j.unchanged(), j.skipped(), j.rejected(), p.elapsedMs(), j.stagingMs(), j.mergeMs(), Optional.of(p));
    }

    /** The last {@code limit} imports, newest first. */
    /** The imports, newest first, page by page. */
    public fr.traitant.app.platform.ListPage<ImportJob> history(fr.traitant.app.platform.ListRequest request) {
        return history.page(request);
    }

    public List<ImportJob> recent(int limit) {
        return history.recent(limit);
    }

    /** Rejected lines of an import, in line order (at most {@value #MAX_STORED_REJECTIONS} are kept). */
    public List<ImportReport.Rejection> rejections(long id, int offset, int limit) {
        return history.rejections(id, offset, limit);
    }

    /** Number of rejected lines kept for an import. */
    public long storedRejections(long id) {
        return history.storedRejections(id);
    }

    /** Writes the kept rejected lines of an import as CSV ({@code ligne;raison}). */
    public void writeRejectionsCsv(long id, java.io.Writer out) {
        history.writeRejectionsCsv(id, out);
    }

    /** Marks imports that a stopped instance left running as failed (nothing of them was committed). */
    @EventListener(ApplicationReadyEvent.class)
    void failInterrupted() {
        int n = history.failInterrupted(clock.instant());
        if (n > 0) {
            log.warn("{} directory import(s) interrupted by a stop marked as failed", n);
        }
        removeLeftUploads(Path.of(System.getProperty("java.io.tmpdir")),
                java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean().getStartTime()));
    }

    /** Prefix of the temporary copies of uploaded directory files (deleted when their import ends). */
    public static final String UPLOAD_PREFIX = "traitant-annuaire-";

    /**
     * Deletes the uploaded files that an instance stopped by a crash left in {@code directory}: those written before
     * {@code startedAt} (this instance's start), which no running import of this instance can be reading.
     *
     * @return how many were deleted
     */
    static int removeLeftUploads(Path directory, java.time.Instant startedAt) {
        int removed = 0;
        long bytes = 0;
        try (var files = Files.newDirectoryStream(directory, UPLOAD_PREFIX + "*.upload")) {
            for (Path file : files) {
                try {
                    if (Files.getLastModifiedTime(file).toInstant().isBefore(startedAt)) {
                        long size = Files.size(file);
                        if (Files.deleteIfExists(file)) {
                            removed++;
                            bytes += size;
                        }
                    }
                } catch (IOException e) {
                    log.warn("Could not remove the left-over upload {}: {}", file, e.getMessage());
                }
            }
        } catch (IOException e) {
            log.warn("Could not look for left-over uploads in {}: {}", directory, e.getMessage());
        }
        if (removed > 0) {
            log.warn("Removed {} upload(s) ({} bytes) left by an instance that stopped during an import", removed, bytes);
        }
        return removed;
    }

    @PreDestroy
    void stop() {
        worker.shutdownNow();
    }

    /** Thrown inside the transaction to roll it back while keeping the report. */
    private static final class Refused extends RuntimeException {
        final Outcome outcome;

        Refused(Outcome outcome) {
            super(outcome.report().message(), null, false, false);
            this.outcome = outcome;
        }
    }

    /** A report and every rejected line kept for the history. */
    private record Outcome(ImportReport report, List<ImportReport.Rejection> rejections) {}

    /**
     * Reads {@code input} (UTF-8) in {@code format} now, on the caller's thread; stores nothing if {@code dryRun} or
     * if any line is rejected. Never throws for a bad file: the report says why it was refused.
     *
     * @throws ImportAlreadyRunningException if another import runs
     */
    public ImportReport importFile(InputStream input, Format format, boolean dryRun) {
        return importFile(input, format, dryRun, "", 0);
    }

    /** As {@link #importFile(InputStream, Format, boolean)}, with the file's name and size for the history. */
    public ImportReport importFile(InputStream input, Format format, boolean dryRun, String fileName, long totalBytes) {
        Tracker tracker = begin(format, dryRun, fileName, totalBytes);
        return execute(tracker, input);
    }

    /**
     * Starts importing {@code file} in the background and returns the import's number at once; the file is deleted
     * when the import ends (or if it cannot start). Follow it with {@link #find(long)}.
     *
     * @throws ImportAlreadyRunningException if another import runs
     */
    public long start(Path file, Format format, boolean dryRun, String fileName) throws IOException {
        Tracker tracker;
        try {
            tracker = begin(format, dryRun, fileName, Files.size(file));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        worker.submit(() -> {
            try (InputStream in = Files.newInputStream(file)) {
                execute(tracker, in);
            } catch (IOException | RuntimeException e) {
                log.error("Directory import {} failed", tracker.id, e);
            } finally {
                try {
                    Files.deleteIfExists(file);
                } catch (IOException e) {
                    log.warn("Could not delete the uploaded directory file {}", file, e);
                }
            }
        });
        return tracker.id;
    }

    private Tracker begin(Format format, boolean dryRun, String fileName, long totalBytes) {
        String startedBy = currentUser.find().map(u -> u.username()).orElse("système");
        Tracker tracker = new Tracker(format, dryRun, fileName == null ? "" : fileName, startedBy, totalBytes);
        if (!current.compareAndSet(null, tracker)) {
            Tracker other = current.get();
            throw new ImportAlreadyRunningException(Optional.ofNullable(other).filter(o -> o.id != 0).map(Tracker::snapshot));
        }
        try {
            tracker.id = history.start(format.name(), tracker.fileName, totalBytes, dryRun, startedBy, tracker.startedAt);
        } catch (DuplicateKeyException e) {
            current.compareAndSet(tracker, null);
            throw new ImportAlreadyRunningException(Optional.empty()); // running on another instance
        } catch (RuntimeException e) {
            current.compareAndSet(tracker, null);
            throw e;
        }
        return tracker;
    }

    private ImportReport execute(Tracker tracker, InputStream input) {
        Format format = Format.valueOf(tracker.format);
        try {
            Outcome outcome;
            try {
                outcome = transactions.execute(status -> {
                    Outcome o = run(new CountingInputStream(input, tracker.bytes), format, tracker.dryRun, tracker);
                    if (o.report().status() != ImportReport.Status.APPLIED) {
                        throw new Refused(o);
                    }
                    return o;
                });
            } catch (Refused refused) {
                outcome = refused.outcome;
            }
            tracker.enter(ImportProgress.Phase.FINISHING, "enregistrement du compte rendu");
            Outcome done = outcome;
            transactions.executeWithoutResult(status -> history.finish(tracker.id, done.report(), done.rejections(), clock.instant()));
            return outcome.report();
        } catch (RuntimeException e) {
            log.error("Directory import {} failed", tracker.id, e);
            long ms = (System.nanoTime() - tracker.startNanos) / 1_000_000;
            try {
                history.fail(tracker.id, "Erreur inattendue pendant l'import : rien n'a été enregistré. Elle a été journalisée ;"
                        + " réessayez ou signalez-la.", ms, clock.instant());
            } catch (RuntimeException again) {
                log.error("Could not record the failure of directory import {}", tracker.id, again);
            }
            throw e;
        } finally {
            current.compareAndSet(tracker, null);
        }
    }

    private Outcome run(InputStream input, Format format, boolean dryRun, Tracker progress) {
        long start = progress.startNanos;
        Set<String> communes = new HashSet<>();
        territory.engineCommunes().asList().forEach(c -> communes.add(c.code()));
        var decoder = StandardCharsets.UTF_8.newDecoder().onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lines = 0;
        long accepted = 0;
        long skipped = 0;
        long rejected = 0;
        long warned = 0;
        List<String> warnings = new ArrayList<>();
        long[] stagingNanos = {0};
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
                return refused(format, "Le fichier est vide.", 0, start, progress);
            }
            lines = 1;
            DirectoryFileParser parser;
            try {
                parser = DirectoryFileParser.start(format, header, communes::contains);
            } catch (IllegalArgumentException e) {
                return refused(format, e.getMessage(), lines, start, progress);
            }
            String line;
            while ((line = reader.readLine()) != null) {
                lines++;
                if ((lines & 0x3FF) == 0) {
                    progress.lines.set(lines);
                }
                if (lines % 500_000 == 0) {
                    log.info("Directory import {}: {} lines read", progress.id, lines);
                }
                if (line.isBlank()) {
                    skipped++;
                    skippedReasons.merge("Ligne vide.", 1L, Long::sum);
                    continue;
                }
                switch (parser.parse(line, lines)) {
                    case DirectoryFileParser.Accepted a -> {
                        accepted++;
                        for (String warning : a.warnings()) {
                            warned++;
                            if (warnings.size() < MAX_REPORTED_WARNINGS) {
                                warnings.add("ligne " + a.line() + " : " + warning);
                            }
                        }
                        if (rejected == 0) {
                            batch.add(stagingRow(a.line(), a.doctor()));
                            if (batch.size() == BATCH) {
                                stage(batch, stagingNanos);
                            }
                        }
                    }
                    case DirectoryFileParser.Skipped s -> {
                        skipped++;
                        skippedReasons.merge(s.reason(), 1L, Long::sum);
                    }
                    case DirectoryFileParser.Rejected r -> {
                        rejected++;
                        if (rejections.size() < MAX_STORED_REJECTIONS) {
                            rejections.add(new ImportReport.Rejection(r.line(), r.reason()));
                        }
                    }
                }
            }
        } catch (CharacterCodingException e) {
            return refused(format, "Encodage invalide vers la ligne " + (lines + 1)
                    + " : le fichier doit être en UTF-8 (l'extraction nationale l'est ; réenregistrez un CSV en « UTF-8 »).",
                    lines, start, progress);
        } catch (IOException e) {
            return refused(format, "Lecture du fichier interrompue vers la ligne " + (lines + 1) + " : " + e.getMessage(), lines,
                    start, progress);
        }
        progress.lines.set(lines);
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        if (rejected > 0) {
            List<ImportReport.Rejection> reported = rejections.subList(0, Math.min(rejections.size(), MAX_REPORTED_REJECTIONS));
            return new Outcome(new ImportReport(ImportReport.Status.REFUSED, format.name(), rejected + " ligne(s) rejetée(s) sur " + lines
                    + " : le fichier n'est pas appliqué (un fichier s'applique en entier ou pas du tout). Corrigez les lignes"
                    + " listées et importez-le de nouveau.", lines, accepted, 0, 0, 0, skipped, skippedReasons, rejected, reported,
                    ms, lines * 1000 / ms, 0, stagingNanos[0] / 1_000_000, 0, progress.id), rejections);
        }
        if (!batch.isEmpty()) {
            stage(batch, stagingNanos);
        }
        progress.enter(ImportProgress.Phase.MERGING, "fusion en base");
        long mergeStart = System.nanoTime();
        long[] counts = merge(format, dryRun, progress);
        long mergeMs = (System.nanoTime() - mergeStart) / 1_000_000;
        ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        String message = dryRun
                ? "Vérification sans enregistrement : " + counts[0] + " médecin(s), dont " + counts[1] + " à créer, " + counts[2]
                        + " à mettre à jour et " + counts[3] + " inchangé(s) ; aucune ligne rejetée."
                : counts[0] + " médecin(s) importé(s) : " + counts[1] + " créé(s), " + counts[2] + " mis à jour, " + counts[3]
                        + " inchangé(s).";
        if (warned > 0) {
            message += " " + warned + " valeur(s) invalide(s) laissée(s) vide(s) (téléphone, adresse MSSanté ou code postal) — "
                    + String.join(" ; ", warnings) + (warned > warnings.size() ? " ; …" : "");
        }
        return new Outcome(new ImportReport(dryRun ? ImportReport.Status.DRY_RUN : ImportReport.Status.APPLIED, format.name(), message,
                lines, accepted, counts[0], counts[1], counts[2], skipped, skippedReasons, 0, List.of(), ms, lines * 1000 / ms,
                counts[3], stagingNanos[0] / 1_000_000, mergeMs, progress.id), List.of());
    }

    private static Outcome refused(Format format, String message, long lines, long start, Tracker progress) {
        long ms = Math.max(1, (System.nanoTime() - start) / 1_000_000);
        return new Outcome(new ImportReport(ImportReport.Status.REFUSED, format.name(), message + " Rien n'a été enregistré.", lines,
                0, 0, 0, 0, 0, Map.of(), 0, List.of(), ms, lines * 1000 / ms, 0, 0, 0, progress.id), List.of());
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

    /**
     * Writes a batch of valid rows into the staging table with COPY (CSV: an unquoted empty field is NULL, a quoted
     * one an empty text), on the import transaction's own connection.
     */
    private void stage(List<Object[]> batch, long[] nanos) {
        long t = System.nanoTime();
        StringBuilder csv = new StringBuilder(batch.size() * 160);
        for (Object[] row : batch) {
            for (int i = 0; i < row.length; i++) {
                if (i > 0) {
                    csv.append(',');
                }
                if (row[i] != null) {
                    csv.append('"').append(row[i].toString().replace("\"", "\"\"")).append('"');
                }
            }
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection.unwrap(PGConnection.class).getCopyAPI()
                    .copyIn("copy import_row from stdin (format csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Staging of the import failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        batch.clear();
        nanos[0] += System.nanoTime() - t;
    }

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
            new String[] {"new_patient_capacity", "case when coalesce(i.new_patients, d.new_patient_status) = 'ACCEPTING'"
                    + " then coalesce(i.capacity, d.new_patient_capacity) else 0 end"},
            new String[] {"max_complexity", "coalesce(i.max_complexity, d.max_complexity)"},
            new String[] {"active", "true"});

    private static final String UPDATE_CHANGED = "with changed as (update doctor d set "
            + String.join(", ", UPDATED_COLUMNS.stream().map(c -> c[0] + " = " + c[1]).toList()) + ", updated_at = :now"
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
    private long[] merge(Format format, boolean dryRun, Tracker progress) {
        progress.enter(ImportProgress.Phase.MERGING, "regroupement des lignes par médecin");
        jdbc.sql("""
                create temp table import_doctor on commit drop as
                select distinct on (r.rpps) r.*, coalesce(r.lat, c.lat) as main_lat, coalesce(r.lon, c.lon) as main_lon
                  from import_row r join commune c on c.code = r.commune_code
                 order by r.rpps, r.line""").update();
        jdbc.sql("create index on import_doctor (rpps)").update();
        jdbc.sql("analyze import_doctor").update();
        long doctors = jdbc.sql("select count(*) from import_doctor").query(Long.class).single();
        progress.enter(ImportProgress.Phase.MERGING, "état des médecins déjà connus");
        // The known doctors and what they counted for as supply, before the merge.
        jdbc.sql("create temp table import_known on commit drop as select d.id, d." + SUPPLY_COLUMNS.replace(", ", ", d.")
                + " from doctor d join import_doctor i on i.rpps = d.rpps").update();
        jdbc.sql("alter table import_known add primary key (id)").update();
        long known = jdbc.sql("select count(*) from import_known").query(Long.class).single();
        jdbc.sql("create temp table import_changed (id text primary key) on commit drop").update();
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
                  from import_doctor i where not exists (select 1 from doctor d where d.rpps = i.rpps)""")
                .param("now", now).update();
        progress.enter(ImportProgress.Phase.MERGING, "lieux d'exercice");
        jdbc.sql("""
                create temp table import_location on commit drop as
                select d.id as doctor_id, (row_number() over (partition by r.rpps order by r.line))::integer - 1 as ordinal,
                       coalesce(r.organization, '') as name, coalesce(r.address, '') as address,
                       coalesce(r.postal_code, '') as postal_code, r.commune_code, coalesce(r.lat, c.lat) as lat,
                       coalesce(r.lon, c.lon) as lon
                  from import_row r join doctor d on d.rpps = r.rpps join commune c on c.code = r.commune_code""").update();
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
        jdbc.sql("delete from practice_location l using import_location_changed c where l.doctor_id = c.doctor_id").update();
        jdbc.sql("""
                insert into practice_location (doctor_id, ordinal, name, address, postal_code, commune_code, lat, lon)
                select l.doctor_id, l.ordinal, l.name, l.address, l.postal_code, l.commune_code, l.lat, l.lon
                  from import_location l join import_location_changed c on c.doctor_id = l.doctor_id""").update();
        jdbc.sql("""
                with moved as (update doctor d set updated_at = :now from import_location_changed c, import_known k
                                where d.id = c.doctor_id and k.id = c.doctor_id and d.updated_at <> :now returning d.id)
                insert into import_changed select id from moved on conflict do nothing""").param("now", now).update();
        progress.enter(ImportProgress.Phase.MERGING, "comptes et offre de soins");
        long updated = jdbc.sql("select count(*) from import_changed c join import_known k on k.id = c.id").query(Long.class).single();
        long unchanged = known - updated;
        if (!dryRun) {
            // Doctors who joined the supply, or whose counted activity or place changed.
            List<String> supplyChanged = jdbc.sql("""
                    select d.id from doctor d join import_doctor i on i.rpps = d.rpps left join import_known k on k.id = d.id
                     where k.id is null or (k.%1$s) is distinct from (d.%2$s)
                     order by d.id""".formatted(SUPPLY_COLUMNS.replace(", ", ", k."), SUPPLY_COLUMNS.replace(", ", ", d.")))
                    .query(String.class).list();
            // A big import is one change of the supply: one full recomputation beats thousands of incremental ones.
            if (supplyChanged.size() > BULK_SUPPLY_THRESHOLD) {
                events.publishEvent(new DirectorySupplyReloaded(supplyChanged.size(), "import de l'annuaire n° " + progress.id));
            } else if (!supplyChanged.isEmpty()) {
                String ids = String.join(",", supplyChanged.stream().map(id -> "'" + id.replace("'", "''") + "'").toList());
                Map<String, SupplyLine> before = new java.util.HashMap<>();
                Doctors.supplyLines(jdbc, clock, "select id, commune_code, specialty, consultations_per_year, birth_year"
                        + " from import_known where active and id in (" + ids + ")").forEach(l -> before.put(l.doctorId(), l));
                for (SupplyLine line : Doctors.supplyLines(jdbc, clock, "select id, commune_code, specialty, consultations_per_year,"
                        + " birth_year from doctor where active and id in (" + ids + ") order by id")) {
                    events.publishEvent(new DoctorSupplyChanged(Optional.ofNullable(before.get(line.doctorId())), Optional.of(line)));
                }
            }
            index.refreshAfterCommit();
            log.info("Directory import {} ({}): {} doctors, {} created, {} updated, {} unchanged", progress.id, format, doctors,
                    doctors - known, updated, unchanged);
        }
        progress.enter(ImportProgress.Phase.MERGING, "fin de la fusion");
        log.info("Directory import {}: merge steps (ms) {}", progress.id, progress.stepMillis);
        return new long[] {doctors, doctors - known, updated, unchanged};
    }
}
