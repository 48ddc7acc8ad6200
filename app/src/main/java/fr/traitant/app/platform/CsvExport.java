package fr.traitant.app.platform;

import de.siegmar.fastcsv.writer.CsvWriter;
import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;

/**
 * A list downloaded as CSV (RFC 4180, UTF-8 with a byte-order mark so that a spreadsheet opens the accents right):
 * the one way every page exports its list.
 */
public final class CsvExport {

    private CsvExport() {}

    public static ResponseEntity<String> of(String fileName, List<String> header, Iterable<List<String>> rows) {
        StringWriter out = new StringWriter();
        out.write('\ufeff');
        try (CsvWriter csv = CsvWriter.builder().build(out)) {
            csv.writeRecord(header);
            for (List<String> row : rows) {
                csv.writeRecord(row.stream().map(CsvExport::safe).toList());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return ResponseEntity.ok()
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + fileName + "\"")
                .contentType(new MediaType("text", "csv", StandardCharsets.UTF_8))
                .body(out.toString());
    }

    /** A cell a spreadsheet must not run as a formula (CSV injection): a leading = + - @ is quoted away. */
    public static String safe(String value) {
        if (value == null) {
            return "";
        }
        return !value.isEmpty() && "=+-@\t\r".indexOf(value.charAt(0)) >= 0 ? "'" + value : value;
    }
}
