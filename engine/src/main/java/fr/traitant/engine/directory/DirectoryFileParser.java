package fr.traitant.engine.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates, line by line, a directory file in one of the two {@link DirectoryFormat}s. Pure: it
 * receives lines already decoded (the caller reads the file, checks its encoding and counts lines) and
 * keeps only what is needed to find duplicate rows. Not thread-safe: one parser per file.
 *
 * <p>Every data line gives one {@link ParsedLine}: {@link ParsedLine.Accepted} (a doctor at one practice location),
 * {@link ParsedLine.Skipped} (a line the directory does not keep, e.g. another profession in the national
 * extraction — not an error) or {@link ParsedLine.Rejected} (malformed: the whole file is then refused by the
 * importer). Messages are French, for the people who fix the file.
 */
public final class DirectoryFileParser {

    private final DirectoryFormat format;
    private final int fieldCount;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Predicate<String> knownCommune;
    private final Map<String, Long> seen = new HashMap<>();
    private final String[] fields;

    private DirectoryFileParser(DirectoryFormat format, List<String> header, Predicate<String> knownCommune) {
        this.format = format;
        this.knownCommune = knownCommune;
        int count = header.size();
        // The national file ends every line with a separator: an empty last column name.
        if (count > 1 && header.get(count - 1).isEmpty()) {
            count--;
        }
        this.fieldCount = count;
        for (int i = 0; i < count; i++) {
            columns.putIfAbsent(header.get(i).strip(), i);
        }
        this.fields = new String[header.size() + 1];
    }

    /**
     * A parser for a file of {@code format} whose first line is {@code headerLine}.
     *
     * @param knownCommune says whether an INSEE commune code exists
     * @throws IllegalArgumentException (French message) when required columns are missing
     */
    public static DirectoryFileParser start(DirectoryFormat format, String headerLine, Predicate<String> knownCommune) {
        String header = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
        List<String> names = DelimitedFields.split(header, format.separator());
        List<String> missing = new ArrayList<>();
        List<String> stripped = names.stream().map(String::strip).toList();
        for (String required : format.requiredColumns()) {
            if (!stripped.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Colonnes manquantes dans l'en-tête (ligne 1) : "
                    + String.join(
                            ", ", missing.stream().map(m -> "« " + m + " »").toList())
                    + ". Vérifiez le format choisi ("
                    + (format == DirectoryFormat.RPPS_EXTRACTION
                            ? "extraction RPPS, séparateur « | »"
                            : "CSV Traitant, séparateur « , »")
                    + ").");
        }
        return new DirectoryFileParser(format, stripped, knownCommune);
    }

    /** The format. */
    public DirectoryFormat format() {
        return format;
    }

    /** Parses data line {@code lineNumber} (without its line terminator). */
    public ParsedLine parse(String line, long lineNumber) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return new ParsedLine.Rejected(
                        lineNumber,
                        (c == 0 ? "Octet nul (U+0000)" : String.format("Caractère de contrôle U+%04X", (int) c))
                                + " dans la ligne : fichier binaire ou corrompu ?");
            }
        }
        ParsedLine row = parseFields(line, lineNumber);
        return row instanceof ParsedLine.Accepted accepted ? DoctorFieldChecks.checked(accepted) : row;
    }

    private ParsedLine parseFields(String line, long lineNumber) {
        int n = DelimitedFields.splitInto(line, format.separator(), fields);
        if (n < 0) {
            return new ParsedLine.Rejected(lineNumber, "Guillemet non fermé : ligne tronquée ou mal formée.");
        }
        // Accept the national file's trailing separator (one more, empty, field).
        if (n == fieldCount + 1 && fields[fieldCount].isEmpty()) {
            n = fieldCount;
        }
        if (n != fieldCount) {
            return new ParsedLine.Rejected(
                    lineNumber,
                    "Ligne incomplète ou mal formée : " + n + " champ(s) au lieu de " + fieldCount
                            + (n < fieldCount ? " (ligne tronquée ?)." : "."));
        }
        return format == DirectoryFormat.RPPS_EXTRACTION ? rppsRow(lineNumber) : csvRow(lineNumber);
    }

    private ParsedLine rppsRow(long line) {
        String profession = field(DirectoryFormat.RppsColumns.PROFESSION);
        if (!DirectoryFormat.RppsColumns.DOCTOR_PROFESSION.equals(profession)) {
            return new ParsedLine.Skipped(
                    line,
                    "Profession " + profession
                            + Professions.label(profession)
                                    .map(l -> " (" + l + ")")
                                    .orElse("") + " : seuls les médecins (code 10) sont repris.");
        }
        String idType = field(DirectoryFormat.RppsColumns.ID_TYPE);
        if (!idType.isEmpty() && !DirectoryFormat.RppsColumns.RPPS_ID_TYPE.equals(idType)) {
            return new ParsedLine.Skipped(
                    line, "Identifiant de type " + idType + " (ADELI) : seuls les numéros RPPS sont repris.");
        }
        String rppsText = field(DirectoryFormat.RppsColumns.ID);
        String rppsProblem = Rpps.problem(rppsText);
        if (rppsProblem != null) {
            return new ParsedLine.Rejected(line, rppsProblem);
        }
        if (rppsText.startsWith(Rpps.SYNTHETIC_PREFIX)) {
            return new ParsedLine.Rejected(
                    line,
                    "Le numéro RPPS « " + rppsText
                            + " » appartient à la plage réservée aux médecins synthétiques (000…).");
        }
        String lastName = field(DirectoryFormat.RppsColumns.LAST_NAME);
        if (lastName.isEmpty()) {
            return new ParsedLine.Rejected(line, "Le nom d'exercice est absent.");
        }
        String specialtyCode = field(DirectoryFormat.RppsColumns.SPECIALTY);
        if (specialtyCode.isEmpty()) {
            return new ParsedLine.Skipped(line, "Médecin sans savoir-faire (spécialité) déclaré : non repris.");
        }
        MedicalSpecialty specialty = MedicalSpecialty.find(specialtyCode).orElse(null);
        List<String> warnings = List.of();
        if (specialty == null) {
            try {
                specialty = MedicalSpecialty.unlisted(specialtyCode);
            } catch (IllegalArgumentException e) {
                return new ParsedLine.Rejected(line, String.valueOf(e.getMessage()));
            }
            warnings = List.of("Savoir-faire « " + specialty.code()
                    + " » absent de la table des spécialités : médecin repris avec ce code"
                    + " (compté parmi les autres spécialités).");
        }
        String commune = field(DirectoryFormat.RppsColumns.COMMUNE);
        if (commune.isEmpty()) {
            return new ParsedLine.Skipped(line, "Situation d'exercice sans adresse de structure : non reprise.");
        }
        if (!knownCommune.test(commune)) {
            return new ParsedLine.Rejected(line, "Commune inconnue : code INSEE « " + commune + " ».");
        }
        String address = join(
                field(DirectoryFormat.RppsColumns.STREET_NUMBER),
                field(DirectoryFormat.RppsColumns.STREET_TYPE),
                field(DirectoryFormat.RppsColumns.STREET));
        String duplicate = duplicateOf(rppsText + '|' + commune + '|' + address.toUpperCase(Locale.ROOT), line);
        if (duplicate != null) {
            return new ParsedLine.Rejected(line, duplicate);
        }
        String organization = field(DirectoryFormat.RppsColumns.ORGANIZATION);
        if (organization.isEmpty()) {
            organization = field(DirectoryFormat.RppsColumns.SIGN);
        }
        String email = field(DirectoryFormat.RppsColumns.EMAIL);
        return new ParsedLine.Accepted(
                line,
                new DoctorRecord(
                        new Rpps(rppsText),
                        lastName,
                        field(DirectoryFormat.RppsColumns.FIRST_NAME),
                        specialty,
                        commune,
                        field(DirectoryFormat.RppsColumns.POSTAL_CODE),
                        address,
                        organization,
                        Double.NaN,
                        Double.NaN,
                        field(DirectoryFormat.RppsColumns.PHONE),
                        email.toLowerCase(Locale.ROOT).contains("mssante") ? email : "",
                        null,
                        null,
                        null,
                        null,
                        -1,
                        null,
                        -1,
                        -1),
                warnings);
    }

    private ParsedLine csvRow(long line) {
        String rppsText = field(DirectoryFormat.CsvColumns.RPPS);
        String rppsProblem = Rpps.problem(rppsText);
        if (rppsProblem != null) {
            return new ParsedLine.Rejected(line, rppsProblem);
        }
        if (rppsText.startsWith(Rpps.SYNTHETIC_PREFIX)) {
            return new ParsedLine.Rejected(
                    line,
                    "Le numéro RPPS « " + rppsText
                            + " » appartient à la plage réservée aux médecins synthétiques (000…).");
        }
        String lastName = field(DirectoryFormat.CsvColumns.LAST_NAME);
        if (lastName.isEmpty()) {
            return new ParsedLine.Rejected(line, "Le nom est absent.");
        }
        MedicalSpecialty specialty = MedicalSpecialty.find(field(DirectoryFormat.CsvColumns.SPECIALTY))
                .orElse(null);
        if (specialty == null) {
            return new ParsedLine.Rejected(
                    line,
                    "Spécialité inconnue : « " + field(DirectoryFormat.CsvColumns.SPECIALTY)
                            + " » (code de la nomenclature, ex. SM54).");
        }
        String commune = field(DirectoryFormat.CsvColumns.COMMUNE);
        if (!knownCommune.test(commune)) {
            return new ParsedLine.Rejected(line, "Commune inconnue : code INSEE « " + commune + " ».");
        }
        double lat = Double.NaN;
        double lon = Double.NaN;
        String latText = field(DirectoryFormat.CsvColumns.LAT);
        String lonText = field(DirectoryFormat.CsvColumns.LON);
        if (!latText.isEmpty() || !lonText.isEmpty()) {
            try {
                lat = Double.parseDouble(latText);
                lon = Double.parseDouble(lonText);
            } catch (NumberFormatException e) {
                return new ParsedLine.Rejected(
                        line, "Coordonnées illisibles : lat « " + latText + " », lon « " + lonText + " ».");
            }
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                return new ParsedLine.Rejected(
                        line,
                        "Coordonnées impossibles : lat " + latText + ", lon " + lonText
                                + " (latitude entre -90 et 90, longitude entre -180 et 180).");
            }
        }
        FeeSector sector = null;
        if (!field(DirectoryFormat.CsvColumns.SECTOR).isEmpty()) {
            sector = FeeSector.fromCode(field(DirectoryFormat.CsvColumns.SECTOR));
            if (sector == null) {
                return new ParsedLine.Rejected(
                        line,
                        "Secteur inconnu : « " + field(DirectoryFormat.CsvColumns.SECTOR) + " » (1, 2 ou OPTAM).");
            }
        }
        Boolean teleconsultation;
        Boolean wheelchair;
        try {
            teleconsultation = yesNo(DirectoryFormat.CsvColumns.TELECONSULTATION);
            wheelchair = yesNo(DirectoryFormat.CsvColumns.WHEELCHAIR);
        } catch (IllegalArgumentException e) {
            return new ParsedLine.Rejected(line, String.valueOf(e.getMessage()));
        }
        List<String> languages = null;
        if (columns.containsKey(DirectoryFormat.CsvColumns.LANGUAGES)) {
            languages = new ArrayList<>();
            for (String code : field(DirectoryFormat.CsvColumns.LANGUAGES).split(";")) {
                String c = code.strip().toLowerCase(Locale.ROOT);
                if (c.isEmpty()) {
                    continue;
                }
                if (c.length() != 2 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))) {
                    return new ParsedLine.Rejected(
                            line, "Langue invalide : « " + code + " » (code ISO 639-1 à deux lettres, ex. en;ar).");
                }
                languages.add(c);
            }
        }
        int birthYear;
        int capacity;
        int complexity;
        try {
            birthYear = integer(DirectoryFormat.CsvColumns.BIRTH_YEAR, 1900, 2100, "année de naissance");
            capacity = integer(DirectoryFormat.CsvColumns.CAPACITY, 0, 10_000, "capacité");
            complexity = integer(DirectoryFormat.CsvColumns.MAX_COMPLEXITY, 1, 3, "complexité maximale");
        } catch (IllegalArgumentException e) {
            return new ParsedLine.Rejected(line, String.valueOf(e.getMessage()));
        }
        NewPatients newPatients = null;
        if (!field(DirectoryFormat.CsvColumns.NEW_PATIENTS).isEmpty()) {
            newPatients = NewPatients.parse(field(DirectoryFormat.CsvColumns.NEW_PATIENTS));
            if (newPatients == null) {
                return new ParsedLine.Rejected(
                        line,
                        "Statut « nouveaux patients » inconnu : « " + field(DirectoryFormat.CsvColumns.NEW_PATIENTS)
                                + " » (ACCEPTING, NOT_ACCEPTING, EXISTING_PATIENTS_ONLY, EXISTING_PATIENTS_AND_FAMILY_ONLY).");
            }
        }
        String duplicate = duplicateOf(rppsText, line);
        if (duplicate != null) {
            return new ParsedLine.Rejected(line, duplicate);
        }
        return new ParsedLine.Accepted(
                line,
                new DoctorRecord(
                        new Rpps(rppsText),
                        lastName,
                        field(DirectoryFormat.CsvColumns.FIRST_NAME),
                        specialty,
                        commune,
                        field(DirectoryFormat.CsvColumns.POSTAL_CODE),
                        field(DirectoryFormat.CsvColumns.ADDRESS),
                        field(DirectoryFormat.CsvColumns.ORGANIZATION),
                        lat,
                        lon,
                        field(DirectoryFormat.CsvColumns.PHONE),
                        field(DirectoryFormat.CsvColumns.MSSANTE),
                        sector,
                        teleconsultation,
                        wheelchair,
                        languages,
                        birthYear,
                        newPatients,
                        capacity,
                        complexity));
    }

    private @Nullable String duplicateOf(String key, long line) {
        Long first = seen.putIfAbsent(key, line);
        return first == null ? null : "Ligne en double : même médecin et même lieu qu'à la ligne " + first + ".";
    }

    private @Nullable Boolean yesNo(String column) {
        String v = field(column).toLowerCase(Locale.ROOT);
        return switch (v) {
            case "" -> null;
            case "oui", "o", "true", "1", "yes" -> Boolean.TRUE;
            case "non", "n", "false", "0", "no" -> Boolean.FALSE;
            default ->
                throw new IllegalArgumentException(
                        "Valeur « " + field(column) + " » invalide pour « " + column + " » (oui ou non).");
        };
    }

    private int integer(String column, int min, int max, String what) {
        String v = field(column);
        if (v.isEmpty()) {
            return -1;
        }
        int value;
        try {
            value = Integer.parseInt(v);
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("Nombre illisible pour " + what + " : « " + v + " ».");
        }
        if (value < min || value > max) {
            throw new IllegalArgumentException(
                    "Valeur hors limites pour " + what + " : " + value + " (de " + min + " à " + max + ").");
        }
        return value;
    }

    private String field(String column) {
        Integer i = columns.get(column);
        return i == null ? "" : fields[i];
    }

    private static String join(String... parts) {
        StringBuilder b = new StringBuilder();
        for (String p : parts) {
            if (!p.isEmpty()) {
                if (!b.isEmpty()) {
                    b.append(' ');
                }
                b.append(p);
            }
        }
        return b.toString();
    }
}
