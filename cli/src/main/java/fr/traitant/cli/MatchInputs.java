package fr.traitant.cli;

import de.siegmar.fastcsv.reader.CsvParseException;
import de.siegmar.fastcsv.reader.CsvReader;
import de.siegmar.fastcsv.reader.CsvRecord;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.matching.Capabilities;
import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.Needs;
import fr.traitant.engine.matching.TravelTimeTable;
import fr.traitant.engine.travel.DensityClass;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads and validates the CSV inputs of {@code traitant match}. Every problem is collected as
 * "file:line: reason"; nothing is returned when there is one.
 */
final class MatchInputs {

    /** Input problems, each "file:line: reason". */
    static final class InvalidInput extends Exception {
        final List<String> problems;

        InvalidInput(List<String> problems) {
            super(String.join("\n", problems));
            this.problems = List.copyOf(problems);
        }
    }

    /** Stops collecting after this many problems. */
    static final int MAX_PROBLEMS = 50;

    private final List<String> problems = new ArrayList<>();

    private void problem(Path file, long line, String reason) {
        if (problems.size() < MAX_PROBLEMS) problems.add(file + ":" + line + ": " + reason);
    }

    void failIfAny() throws InvalidInput {
        if (!problems.isEmpty()) throw new InvalidInput(problems);
    }

    /** A row with its line number and fields by column name. */
    private record Row(long line, Map<String, String> fields) {
        String get(String column) {
            String v = fields.get(column);
            return v == null ? "" : v.strip();
        }
    }

    private List<Row> read(Path file, List<String> required) {
        List<Row> rows = new ArrayList<>();
        try (CsvReader<CsvRecord> reader = CsvReader.builder()
                .allowExtraFields(true)
                .allowMissingFields(true)
                .skipEmptyLines(true)
                .ofCsvRecord(file)) {
            List<String> header = null;
            for (CsvRecord rec : reader) {
                if (header == null) {
                    header = new ArrayList<>();
                    for (String f : rec.getFields())
                        header.add(f.strip().replace("\uFEFF", "").toLowerCase(Locale.ROOT));
                    Set<String> seen = new HashSet<>();
                    for (String h : header)
                        if (!seen.add(h)) problem(file, rec.getStartingLineNumber(), "duplicate column '" + h + "'");
                    for (String c : required) {
                        if (!header.contains(c))
                            problem(
                                    file,
                                    rec.getStartingLineNumber(),
                                    "missing column '" + c + "' (expected " + String.join(",", required) + ")");
                    }
                    continue;
                }
                if (rec.getFieldCount() != header.size()) {
                    problem(
                            file,
                            rec.getStartingLineNumber(),
                            "expected " + header.size() + " fields, found " + rec.getFieldCount());
                    continue;
                }
                Map<String, String> m = new HashMap<>();
                for (int i = 0; i < header.size(); i++) m.put(header.get(i), rec.getField(i));
                rows.add(new Row(rec.getStartingLineNumber(), m));
            }
            if (header == null) problem(file, 1, "empty file: expected a header " + String.join(",", required));
        } catch (CsvParseException e) {
            problem(file, 0, "malformed CSV: " + e.getMessage());
        } catch (IOException e) {
            problem(file, 0, "cannot read: " + e.getMessage());
        } catch (UncheckedIOException e) {
            problem(file, 0, "cannot read: " + e.getCause().getMessage());
        }
        return rows;
    }

    private Integer integer(Path file, Row r, String column) {
        String v = r.get(column);
        try {
            return Integer.parseInt(v);
        } catch (NumberFormatException e) {
            problem(file, r.line(), column + " must be an integer, got '" + v + "'");
            return null;
        }
    }

    private Double number(Path file, Row r, String column) {
        String v = r.get(column);
        try {
            double d = Double.parseDouble(v);
            if (!Double.isFinite(d)) throw new NumberFormatException();
            return d;
        } catch (NumberFormatException e) {
            problem(file, r.line(), column + " must be a number, got '" + v + "'");
            return null;
        }
    }

    private GeoPoint point(Path file, Row r) {
        Double lat = number(file, r, "lat"), lon = number(file, r, "lon");
        if (lat == null || lon == null) return null;
        try {
            return new GeoPoint(lat, lon);
        } catch (IllegalArgumentException e) {
            problem(file, r.line(), e.getMessage());
            return null;
        }
    }

    static final List<String> HOUSEHOLD_COLUMNS =
            List.of("id", "size", "lat", "lon", "priority", "waiting_since", "max_minutes");
    static final List<String> DOCTOR_COLUMNS = List.of("id", "lat", "lon", "capacity");
    static final List<String> TRAVEL_COLUMNS = List.of("household", "doctor", "minutes");

    /**
     * Households: {@code id,size,lat,lon,priority,waiting_since,max_minutes} (max_minutes may be
     * empty: 30), optional {@code needs} ("paediatrics", "wheelchair", "lang:xx", "complex", separated by ';'; "complex": someone
     * in ALD or vulnerable, only a doctor who offers "complex" is eligible), {@code density} (dense, intermediate, sparse,
     * very_sparse: the road speed at home; default intermediate), {@code transferred} (true/false: network doctors
     * preferred) and {@code excluded} (doctor ids never to propose, separated by ';').
     */
    List<Household> households(Path file) {
        List<Household> out = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (Row r : read(file, HOUSEHOLD_COLUMNS)) {
            String id = r.get("id");
            if (id.isEmpty()) {
                problem(file, r.line(), "id is empty");
                continue;
            }
            Long first = ids.putIfAbsent(id, r.line());
            if (first != null) {
                problem(file, r.line(), "duplicate household id '" + id + "' (first on line " + first + ")");
                continue;
            }
            Integer size = integer(file, r, "size");
            if (size != null && size < 1) problem(file, r.line(), "size must be at least 1, got " + size);
            Integer priority = integer(file, r, "priority");
            if (priority != null && (priority < 1 || priority > 5))
                problem(file, r.line(), "priority must be within 1..5, got " + priority);
            GeoPoint at = point(file, r);
            LocalDate since = null;
            try {
                since = LocalDate.parse(r.get("waiting_since"));
            } catch (DateTimeParseException e) {
                problem(
                        file,
                        r.line(),
                        "waiting_since must be a date YYYY-MM-DD, got '" + r.get("waiting_since") + "'");
            }
            Double max = r.get("max_minutes").isEmpty()
                    ? (Double) Household.DEFAULT_MAX_MINUTES
                    : number(file, r, "max_minutes");
            if (max != null && !(max > 0 && max <= 1440)) {
                problem(file, r.line(), "max_minutes must be within (0, 1440], got " + r.get("max_minutes"));
                max = null;
            }
            Needs needs = needs(file, r);
            DensityClass density = density(file, r);
            Boolean transferred = bool(file, r, "transferred", false);
            Set<String> excluded = new java.util.TreeSet<>();
            for (String part : r.get("excluded").split(";")) if (!part.isBlank()) excluded.add(part.strip());
            if (size == null
                    || size < 1
                    || priority == null
                    || priority < 1
                    || priority > 5
                    || at == null
                    || since == null
                    || max == null
                    || needs == null
                    || density == null
                    || transferred == null) continue;
            out.add(new Household(id, size, at, priority, since, max, needs, density, transferred, excluded));
        }
        return out;
    }

    private Needs needs(Path file, Row r) {
        String v = r.get("needs");
        boolean paed = false, wheel = false, complex = false;
        Optional<String> lang = Optional.empty();
        if (v.isEmpty()) return Needs.NONE;
        for (String part : v.split(";")) {
            String t = part.strip().toLowerCase(Locale.ROOT);
            if (t.isEmpty()) continue;
            if (t.equals("paediatrics")) paed = true;
            else if (t.equals("wheelchair")) wheel = true;
            else if (t.equals("complex")) complex = true;
            else if (t.startsWith("lang:") && t.length() > 5) lang = Optional.of(t.substring(5));
            else {
                problem(
                        file,
                        r.line(),
                        "unknown need '" + part.strip() + "' (expected paediatrics, wheelchair, lang:xx, complex)");
                return null;
            }
        }
        return new Needs(paed, wheel, lang, complex);
    }

    /** Optional column {@code density}: a density class, intermediate when empty; null (reported) when unknown. */
    private DensityClass density(Path file, Row r) {
        String v = r.get("density").strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) return DensityClass.INTERMEDIATE;
        for (DensityClass c : DensityClass.values())
            if (c.name().toLowerCase(Locale.ROOT).equals(v)) return c;
        problem(
                file,
                r.line(),
                "unknown density '" + r.get("density").strip()
                        + "' (expected dense, intermediate, sparse, very_sparse)");
        return null;
    }

    /** Optional true/false column ({@code 1/0}, {@code yes/no} too); {@code absent} when empty; null (reported) otherwise. */
    private Boolean bool(Path file, Row r, String column, boolean absent) {
        String v = r.get(column).strip().toLowerCase(Locale.ROOT);
        if (v.isEmpty()) return absent;
        if (v.equals("true") || v.equals("1") || v.equals("yes")) return true;
        if (v.equals("false") || v.equals("0") || v.equals("no")) return false;
        problem(
                file,
                r.line(),
                column + " must be true or false, got '" + r.get(column).strip() + "'");
        return null;
    }

    /**
     * Doctors: {@code id,lat,lon,capacity}, optional {@code accepting} (true/false, default true), {@code density} (as for
     * households), {@code network} (true/false: signed the médecins solidaires charter) and
     * {@code offers} (or its older name {@code capabilities}: "paediatrics;wheelchair;lang:xx;complex"; when the column is
     * absent every doctor meets every need but language).
     */
    List<Doctor> doctors(Path file) {
        List<Doctor> out = new ArrayList<>();
        Map<String, Long> ids = new HashMap<>();
        for (Row r : read(file, DOCTOR_COLUMNS)) {
            String id = r.get("id");
            if (id.isEmpty()) {
                problem(file, r.line(), "id is empty");
                continue;
            }
            Long first = ids.putIfAbsent(id, r.line());
            if (first != null) {
                problem(file, r.line(), "duplicate doctor id '" + id + "' (first on line " + first + ")");
                continue;
            }
            GeoPoint at = point(file, r);
            Integer capacity = integer(file, r, "capacity");
            if (capacity != null && capacity < 0) problem(file, r.line(), "capacity must be >= 0, got " + capacity);
            Boolean accepting = bool(file, r, "accepting", true);
            Boolean network = bool(file, r, "network", false);
            DensityClass density = density(file, r);
            Capabilities caps = Capabilities.UNRESTRICTED;
            String offersColumn = r.fields().containsKey("offers") ? "offers" : "capabilities";
            if (r.fields().containsKey("offers") && r.fields().containsKey("capabilities")) {
                problem(file, r.line(), "columns 'offers' and 'capabilities' are the same: keep one");
            }
            if (r.fields().containsKey(offersColumn)) {
                boolean paed = false, wheel = false, complex = false;
                Set<String> langs = new HashSet<>();
                for (String part : r.get(offersColumn).split(";")) {
                    String t = part.strip().toLowerCase(Locale.ROOT);
                    if (t.isEmpty()) continue;
                    if (t.equals("paediatrics")) paed = true;
                    else if (t.equals("wheelchair")) wheel = true;
                    else if (t.equals("complex")) complex = true;
                    else if (t.startsWith("lang:") && t.length() > 5) langs.add(t.substring(5));
                    else
                        problem(
                                file,
                                r.line(),
                                "unknown offer '" + part.strip()
                                        + "' (expected paediatrics, wheelchair, lang:xx, complex)");
                }
                caps = new Capabilities(paed, wheel, langs, complex);
            }
            if (at == null
                    || capacity == null
                    || capacity < 0
                    || accepting == null
                    || network == null
                    || density == null) continue;
            out.add(new Doctor(id, at, capacity, accepting, caps, density, network));
        }
        return out;
    }

    /** Travel times {@code household,doctor,minutes}; every id must be known, each pair listed once. */
    TravelTimeTable travelTimes(Path file, Set<String> households, Set<String> doctors) {
        TravelTimeTable.Builder b = TravelTimeTable.builder();
        Map<String, Long> seen = new HashMap<>();
        for (Row r : read(file, TRAVEL_COLUMNS)) {
            String h = r.get("household"), d = r.get("doctor");
            boolean ok = true;
            if (!households.contains(h)) {
                problem(file, r.line(), "unknown household '" + h + "'");
                ok = false;
            }
            if (!doctors.contains(d)) {
                problem(file, r.line(), "unknown doctor '" + d + "'");
                ok = false;
            }
            Double minutes = number(file, r, "minutes");
            if (minutes != null && minutes < 0) {
                problem(file, r.line(), "minutes must be >= 0, got " + minutes);
                ok = false;
            }
            if (!ok || minutes == null) continue;
            Long first = seen.putIfAbsent(h + "\u0000" + d, r.line());
            if (first != null) {
                problem(file, r.line(), "pair (" + h + ", " + d + ") already listed on line " + first);
                continue;
            }
            b.add(h, d, minutes);
        }
        return b.build();
    }
}
