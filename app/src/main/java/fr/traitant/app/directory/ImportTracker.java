package fr.traitant.app.directory;

import fr.traitant.engine.directory.DirectoryFormat;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * What a running import has done so far: written by the import's thread (the reader, the merge), read by status
 * requests through {@link #snapshot()}.
 */
final class ImportTracker {

    volatile long id;
    final String format;
    final ImportOptions options;
    final String fileName;
    final String startedBy;
    final Instant startedAt;
    final long totalBytes;
    final long startNanos = System.nanoTime();
    final AtomicLong lines = new AtomicLong();
    final AtomicLong bytes = new AtomicLong();
    volatile ImportProgress.Phase phase = ImportProgress.Phase.READING;
    volatile String step = "lecture et vérification des lignes";
    /** Milliseconds spent in each step of the merge, in order (logged: where a big import spends its time). */
    final Map<String, Long> stepMillis = new java.util.LinkedHashMap<>();

    private long stepStart = System.nanoTime();

    ImportTracker(
            DirectoryFormat format,
            ImportOptions options,
            String fileName,
            String startedBy,
            Instant startedAt,
            long totalBytes) {
        this.format = format.name();
        this.options = options;
        this.fileName = fileName;
        this.startedBy = startedBy;
        this.startedAt = startedAt;
        this.totalBytes = totalBytes;
    }

    DirectoryFormat fileFormat() {
        return DirectoryFormat.valueOf(format);
    }

    ImportProgress snapshot() {
        long ms = Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
        long l = lines.get();
        return new ImportProgress(
                id,
                format,
                options.dryRun(),
                fileName,
                startedBy,
                startedAt,
                phase,
                step,
                l,
                bytes.get(),
                totalBytes,
                ms,
                l * 1000 / ms);
    }

    long elapsedMs() {
        return Math.max(1, (System.nanoTime() - startNanos) / 1_000_000);
    }

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
