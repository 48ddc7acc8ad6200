package fr.traitant.app.directory;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.engine.directory.DirectoryFormat;
import jakarta.annotation.PreDestroy;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facade: imports a directory file (national RPPS extraction or Traitant CSV) — read and validated line by line by
 * {@link DirectoryFileReader}, merged by RPPS by {@link DirectoryMerge}, reported by {@link ImportReports} — <strong>in
 * one transaction: the file is applied whole or not at all</strong>. Any rejected line refuses the file (with the full
 * report); a dry run does the whole merge, counts, then rolls back. A complete national extraction
 * ({@link ImportOptions#complete()}) deactivates the doctors it no longer lists, and stops to ask for confirmation when
 * that would be more than 5 % of the active directory (ADR 0062).
 *
 * <p>One import at a time (in memory on this instance, and in the database by a unique index on the running row of
 * {@code directory_import}); every import, synchronous ({@link #importFile}) or in the background ({@link #start}),
 * is kept in the history with who started it, its progress while it runs and its result (ADR 0040).
 */
@Service
public class DirectoryImports implements org.springframework.beans.factory.SmartInitializingSingleton {

    /** Rejected lines listed in an {@link ImportReport} (the API's answer). */
    static final int MAX_REPORTED_REJECTIONS = 1_000;
    /** Rejected lines and warnings kept in the history for the status page and its CSV download. */
    static final int MAX_STORED_REJECTIONS = DirectoryFileReader.MAX_STORED_LINES;
    /** Prefix of the temporary copies of uploaded directory files (deleted when their import ends). */
    public static final String UPLOAD_PREFIX = "traitant-annuaire-";

    private static final Logger log = LoggerFactory.getLogger(DirectoryImports.class);

    private final TransactionTemplate transactions;
    private final DirectoryFileReader reader;
    private final DirectoryMerge merge;
    private final Clock clock;
    private final ImportHistory history;
    private final CurrentUser currentUser;
    private final Path uploads = Path.of(System.getProperty("java.io.tmpdir"));
    private final AtomicReference<@Nullable ImportTracker> current = new AtomicReference<>();
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "directory-import");
        thread.setDaemon(true);
        return thread;
    });

    DirectoryImports(
            TransactionTemplate transactions,
            DirectoryFileReader reader,
            DirectoryMerge merge,
            Clock clock,
            ImportHistory history,
            CurrentUser currentUser) {
        this.transactions = transactions;
        this.reader = reader;
        this.merge = merge;
        this.clock = clock;
        this.history = history;
        this.currentUser = currentUser;
    }

    /** Imports in progress (for big files): at most one. */
    public List<ImportProgress> running() {
        ImportTracker t = current.get();
        return t == null || t.id == 0 ? List.of() : List.of(t.snapshot());
    }

    /** The import in the history with this number, with its live progress while it runs here. */
    public Optional<ImportJob> find(long id) {
        return history.find(id).map(job -> {
            ImportTracker t = current.get();
            if (job.running() && t != null && t.id == id) {
                return withProgress(job, t.snapshot());
            }
            return job;
        });
    }

    private static ImportJob withProgress(ImportJob j, ImportProgress p) {
        return new ImportJob(
                j.id(),
                j.format(),
                j.fileName(),
                j.fileBytes(),
                j.dryRun(),
                j.startedBy(),
                j.startedAt(),
                j.finishedAt(),
                j.status(),
                j.message(),
                p.lines(),
                j.acceptedRows(),
                j.doctors(),
                j.created(),
                j.updated(),
                j.unchanged(),
                j.skipped(),
                j.rejected(),
                p.elapsedMs(),
                j.stagingMs(),
                j.mergeMs(),
                j.complete(),
                j.deactivated(),
                j.warned(),
                Optional.of(p));
    }

    /** The imports, newest first, page by page. */
    public fr.traitant.app.platform.ListPage<ImportJob> history(fr.traitant.app.platform.ListRequest request) {
        return history.page(request);
    }

    public List<ImportJob> recent(int limit) {
        return history.recent(limit);
    }

    /** Rejected lines of an import, in line order (at most {@value #MAX_STORED_REJECTIONS} are kept). */
    public List<ImportReport.Rejection> rejections(long id, int offset, int limit) {
        return history.lines(id, ImportHistory.LineKind.REJECTED, offset, limit);
    }

    /** Number of rejected lines kept for an import. */
    public long storedRejections(long id) {
        return history.storedLines(id, ImportHistory.LineKind.REJECTED);
    }

    /** Lines kept with a warning (e.g. a specialty code outside the table), in line order. */
    public List<ImportReport.Rejection> warnings(long id, int offset, int limit) {
        return history.lines(id, ImportHistory.LineKind.WARNING, offset, limit);
    }

    /** Number of warnings kept for an import. */
    public long storedWarnings(long id) {
        return history.storedLines(id, ImportHistory.LineKind.WARNING);
    }

    /** Writes the kept rejected lines of an import as CSV ({@code ligne;raison}). */
    public void writeRejectionsCsv(long id, java.io.Writer out) {
        history.writeLinesCsv(id, ImportHistory.LineKind.REJECTED, out);
    }

    /** Writes the kept warnings of an import as CSV ({@code ligne;avertissement}). */
    public void writeWarningsCsv(long id, java.io.Writer out) {
        history.writeLinesCsv(id, ImportHistory.LineKind.WARNING, out);
    }

    /**
     * Marks imports that a stopped instance left running as failed (nothing of them was committed) — before the web
     * server opens, so that nobody is shown a dead import as running (ApplicationCrashTest asked just after a restart).
     */
    @Override
    public void afterSingletonsInstantiated() {
        failInterrupted();
    }

    void failInterrupted() {
        int n = history.failInterrupted(clock.instant());
        if (n > 0) {
            log.warn("{} directory import(s) interrupted by a stop marked as failed", n);
        }
        removeLeftUploads(
                uploads,
                java.time.Instant.ofEpochMilli(java.lang.management.ManagementFactory.getRuntimeMXBean()
                        .getStartTime()));
    }

    /**
     * Deletes the uploaded files that an instance stopped by a crash left in {@code directory}: those written before
     * {@code startedAt} (this instance's start), which no running import of this instance can be reading.
     *
     * @return how many were deleted
     */
    static int removeLeftUploads(Path directory, java.time.Instant startedAt) {
        int removed = 0;
        long bytes = 0;
        try (var files = Files.newDirectoryStream(directory, UPLOAD_PREFIX + "*.{upload,pending}")) {
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
            log.warn(
                    "Removed {} upload(s) ({} bytes) left by an instance that stopped during an import",
                    removed,
                    bytes);
        }
        return removed;
    }

    @PreDestroy
    void stop() {
        fr.traitant.app.platform.BackgroundWorkers.stop(worker, "directory imports");
    }

    /** Thrown inside the transaction to roll it back while keeping the report. */
    private static final class Refused extends RuntimeException {
        final ImportReports.Outcome outcome;

        Refused(ImportReports.Outcome outcome) {
            super(outcome.report().message(), null, false, false);
            this.outcome = outcome;
        }
    }

    /**
     * Reads {@code input} (UTF-8) in {@code format} now, on the caller's thread, as a partial update (nobody
     * deactivated); stores nothing if {@code dryRun} or if any line is rejected. Never throws for a bad file: the
     * report says why it was refused.
     *
     * @throws ImportAlreadyRunningException if another import runs
     */
    public ImportReport importFile(InputStream input, DirectoryFormat format, boolean dryRun) {
        return importFile(input, format, ImportOptions.partial(dryRun), "", 0);
    }

    /** As {@link #importFile(InputStream, DirectoryFormat, boolean)}, with the file's name and size for the history. */
    public ImportReport importFile(
            InputStream input, DirectoryFormat format, boolean dryRun, String fileName, long totalBytes) {
        return importFile(input, format, ImportOptions.partial(dryRun), fileName, totalBytes);
    }

    /** Imports now, on the caller's thread, with these options. */
    public ImportReport importFile(
            InputStream input, DirectoryFormat format, ImportOptions options, String fileName, long totalBytes) {
        ImportTracker tracker = begin(format, options, fileName, totalBytes);
        return execute(tracker, input);
    }

    /** As {@link #start(Path, DirectoryFormat, ImportOptions, String)} for a partial update. */
    public long start(Path file, DirectoryFormat format, boolean dryRun, String fileName) throws IOException {
        return start(file, format, ImportOptions.partial(dryRun), fileName);
    }

    /**
     * Starts importing {@code file} in the background and returns the import's number at once; the file is deleted
     * when the import ends (or if it cannot start) — except when the import stops to ask for confirmation: then it is
     * kept for {@link #confirm(long)}. Follow it with {@link #find(long)}.
     *
     * @throws ImportAlreadyRunningException if another import runs
     */
    public long start(Path file, DirectoryFormat format, ImportOptions options, String fileName) throws IOException {
        ImportTracker tracker;
        try {
            tracker = begin(format, options, fileName, Files.size(file));
        } catch (RuntimeException | IOException e) {
            Files.deleteIfExists(file);
            throw e;
        }
        worker.submit(() -> {
            boolean keep = false;
            try (InputStream in = Files.newInputStream(file)) {
                keep = execute(tracker, in).status() == ImportReport.Status.NEEDS_CONFIRMATION;
            } catch (IOException | RuntimeException e) {
                log.error("Directory import {} failed", tracker.id, e);
            } finally {
                try {
                    if (keep) {
                        Files.move(file, pendingFile(tracker.id), StandardCopyOption.REPLACE_EXISTING);
                    } else {
                        Files.deleteIfExists(file);
                    }
                } catch (IOException e) {
                    log.warn("Could not delete or keep the uploaded directory file {}", file, e);
                }
            }
        });
        return tracker.id;
    }

    /** Whether the file of an import that asks for confirmation is still here (until the next restart). */
    public boolean canConfirm(long id) {
        return history.find(id)
                        .filter(j -> j.status().equals(ImportReport.Status.NEEDS_CONFIRMATION.name()))
                        .isPresent()
                && Files.exists(pendingFile(id));
    }

    /**
     * Applies again, confirmed, the file of an import that stopped to ask for confirmation of a large deactivation.
     *
     * @return the new import's number
     * @throws IllegalStateException (French message) when there is nothing to confirm
     */
    public long confirm(long id) throws IOException {
        ImportJob job = history.find(id).orElseThrow(() -> new IllegalStateException("Import introuvable."));
        if (!canConfirm(id)) {
            throw new IllegalStateException(
                    "Cet import n'attend pas de confirmation, ou son fichier n'est plus disponible :"
                            + " importez de nouveau le fichier en cochant la confirmation.");
        }
        Path file = Files.move(
                pendingFile(id),
                Files.createTempFile(uploads, UPLOAD_PREFIX, ".upload"),
                StandardCopyOption.REPLACE_EXISTING);
        return start(
                file,
                DirectoryFormat.valueOf(job.format()),
                new ImportOptions(job.dryRun(), true, true),
                job.fileName());
    }

    private Path pendingFile(long id) {
        return uploads.resolve(UPLOAD_PREFIX + id + ".pending");
    }

    private ImportTracker begin(DirectoryFormat format, ImportOptions options, String fileName, long totalBytes) {
        String startedBy = currentUser.find().map(u -> u.username()).orElse("système");
        ImportTracker tracker = new ImportTracker(
                format, options, fileName == null ? "" : fileName, startedBy, clock.instant(), totalBytes);
        if (!current.compareAndSet(null, tracker)) {
            ImportTracker other = current.get();
            throw new ImportAlreadyRunningException(
                    Optional.ofNullable(other).filter(o -> o.id != 0).map(ImportTracker::snapshot));
        }
        try {
            tracker.id =
                    history.start(format.name(), tracker.fileName, totalBytes, options, startedBy, tracker.startedAt);
        } catch (DuplicateKeyException e) {
            current.compareAndSet(tracker, null);
            throw new ImportAlreadyRunningException(Optional.empty()); // running on another instance
        } catch (RuntimeException e) {
            current.compareAndSet(tracker, null);
            throw e;
        }
        return tracker;
    }

    private ImportReport execute(ImportTracker tracker, InputStream input) {
        try {
            ImportReports.Outcome outcome;
            try {
                outcome = transactions.execute(status -> {
                    ImportReports.Outcome o = run(input, tracker);
                    if (o.report().status() != ImportReport.Status.APPLIED) {
                        throw new Refused(o);
                    }
                    return o;
                });
            } catch (Refused refused) {
                outcome = refused.outcome;
            }
            tracker.enter(ImportProgress.Phase.FINISHING, "enregistrement du compte rendu");
            ImportReports.Outcome done = outcome;
            transactions.executeWithoutResult(status ->
                    history.finish(tracker.id, done.report(), done.rejections(), done.warnings(), clock.instant()));
            return outcome.report();
        } catch (RuntimeException e) {
            log.error("Directory import {} failed", tracker.id, e);
            try {
                history.fail(
                        tracker.id,
                        "Erreur inattendue pendant l'import : rien n'a été enregistré. Elle a été journalisée ;"
                                + " réessayez ou signalez-la.",
                        tracker.elapsedMs(),
                        clock.instant());
            } catch (RuntimeException again) {
                log.error("Could not record the failure of directory import {}", tracker.id, again);
            }
            throw e;
        } finally {
            current.compareAndSet(tracker, null);
        }
    }

    private ImportReports.Outcome run(InputStream input, ImportTracker progress) {
        DirectoryFileReader.Reading reading = reader.read(input, progress);
        if (reading.refusal() != null || reading.rejected() > 0) {
            return ImportReports.refused(progress, reading);
        }
        progress.enter(ImportProgress.Phase.MERGING, "fusion en base");
        long mergeStart = System.nanoTime();
        DirectoryMerge.Counts counts = merge.merge(progress);
        return ImportReports.merged(progress, reading, counts, (System.nanoTime() - mergeStart) / 1_000_000);
    }
}
