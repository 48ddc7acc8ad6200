package fr.traitant.cli.accessibility;

import fr.traitant.cli.CsvTable;
import fr.traitant.cli.InputFileException;
import fr.traitant.engine.accessibility.DoctorActivity;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.geo.SpatialIndex;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.MatrixTravelTimes;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.zip.GZIPInputStream;

/** Reads and validates the input files of the accessibility tool. All I/O lives here, not in the engine. */
public final class AccessibilityInputs {

    /** Classpath location of the communes shipped in the reference-data jar. */
    public static final String SHIPPED_COMMUNES = "/fr/traitant/referencedata/communes.csv.gz";

    private AccessibilityInputs() {}

    /** Reads a CSV file (UTF-8, optionally gzip-compressed when its name ends in .gz). */
    public static CsvTable readCsv(Path file) throws InputFileException {
        if (!Files.isRegularFile(file)) {
            throw new InputFileException(file.toString(), 0, "no such file");
        }
        try (InputStream in = Files.newInputStream(file);
                Reader reader = new InputStreamReader(
                        file.toString().endsWith(".gz") ? new GZIPInputStream(in) : in, StandardCharsets.UTF_8)) {
            return CsvTable.read(file.toString(), reader);
        } catch (IOException e) {
            throw new InputFileException(file.toString(), 0, "cannot read: " + e.getMessage());
        }
    }

    /** The communes shipped in the reference-data jar (34,875 communes with EPCI, département, région, area). */
    public static Communes shippedCommunes() throws InputFileException {
        try {
            return fr.traitant.referencedata.ShippedCommunes.load();
        } catch (IllegalStateException | java.io.UncheckedIOException e) {
            throw new InputFileException("classpath:" + SHIPPED_COMMUNES, 0, e.getMessage());
        }
    }

    /**
     * Communes from a CSV with columns {@code code,population,lat,lon} and optionally
     * {@code name,area_km2,epci,departement,region} (an empty area means unknown).
     */
    public static Communes communes(CsvTable table) throws InputFileException {
        table.require("code", "population", "lat", "lon");
        List<Commune> communes = new ArrayList<>(table.rows().size());
        Map<String, Long> lineOfCode = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String code = row.requireText("code");
            Long previous = lineOfCode.putIfAbsent(code, row.line());
            if (previous != null) {
                throw row.error("duplicate commune code '" + code + "' (first on line " + previous + ")");
            }
            long population = row.wholeNumber("population");
            if (population < 0) {
                throw row.error("negative population " + population);
            }
            GeoPoint position = point(row);
            double area = Double.NaN;
            if (!row.optionalText("area_km2").isEmpty()) {
                area = row.number("area_km2");
                if (!(area > 0)) {
                    throw row.error("area_km2 must be > 0, got " + area);
                }
            }
            communes.add(new Commune(
                    code,
                    row.optionalText("name"),
                    population,
                    position,
                    area,
                    row.optionalText("epci"),
                    row.optionalText("departement"),
                    row.optionalText("region")));
        }
        if (communes.isEmpty()) {
            throw new InputFileException(table.file(), 0, "no communes");
        }
        return Communes.of(communes);
    }

    private static GeoPoint point(CsvTable.Row row) throws InputFileException {
        double lat = row.number("lat");
        double lon = row.number("lon");
        try {
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            throw row.error(e.getMessage());
        }
    }

    /**
     * Doctors from a CSV with columns {@code id,consultations} and either {@code commune} (an INSEE
     * code among {@code communes}) or {@code lat,lon} (the doctor is then placed in the commune
     * whose point is nearest); optional {@code age} (whole years). A non-empty {@code commune}
     * wins over coordinates on the same row.
     */
    public static List<DoctorActivity> doctors(CsvTable table, Communes communes) throws InputFileException {
        table.require("id", "consultations");
        boolean byCommune = table.has("commune");
        boolean byPoint = table.has("lat") && table.has("lon");
        if (!byCommune && !byPoint) {
            throw new InputFileException(table.file(), 1, "missing column 'commune' (or both 'lat' and 'lon')");
        }
        SpatialIndex index = null;
        List<DoctorActivity> doctors = new ArrayList<>(table.rows().size());
        Map<String, Long> lineOfId = new HashMap<>();
        for (CsvTable.Row row : table.rows()) {
            String id = row.requireText("id");
            Long previous = lineOfId.putIfAbsent(id, row.line());
            if (previous != null) {
                throw row.error("duplicate doctor id '" + id + "' (first on line " + previous + ")");
            }
            double consultations = row.number("consultations");
            if (consultations < 0) {
                throw row.error("negative activity: consultations = " + row.text("consultations"));
            }
            String communeCode = byCommune ? row.text("commune") : "";
            if (!communeCode.isEmpty()) {
                if (communes.findIndex(communeCode).isEmpty()) {
                    throw row.error("unknown commune '" + communeCode + "'");
                }
            } else if (byPoint) {
                GeoPoint position = point(row);
                if (index == null) {
                    index = SpatialIndex.of(
                            communes.asList().stream().map(Commune::position).toList());
                }
                communeCode = communes.get(index.nearest(position, 1)[0]).code();
            } else {
                throw row.error("empty value in column 'commune'");
            }
            OptionalInt age = OptionalInt.empty();
            if (!row.optionalText("age").isEmpty()) {
                long years = row.wholeNumber("age");
                if (years < 0 || years > 130) {
                    throw row.error("age must be within [0, 130], got " + years);
                }
                age = OptionalInt.of((int) years);
            }
            doctors.add(new DoctorActivity(id, communeCode, consultations, age));
        }
        return doctors;
    }

    /**
     * Travel-time matrix from a CSV {@code origin,destination,minutes} of commune codes. Exactly
     * these pairs are reachable; a commune whose own pair is not listed reaches itself in 0 min
     * (DREES counts intra-commune travel as 0 minutes).
     */
    public static MatrixTravelTimes travelTimes(CsvTable table, Communes communes) throws InputFileException {
        table.require("origin", "destination", "minutes");
        MatrixTravelTimes.Builder builder = MatrixTravelTimes.builder(communes.size(), true);
        Set<Long> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            int origin = communeIndex(row, "origin", communes);
            int destination = communeIndex(row, "destination", communes);
            double minutes = row.number("minutes");
            if (minutes < 0) {
                throw row.error("negative travel time " + row.text("minutes"));
            }
            if (!seen.add(((long) origin << 32) | destination)) {
                throw row.error("duplicate pair " + row.text("origin") + " → " + row.text("destination"));
            }
            builder.add(origin, destination, minutes);
        }
        return builder.build();
    }

    private static int communeIndex(CsvTable.Row row, String column, Communes communes) throws InputFileException {
        String code = row.requireText(column);
        OptionalInt index = communes.findIndex(code);
        if (index.isEmpty()) {
            throw row.error("unknown commune '" + code + "' in column '" + column + "'");
        }
        return index.getAsInt();
    }
}
