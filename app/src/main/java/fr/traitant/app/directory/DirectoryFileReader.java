package fr.traitant.app.directory;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.DirectoryFileParser;
import fr.traitant.engine.directory.DoctorRecord;
import fr.traitant.engine.directory.ParsedLine;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.StringReader;
import java.nio.charset.CharacterCodingException;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicLong;
import javax.sql.DataSource;
import org.jspecify.annotations.Nullable;
import org.postgresql.PGConnection;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.jdbc.datasource.DataSourceUtils;
import org.springframework.stereotype.Component;

/**
 * Reads a directory file line by line (streamed: memory does not grow with the file, only with the doctors' keys the
 * parser keeps to find duplicates), validates each line with the engine's {@link DirectoryFileParser} and stages the
 * valid rows in the temporary table {@code import_row} by COPY, in batches, on the import transaction's connection.
 * Once a line is rejected, nothing more is staged (the file will be refused) but every line is still checked, so that
 * the report lists every problem at once.
 */
@Component
class DirectoryFileReader {

    /** ParsedLine.Rejected lines and warnings kept (for the history, the status page and its CSV). */
    static final int MAX_STORED_LINES = 100_000;

    private static final int BATCH = 10_000;
    private static final Logger log = LoggerFactory.getLogger(DirectoryFileReader.class);

    private final JdbcClient jdbc;
    private final DataSource dataSource;
    private final Territory territory;

    DirectoryFileReader(JdbcClient jdbc, DataSource dataSource, Territory territory) {
        this.jdbc = jdbc;
        this.dataSource = dataSource;
        this.territory = territory;
    }

    /**
     * What reading the file found.
     *
     * @param refusal  why the whole file cannot be read (empty, header, encoding), or null
     * @param warnings lines kept with a warning (at most {@value #MAX_STORED_LINES}); {@code warned} counts them all
     */
    record Reading(
            @Nullable String refusal,
            long lines,
            long accepted,
            long skipped,
            Map<String, Long> skippedReasons,
            long rejected,
            List<ImportReport.Rejection> rejections,
            long warned,
            List<ImportReport.Rejection> warnings,
            long stagingMs) {

        static Reading refused(@Nullable String why, long lines) {
            return new Reading(why, lines, 0, 0, Map.of(), 0, List.of(), 0, List.of(), 0);
        }
    }

    Reading read(InputStream input, ImportTracker progress) {
        Set<String> communes = new HashSet<>();
        territory.engineCommunes().asList().forEach(c -> communes.add(c.code()));
        var decoder = StandardCharsets.UTF_8
                .newDecoder()
                .onMalformedInput(CodingErrorAction.REPORT)
                .onUnmappableCharacter(CodingErrorAction.REPORT);
        long lines = 0;
        long accepted = 0;
        long skipped = 0;
        long rejected = 0;
        long warned = 0;
        long[] stagingNanos = {0};
        Map<String, Long> skippedReasons = new TreeMap<>();
        List<ImportReport.Rejection> rejections = new ArrayList<>();
        List<ImportReport.Rejection> warnings = new ArrayList<>();
        List<Object[]> batch = new ArrayList<>(BATCH);
        jdbc.sql("""
                create temp table import_row (
                    line bigint, rpps text, last_name text, first_name text, specialty_code text, specialty_group text,
                    consultations double precision, commune_code text, postal_code text, address text, organization text,
                    lat double precision, lon double precision, phone text, mssante text, fee_sector text,
                    teleconsultation boolean, wheelchair boolean, languages text, birth_year integer, new_patients text,
                    capacity integer, max_complexity integer) on commit drop""").update();
        try (BufferedReader reader = new BufferedReader(
                new InputStreamReader(new CountingInputStream(input, progress.bytes), decoder), 1 << 16)) {
            String header = reader.readLine();
            if (header == null) {
                return Reading.refused("Le fichier est vide.", 0);
            }
            lines = 1;
            DirectoryFileParser parser;
            try {
                parser = DirectoryFileParser.start(progress.fileFormat(), header, communes::contains);
            } catch (IllegalArgumentException e) {
                return Reading.refused(e.getMessage(), lines);
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
                    case ParsedLine.Accepted a -> {
                        accepted++;
                        for (String warning : a.warnings()) {
                            warned++;
                            if (warnings.size() < MAX_STORED_LINES) {
                                warnings.add(new ImportReport.Rejection(a.line(), warning));
                            }
                        }
                        if (rejected == 0) {
                            batch.add(stagingRow(a.line(), a.doctor()));
                            if (batch.size() == BATCH) {
                                stage(batch, stagingNanos);
                            }
                        }
                    }
                    case ParsedLine.Skipped s -> {
                        skipped++;
                        skippedReasons.merge(s.reason(), 1L, Long::sum);
                    }
                    case ParsedLine.Rejected r -> {
                        rejected++;
                        if (rejections.size() < MAX_STORED_LINES) {
                            rejections.add(new ImportReport.Rejection(r.line(), r.reason()));
                        }
                    }
                }
            }
        } catch (CharacterCodingException e) {
            return Reading.refused(
                    "Encodage invalide vers la ligne " + (lines + 1)
                            + " : le fichier doit être en UTF-8 (l'extraction nationale l'est ; réenregistrez un CSV en « UTF-8 »).",
                    lines);
        } catch (IOException e) {
            return Reading.refused(
                    "Lecture du fichier interrompue vers la ligne " + (lines + 1) + " : " + e.getMessage(), lines);
        }
        progress.lines.set(lines);
        if (rejected == 0 && !batch.isEmpty()) {
            stage(batch, stagingNanos);
        }
        return new Reading(
                null,
                lines,
                accepted,
                skipped,
                skippedReasons,
                rejected,
                rejections,
                warned,
                warnings,
                stagingNanos[0] / 1_000_000);
    }

    private static Object[] stagingRow(long line, DoctorRecord d) {
        return new Object[] {
            line,
            d.rpps().value(),
            d.lastName(),
            d.firstName(),
            d.specialty().code(),
            d.specialty().group().name(),
            d.specialty().group().medianConsultationsPerYear(),
            d.communeCode(),
            d.postalCode(),
            d.address(),
            d.organizationName(),
            Double.isNaN(d.lat()) ? null : d.lat(),
            Double.isNaN(d.lon()) ? null : d.lon(),
            d.phone(),
            d.mssante(),
            d.feeSector() == null ? null : d.feeSector().name(),
            d.teleconsultation(),
            d.wheelchairAccess(),
            d.languages() == null ? null : String.join(",", d.languages()),
            d.birthYear() < 0 ? null : d.birthYear(),
            d.newPatients() == null ? null : d.newPatients().name(),
            d.capacity() < 0 ? null : d.capacity(),
            d.maxComplexity() < 0 ? null : d.maxComplexity()
        };
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
                    csv.append('"')
                            .append(row[i].toString().replace("\"", "\"\""))
                            .append('"');
                }
            }
            csv.append('\n');
        }
        Connection connection = DataSourceUtils.getConnection(dataSource);
        try {
            connection
                    .unwrap(PGConnection.class)
                    .getCopyAPI()
                    .copyIn("copy import_row from stdin (format csv)", new StringReader(csv.toString()));
        } catch (SQLException | IOException e) {
            throw new IllegalStateException("Staging of the import failed: " + e.getMessage(), e);
        } finally {
            DataSourceUtils.releaseConnection(connection, dataSource);
        }
        batch.clear();
        nanos[0] += System.nanoTime() - t;
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
}
