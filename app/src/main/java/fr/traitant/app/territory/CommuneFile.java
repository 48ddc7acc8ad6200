package fr.traitant.app.territory;

import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.NamedCsvRecord;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import org.jspecify.annotations.Nullable;

/**
 * Reads the communes reference file ({@code communes.csv.gz}, see reference-data/README.md).
 * Reference data is all or nothing: any invalid row refuses the whole file, with every error listed
 * by line, so that a broken file can never replace a good one.
 */
final class CommuneFile {

    static final List<String> COLUMNS = List.of(
            "code",
            "name",
            "departement",
            "departement_name",
            "region",
            "region_name",
            "epci",
            "epci_name",
            "population",
            "lat",
            "lon",
            "area_km2",
            "postal_codes",
            "position_source");

    private static final Pattern COMMUNE_CODE = Pattern.compile("([0-9]{2}|2A|2B)[0-9]{3}");
    private static final Pattern POSTAL_CODE = Pattern.compile("[0-9]{5}");
    private static final Set<String> POSITION_SOURCES = Set.of("geonames", "centroid", "postal");

    /** One valid row of the file. */
    record Row(
            String code,
            String name,
            String departement,
            String departementName,
            String region,
            String regionName,
            @Nullable String epci,
            @Nullable String epciName,
            int population,
            double lat,
            double lon,
            @Nullable Double areaKm2,
            List<String> postalCodes,
            String positionSource) {}

    /** The file was refused; {@link #errors()} says where and why. */
    static final class InvalidFileException extends RuntimeException {
        private final List<String> errors;

        InvalidFileException(String source, List<String> errors) {
            super(source + ": " + errors.size() + " invalid row(s), file refused; first: "
                    + String.join(" | ", errors.subList(0, Math.min(5, errors.size()))));
            this.errors = List.copyOf(errors);
        }

        List<String> errors() {
            return errors;
        }
    }

    private CommuneFile() {}

    /** Reads a gzip-compressed communes file. */
    static List<Row> readGzip(String source, InputStream gzip) {
        try (InputStream in = new GZIPInputStream(gzip)) {
            return read(source, in);
        } catch (IOException e) {
            throw new UncheckedIOException(source + ": cannot be read (" + e.getMessage() + ")", e);
        }
    }

    static List<Row> read(String source, InputStream csv) {
        List<Row> rows = new ArrayList<>(36_000);
        List<String> errors = new ArrayList<>();
        Set<String> codes = new HashSet<>();
        try (CsvReader<NamedCsvRecord> reader = CsvReader.builder()
                .allowMissingFields(true)
                .allowExtraFields(true)
                .ofNamedCsvRecord(new InputStreamReader(csv, StandardCharsets.UTF_8.newDecoder()))) {
            boolean headerChecked = false;
            for (NamedCsvRecord record : reader) {
                if (!headerChecked) {
                    List<String> missing = fr.traitant.app.platform.SemicolonCsv.missingColumns(record, COLUMNS);
                    if (!missing.isEmpty()) {
                        throw new InvalidFileException(source, List.of("line 1: missing column(s) " + missing));
                    }
                    headerChecked = true;
                }
                long line = record.getStartingLineNumber();
                try {
                    Row row = parse(record);
                    if (!codes.add(row.code())) {
                        throw new IllegalArgumentException("duplicate commune code " + row.code());
                    }
                    rows.add(row);
                } catch (RuntimeException e) {
                    errors.add("line " + line + ": " + e.getMessage());
                }
            }
        } catch (IOException | UncheckedIOException e) {
            throw new InvalidFileException(source, List.of("unreadable: " + e.getMessage()));
        } catch (de.siegmar.fastcsv.reader.CsvParseException e) {
            throw new InvalidFileException(source, List.of("malformed CSV: " + e.getMessage()));
        }
        if (!errors.isEmpty()) {
            throw new InvalidFileException(source, errors);
        }
        if (rows.isEmpty()) {
            throw new InvalidFileException(source, List.of("no commune in the file"));
        }
        return rows;
    }

    private static Row parse(NamedCsvRecord r) {
        if (r.getFieldCount() != r.getHeader().size()) {
            throw new IllegalArgumentException(
                    "expected " + r.getHeader().size() + " fields, found " + r.getFieldCount());
        }
        String code = required(r, "code");
        if (!COMMUNE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("invalid INSEE commune code '" + code + "'");
        }
        int population = Integer.parseInt(required(r, "population"));
        if (population < 0) {
            throw new IllegalArgumentException("negative population " + population);
        }
        double lat = Double.parseDouble(required(r, "lat"));
        double lon = Double.parseDouble(required(r, "lon"));
        if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
            throw new IllegalArgumentException("impossible coordinates " + lat + "," + lon);
        }
        String area = r.getField("area_km2").strip();
        List<String> postalCodes = Arrays.stream(
                        r.getField("postal_codes").strip().split("\\s+"))
                .filter(s -> !s.isEmpty())
                .toList();
        for (String postal : postalCodes) {
            if (!POSTAL_CODE.matcher(postal).matches()) {
                throw new IllegalArgumentException("invalid postal code '" + postal + "'");
            }
        }
        String positionSource = required(r, "position_source");
        if (!POSITION_SOURCES.contains(positionSource)) {
            throw new IllegalArgumentException("unknown position_source '" + positionSource + "'");
        }
        String epci = r.getField("epci").strip();
        return new Row(
                code,
                required(r, "name"),
                required(r, "departement"),
                required(r, "departement_name"),
                required(r, "region"),
                required(r, "region_name"),
                epci.isEmpty() ? null : epci,
                epci.isEmpty() ? null : r.getField("epci_name").strip(),
                population,
                lat,
                lon,
                area.isEmpty() ? null : Double.valueOf(area),
                postalCodes,
                positionSource);
    }

    private static String required(NamedCsvRecord r, String column) {
        String value = r.getField(column).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException("empty " + column);
        }
        return value;
    }
}
