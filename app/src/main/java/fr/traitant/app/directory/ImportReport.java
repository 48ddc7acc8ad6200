package fr.traitant.app.directory;

import java.util.List;
import java.util.Map;

/**
 * What an import did, or would do, or why it refused the file.
 *
 * @param status        APPLIED (committed), DRY_RUN (checked, nothing stored), REFUSED (nothing stored) or
 *                      NEEDS_CONFIRMATION (a complete extraction would deactivate too many doctors: nothing stored)
 * @param format        file format
 * @param message       summary in French
 * @param lines         lines read, header included
 * @param acceptedRows  valid data lines (one doctor at one place each)
 * @param doctors       distinct doctors in those lines
 * @param created       doctors that are (or would be) new in the directory
 * @param updated       doctors already known (by RPPS) that are (or would be) updated
 * @param skipped       well-formed lines the directory does not keep (e.g. other professions)
 * @param skippedReasons number of skipped lines per reason
 * @param rejected      malformed lines (any of them refuses the file)
 * @param rejections    the first {@value DirectoryImports#MAX_REPORTED_REJECTIONS} rejected lines with their reason
 * @param durationMs    wall-clock duration
 * @param rowsPerSecond lines read per second
 * @param unchanged     known doctors whose record the file leaves as it is (part of {@code updated} before 2026-11:
 *                      {@code updated} now counts real changes only)
 * @param stagingMs     of {@code durationMs}: writing valid lines into the staging table
 * @param mergeMs       of {@code durationMs}: merging the staging table into the directory
 * @param importId      number of the import in the history ({@code GET /api/v1/directory/imports/{id}})
 * @param deactivated   doctors of the national directory absent from a complete extraction, deactivated (or that
 *                      would be)
 * @param warned        lines kept with a warning (a value left empty, a specialty code outside the table)
 * @param warnings      the first {@value DirectoryImports#MAX_REPORTED_REJECTIONS} of them, with their line
 */
public record ImportReport(
        Status status,
        String format,
        String message,
        long lines,
        long acceptedRows,
        long doctors,
        long created,
        long updated,
        long skipped,
        Map<String, Long> skippedReasons,
        long rejected,
        List<Rejection> rejections,
        long durationMs,
        long rowsPerSecond,
        long unchanged,
        long stagingMs,
        long mergeMs,
        long importId,
        long deactivated,
        long warned,
        List<Rejection> warnings) {

    public enum Status {
        APPLIED,
        DRY_RUN,
        REFUSED,
        NEEDS_CONFIRMATION
    }

    /** A rejected line. */
    public record Rejection(long line, String reason) {}

    public ImportReport {
        skippedReasons = Map.copyOf(skippedReasons);
        rejections = List.copyOf(rejections);
        warnings = List.copyOf(warnings);
    }
}
