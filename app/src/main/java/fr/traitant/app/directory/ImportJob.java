package fr.traitant.app.directory;

import java.time.Instant;
import java.util.Optional;

/**
 * One directory import in the history (table {@code directory_import}): who started it, when, and its result.
 *
 * @param id          import number
 * @param format      RPPS_EXTRACTION or TRAITANT_CSV
 * @param fileName    name of the uploaded file, or empty (API body)
 * @param fileBytes   size of the file, or 0 if unknown
 * @param dryRun      check only, nothing stored
 * @param startedBy   user name of the person who started it, or "système"
 * @param startedAt   start
 * @param finishedAt  end, empty while running
 * @param status      RUNNING, APPLIED, DRY_RUN, REFUSED (nothing stored) or FAILED (nothing stored, unexpected error)
 * @param message     summary in French
 * @param lines       lines read, header included
 * @param acceptedRows valid data lines
 * @param doctors     distinct doctors in the file
 * @param created     doctors new in the directory
 * @param updated     known doctors whose record changed
 * @param unchanged   known doctors whose record is unchanged
 * @param skipped     lines the directory does not keep
 * @param rejected    rejected lines (any refuses the file)
 * @param durationMs  whole duration
 * @param stagingMs   of which: writing the valid lines into the staging table
 * @param mergeMs     of which: merging the staging table into the directory
 * @param complete    the file was applied as the complete national extraction (absent doctors deactivated)
 * @param deactivated doctors deactivated (absent from a complete extraction), or that would be
 * @param warned      lines kept with a warning
 * @param progress    live progress while running on this instance
 */
public record ImportJob(
        long id,
        String format,
        String fileName,
        long fileBytes,
        boolean dryRun,
        String startedBy,
        Instant startedAt,
        Optional<Instant> finishedAt,
        String status,
        String message,
        long lines,
        long acceptedRows,
        long doctors,
        long created,
        long updated,
        long unchanged,
        long skipped,
        long rejected,
        long durationMs,
        long stagingMs,
        long mergeMs,
        boolean complete,
        long deactivated,
        long warned,
        Optional<ImportProgress> progress) {

    public boolean running() {
        return status.equals("RUNNING");
    }

    public boolean refused() {
        return status.equals("REFUSED") || status.equals("FAILED");
    }

    public boolean needsConfirmation() {
        return status.equals("NEEDS_CONFIRMATION");
    }

    public String statusLabel() {
        return switch (status) {
            case "RUNNING" -> "en cours";
            case "APPLIED" -> "appliqué";
            case "DRY_RUN" -> "vérifié (rien d'enregistré)";
            case "REFUSED" -> "refusé (rien d'enregistré)";
            case "FAILED" -> "échoué (rien d'enregistré)";
            case "NEEDS_CONFIRMATION" -> "arrêté : confirmation demandée (rien d'enregistré)";
            default -> status;
        };
    }

    /** Lines read per second over the whole import, 0 while unknown. */
    public long linesPerSecond() {
        return durationMs <= 0 ? 0 : lines * 1000 / durationMs;
    }
}
