package fr.traitant.app.platform;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * The platform's CSV imports (UTF-8, « ; », a header line naming the columns), whole file or nothing: every line is
 * read, each bad one reported "ligne N : raison", and the file is refused when there is one.
 */
public final class SemicolonCsv {

    private SemicolonCsv() {}

    /** A line of the file: its number and its values by column (trimmed, empty when missing). */
    public record Line(long number, NamedCsvRecord record) {
        public String get(String column) {
            return record.findField(column).orElse("").strip();
        }
    }

    /** Reads one line into a value, or says why it cannot. */
    @FunctionalInterface
    public interface Parser<T> {
        T parse(Line line) throws LineError;
    }

    /** Why a line is refused (without its number: the reader adds it). */
    public static final class LineError extends Exception {
        public LineError(String reason) {
            super(reason);
        }
    }

    /**
     * A refused file: every bad line with its reason; nothing was imported. The one refusal of every import (the
     * member file and the transfer plan say it in their own words).
     */
    public static class Refused extends IllegalArgumentException {
        private final List<String> errors;

        public Refused(List<String> errors) {
            this(String.join("\n", errors), errors);
        }

        protected Refused(String message, List<String> errors) {
            super(message);
            this.errors = List.copyOf(errors);
        }

        public List<String> errors() {
            return errors;
        }
    }

    /** The {@code columns} a file's header (read with its first record) does not name, in their order. */
    public static List<String> missingColumns(NamedCsvRecord first, List<String> columns) {
        return columns.stream().filter(c -> !first.getHeader().contains(c)).toList();
    }

    /**
     * @param columns the columns the header must name
     * @param nothing the reason given for a file without any line, e.g. "le fichier ne contient aucun site"
     * @throws Refused with every bad line, or a missing column, or an unreadable file
     */
    public static <T> List<T> read(Reader csv, List<String> columns, String nothing, Parser<T> parser) {
        List<String> errors = new ArrayList<>();
        List<T> values = new ArrayList<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .fieldSeparator(';')
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofNamedCsvRecord(csv)) {
            boolean headerChecked = false;
            for (NamedCsvRecord r : reader) {
                if (!headerChecked) {
                    List<String> missing = missingColumns(r, columns);
                    if (!missing.isEmpty()) {
                        throw new Refused(List.of("ligne 1 : colonnes manquantes " + missing + " (attendu : "
                                + String.join(";", columns) + ")"));
                    }
                    headerChecked = true;
                }
                long n = r.getStartingLineNumber();
                try {
                    values.add(parser.parse(new Line(n, r)));
                } catch (LineError e) {
                    errors.add("ligne " + n + " : " + e.getMessage());
                }
            }
        } catch (CsvParseException e) {
            throw new Refused(List.of("fichier illisible : " + e.getMessage()));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (values.isEmpty() && errors.isEmpty()) errors.add(nothing);
        if (!errors.isEmpty()) throw new Refused(errors);
        return values;
    }
}
