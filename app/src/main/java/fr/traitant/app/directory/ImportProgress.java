package fr.traitant.app.directory;

import java.time.Instant;

/**
 * Where a running import stands, read at one moment.
 *
 * @param id             import number (see {@link ImportJob})
 * @param format         file format
 * @param dryRun         whether nothing will be stored
 * @param fileName       name of the uploaded file, or empty
 * @param startedBy      user name of the person who started it ("api" clients included), or "système"
 * @param startedAt      when it started
 * @param phase          READING (reading and checking the lines, staging them), MERGING (merging into the directory),
 *                       FINISHING (recording the result)
 * @param step           what the phase is doing, in French
 * @param lines          lines read so far, header included
 * @param bytesRead      bytes read so far
 * @param totalBytes     size of the file, or 0 if unknown (streamed request body)
 * @param elapsedMs      time since the start
 * @param linesPerSecond reading rate so far
 */
public record ImportProgress(
        long id,
        String format,
        boolean dryRun,
        String fileName,
        String startedBy,
        Instant startedAt,
        Phase phase,
        String step,
        long lines,
        long bytesRead,
        long totalBytes,
        long elapsedMs,
        long linesPerSecond) {

    public enum Phase {
        READING,
        MERGING,
        FINISHING
    }

    /** Share of the file read, 0 to 100, or -1 if the size is unknown. */
    public int percentRead() {
        return totalBytes <= 0 ? -1 : (int) Math.min(100, bytesRead * 100 / totalBytes);
    }
}
