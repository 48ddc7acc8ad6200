package fr.traitant.cli;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import java.io.IOException;
import java.io.Reader;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * A CSV file with a header line, read fully, with helpers that turn bad values into
 * {@link InputFileException}s naming the file, the line and the reason.
 */
public final class CsvTable {

    /** One data row. */
    public final class Row {
        private final CsvRecord record;

        private Row(CsvRecord record) {
            this.record = record;
        }

        /** 1-based line number where the row starts. */
        public long line() {
            return record.getStartingLineNumber();
        }

        /** Raw (trimmed) value of a column present in the header; empty when the row is short. */
        public String text(String column) {
            int index = columns.get(column);
            return index < record.getFieldCount() ? record.getField(index).trim() : "";
        }

        /** Value of an optional column, empty when the column is absent. */
        public String optionalText(String column) {
            return columns.containsKey(column) ? text(column) : "";
        }

        public String requireText(String column) throws InputFileException {
            String value = text(column);
            if (value.isEmpty()) {
                throw new InputFileException(file, line(), "empty value in column '" + column + "'");
            }
            return value;
        }

        public double number(String column) throws InputFileException {
            String value = requireText(column);
            try {
                double d = Double.parseDouble(value);
                if (!Double.isFinite(d)) {
                    throw new NumberFormatException();
                }
                return d;
            } catch (NumberFormatException e) {
                throw new InputFileException(file, line(), "column '" + column + "': '" + value + "' is not a number");
            }
        }

        public long wholeNumber(String column) throws InputFileException {
            String value = requireText(column);
            try {
                return Long.parseLong(value);
            } catch (NumberFormatException e) {
                throw new InputFileException(
                        file, line(), "column '" + column + "': '" + value + "' is not a whole number");
            }
        }

        public InputFileException error(String reason) {
            return new InputFileException(file, line(), reason);
        }
    }

    private final String file;
    private final Map<String, Integer> columns = new HashMap<>();
    private final List<Row> rows = new ArrayList<>();

    private CsvTable(String file) {
        this.file = file;
    }

    /**
     * Reads the whole CSV from {@code reader} (closed by the caller). Empty lines are skipped;
     * header names are trimmed and compared case-insensitively (lower-cased).
     */
    public static CsvTable read(String file, Reader reader) throws InputFileException {
        CsvTable table = new CsvTable(file);
        try (CsvReader<CsvRecord> csv = CsvReader.builder()
                .skipEmptyLines(true)
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofCsvRecord(reader)) {
            Iterator<CsvRecord> it = csv.iterator();
            if (!it.hasNext()) {
                throw new InputFileException(file, 0, "empty file, a header line is expected");
            }
            CsvRecord header = it.next();
            for (int i = 0; i < header.getFieldCount(); i++) {
                String name = header.getField(i).trim().toLowerCase(java.util.Locale.ROOT);
                if (i == 0 && name.startsWith("\uFEFF")) {
                    name = name.substring(1);
                }
                if (table.columns.putIfAbsent(name, i) != null) {
                    throw new InputFileException(
                            file, header.getStartingLineNumber(), "duplicate column '" + name + "'");
                }
            }
            while (it.hasNext()) {
                table.rows.add(table.new Row(it.next()));
            }
        } catch (IOException | RuntimeException e) {
            throw new InputFileException(file, 0, "cannot read CSV: " + e.getMessage());
        }
        return table;
    }

    public String file() {
        return file;
    }

    public boolean has(String column) {
        return columns.containsKey(column);
    }

    /** Fails unless every named column is in the header. */
    public void require(String... names) throws InputFileException {
        for (String name : names) {
            if (!columns.containsKey(name)) {
                throw new InputFileException(
                        file, 1, "missing column '" + name + "' (header has " + columns.keySet() + ")");
            }
        }
    }

    public List<Row> rows() {
        return rows;
    }

    public OptionalInt columnIndex(String name) {
        Integer i = columns.get(name);
        return i == null ? OptionalInt.empty() : OptionalInt.of(i);
    }
}
