package fr.traitant.app.directory;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.io.Writer;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The history of directory imports and the rejected lines of refused files (tables of V60). */
@Repository
class ImportHistory {

    private static final String COLUMNS = """
            id, format, file_name, file_bytes, dry_run, started_by, started_at, finished_at, status, message, lines,
            accepted_rows, doctors, created, updated, unchanged, skipped, rejected, duration_ms, staging_ms, merge_ms, complete,
            deactivated, warned""";

    /** What a kept line of a report is: a rejection (the file was refused) or a warning (the line was kept). */
    enum LineKind {
        REJECTED,
        WARNING
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;

    ImportHistory(JdbcClient jdbc, JdbcTemplate jdbcTemplate) {
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
    }

    /** Records a running import; a second running one violates {@code directory_import_one_running}. */
    long start(String format, String fileName, long fileBytes, ImportOptions options, String startedBy, Instant at) {
        return jdbc.sql("""
                insert into directory_import (format, file_name, file_bytes, dry_run, complete, started_by, started_at, status)
                values (?, ?, ?, ?, ?, ?, ?, 'RUNNING') returning id""")
                .params(
                        format,
                        fileName,
                        fileBytes,
                        options.dryRun(),
                        options.complete(),
                        startedBy,
                        Timestamp.from(at))
                .query(Long.class)
                .single();
    }

    void finish(
            long id,
            ImportReport report,
            List<ImportReport.Rejection> rejections,
            List<ImportReport.Rejection> warnings,
            Instant at) {
        jdbc.sql("""
                update directory_import set status = ?, message = ?, lines = ?, accepted_rows = ?, doctors = ?, created = ?,
                       updated = ?, unchanged = ?, skipped = ?, rejected = ?, duration_ms = ?, staging_ms = ?, merge_ms = ?,
                       deactivated = ?, warned = ?, finished_at = ?
                 where id = ?""")
                .params(
                        report.status().name(),
                        report.message(),
                        report.lines(),
                        report.acceptedRows(),
                        report.doctors(),
                        report.created(),
                        report.updated(),
                        report.unchanged(),
                        report.skipped(),
                        report.rejected(),
                        report.durationMs(),
                        report.stagingMs(),
                        report.mergeMs(),
                        report.deactivated(),
                        report.warned(),
                        Timestamp.from(at),
                        id)
                .update();
        insertLines(id, LineKind.REJECTED, rejections);
        insertLines(id, LineKind.WARNING, warnings);
    }

    private void insertLines(long id, LineKind kind, List<ImportReport.Rejection> lines) {
        List<Object[]> batch = new ArrayList<>(1_000);
        for (ImportReport.Rejection r : lines) {
            batch.add(new Object[] {id, kind.name(), r.line(), r.reason()});
            if (batch.size() == 1_000) {
                insertBatch(batch);
            }
        }
        if (!batch.isEmpty()) {
            insertBatch(batch);
        }
    }

    private void insertBatch(List<Object[]> batch) {
        jdbcTemplate.batchUpdate(
                "insert into directory_import_rejection (import_id, kind, line, reason) values (?, ?, ?, ?)", batch);
        batch.clear();
    }

    void fail(long id, String message, long durationMs, Instant at) {
        jdbc.sql(
                        "update directory_import set status = 'FAILED', message = ?, duration_ms = ?, finished_at = ? where id = ?")
                .params(message, durationMs, Timestamp.from(at), id)
                .update();
    }

    /** Imports left RUNNING by a stopped instance: marked FAILED (their transaction was rolled back with the connection). */
    int failInterrupted(Instant at) {
        return jdbc.sql("""
                update directory_import set status = 'FAILED', finished_at = ?,
                       message = 'Import interrompu (arrêt de l''application) : rien n''a été enregistré. Recommencez-le.'
                 where status = 'RUNNING'""").param(Timestamp.from(at)).update();
    }

    Optional<ImportJob> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from directory_import where id = ?")
                .param(id)
                .query(ImportHistory::row)
                .optional();
    }

    List<ImportJob> recent(int limit) {
        return jdbc.sql("select " + COLUMNS + " from directory_import order by started_at desc, id desc limit ?")
                .param(limit)
                .query(ImportHistory::row)
                .list();
    }

    fr.traitant.app.platform.ListPage<ImportJob> page(fr.traitant.app.platform.ListRequest request) {
        return request.select(
                jdbc,
                COLUMNS,
                "directory_import",
                "started_at desc, id desc",
                fr.traitant.app.platform.ListRequest.SIZE,
                sql -> sql,
                ImportHistory::row);
    }

    List<ImportReport.Rejection> lines(long id, LineKind kind, int offset, int limit) {
        return jdbc.sql(
                        "select line, reason from directory_import_rejection where import_id = ? and kind = ? order by line offset ? limit ?")
                .params(id, kind.name(), offset, limit)
                .query((rs, i) -> new ImportReport.Rejection(rs.getLong(1), rs.getString(2)))
                .list();
    }

    long storedLines(long id, LineKind kind) {
        return jdbc.sql("select count(*) from directory_import_rejection where import_id = ? and kind = ?")
                .params(id, kind.name())
                .query(Long.class)
                .single();
    }

    /** Writes every stored line of this kind as CSV ({@code ligne;raison} or {@code ligne;avertissement}), in line order. */
    void writeLinesCsv(long id, LineKind kind, Writer out) {
        try {
            out.write(kind == LineKind.REJECTED ? "ligne;raison\r\n" : "ligne;avertissement\r\n");
            jdbcTemplate.query(
                    "select line, reason from directory_import_rejection where import_id = ? and kind = ? order by line",
                    rs -> {
                        try {
                            out.write(rs.getLong(1) + ";\""
                                    + fr.traitant.app.platform.CsvExport.safe(rs.getString(2))
                                            .replace("\"", "\"\"") + "\"\r\n");
                        } catch (IOException e) {
                            throw new UncheckedIOException(e);
                        }
                    },
                    id,
                    kind.name());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static ImportJob row(ResultSet rs, int i) throws SQLException {
        Timestamp finished = rs.getTimestamp("finished_at");
        return new ImportJob(
                rs.getLong("id"),
                rs.getString("format"),
                rs.getString("file_name"),
                rs.getLong("file_bytes"),
                rs.getBoolean("dry_run"),
                rs.getString("started_by"),
                rs.getTimestamp("started_at").toInstant(),
                Optional.ofNullable(finished).map(Timestamp::toInstant),
                rs.getString("status"),
                rs.getString("message"),
                rs.getLong("lines"),
                rs.getLong("accepted_rows"),
                rs.getLong("doctors"),
                rs.getLong("created"),
                rs.getLong("updated"),
                rs.getLong("unchanged"),
                rs.getLong("skipped"),
                rs.getLong("rejected"),
                rs.getLong("duration_ms"),
                rs.getLong("staging_ms"),
                rs.getLong("merge_ms"),
                rs.getBoolean("complete"),
                rs.getLong("deactivated"),
                rs.getLong("warned"),
                Optional.empty());
    }
}
