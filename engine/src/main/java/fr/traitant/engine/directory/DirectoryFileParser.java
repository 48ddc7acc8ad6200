package fr.traitant.engine.directory;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;

/**
 * Parses and validates, line by line, a directory file in one of the two {@link Format}s. Pure: it
 * receives lines already decoded (the caller reads the file, checks its encoding and counts lines) and
 * keeps only what is needed to find duplicate rows. Not thread-safe: one parser per file.
 *
 * <p>Every data line gives one {@link Row}: {@link Accepted} (a doctor at one practice location),
 * {@link Skipped} (a line the directory does not keep, e.g. another profession in the national
 * extraction — not an error) or {@link Rejected} (malformed: the whole file is then refused by the
 * importer). Messages are French, for the people who fix the file.
 */
public final class DirectoryFileParser {

    /** The file formats. */
    public enum Format {
        /**
         * The national RPPS extraction "PS_LibreAcces_Personne_activite" (Annuaire Santé, ANS):
         * pipe-separated, UTF-8, a header line of French column names, one line per professional and
         * practice situation, all professions (only doctors, profession code 10, are kept).
         */
        RPPS_EXTRACTION(
                '|',
                List.of(
                        RppsColumns.ID,
                        RppsColumns.LAST_NAME,
                        RppsColumns.FIRST_NAME,
                        RppsColumns.PROFESSION,
                        RppsColumns.SPECIALTY,
                        RppsColumns.COMMUNE)),
        /**
         * Traitant's own CSV: comma-separated, UTF-8, optional double quotes, header line with the
         * columns of {@link CsvColumns}; one line per doctor.
         */
        TRAITANT_CSV(
                ',',
                List.of(
                        CsvColumns.RPPS,
                        CsvColumns.LAST_NAME,
                        CsvColumns.FIRST_NAME,
                        CsvColumns.SPECIALTY,
                        CsvColumns.COMMUNE));

        private final char separator;
        private final List<String> requiredColumns;

        Format(char separator, List<String> requiredColumns) {
            this.separator = separator;
            this.requiredColumns = requiredColumns;
        }

        /** Field separator. */
        public char separator() {
            return separator;
        }

        /** Columns the header must name. */
        public List<String> requiredColumns() {
            return requiredColumns;
        }
    }

    /** Column names of the national RPPS extraction used here. */
    public static final class RppsColumns {
        public static final String ID_TYPE = "Type d'identifiant PP";
        public static final String ID = "Identifiant PP";
        public static final String LAST_NAME = "Nom d'exercice";
        public static final String FIRST_NAME = "Prénom d'exercice";
        public static final String PROFESSION = "Code profession";
        public static final String SPECIALTY = "Code savoir-faire";
        public static final String ORGANIZATION = "Raison sociale site";
        public static final String SIGN = "Enseigne commerciale site";
        public static final String STREET_NUMBER = "Numéro Voie (coord. structure)";
        public static final String STREET_TYPE = "Libellé type de voie (coord. structure)";
        public static final String STREET = "Libellé Voie (coord. structure)";
        public static final String POSTAL_CODE = "Code postal (coord. structure)";
        public static final String COMMUNE = "Code commune (coord. structure)";
        public static final String PHONE = "Téléphone (coord. structure)";
        public static final String EMAIL = "Adresse e-mail (coord. structure)";

        /** Profession code of doctors ("Médecin"). */
        public static final String DOCTOR_PROFESSION = "10";
        /** Identifier type of RPPS numbers (0 is ADELI). */
        public static final String RPPS_ID_TYPE = "8";

        private RppsColumns() {}
    }

    /** Column names of Traitant's CSV. */
    public static final class CsvColumns {
        public static final String RPPS = "rpps";
        public static final String LAST_NAME = "nom";
        public static final String FIRST_NAME = "prenom";
        public static final String SPECIALTY = "specialite";
        public static final String COMMUNE = "commune";
        public static final String POSTAL_CODE = "code_postal";
        public static final String ADDRESS = "adresse";
        public static final String ORGANIZATION = "cabinet";
        public static final String LAT = "lat";
        public static final String LON = "lon";
        public static final String PHONE = "telephone";
        public static final String MSSANTE = "mssante";
        public static final String SECTOR = "secteur";
        public static final String TELECONSULTATION = "teleconsultation";
        public static final String WHEELCHAIR = "acces_fauteuil";
        public static final String LANGUAGES = "langues";
        public static final String BIRTH_YEAR = "annee_naissance";
        public static final String NEW_PATIENTS = "nouveaux_patients";
        public static final String CAPACITY = "capacite";
        public static final String MAX_COMPLEXITY = "complexite_max";

        /** Every column, in the order of the template file. */
        public static final List<String> ALL = List.of(
                RPPS,
                LAST_NAME,
                FIRST_NAME,
                SPECIALTY,
                COMMUNE,
                POSTAL_CODE,
                ADDRESS,
                ORGANIZATION,
                LAT,
                LON,
                PHONE,
                MSSANTE,
                SECTOR,
                TELECONSULTATION,
                WHEELCHAIR,
                LANGUAGES,
                BIRTH_YEAR,
                NEW_PATIENTS,
                CAPACITY,
                MAX_COMPLEXITY);

        private CsvColumns() {}
    }

    /** The outcome of one data line. */
    public sealed interface Row permits Accepted, Skipped, Rejected {
        /** 1-based line number in the file (the header is line 1). */
        long line();
    }

    /**
     * A valid doctor row; {@code warnings} name the values that were invalid and left empty (phone, MSSanté address,
     * postal code), in French.
     */
    public record Accepted(long line, DoctorRecord doctor, List<String> warnings) implements Row {
        public Accepted {
            warnings = List.copyOf(warnings);
        }

        public Accepted(long line, DoctorRecord doctor) {
            this(line, doctor, List.of());
        }
    }

    /** A well-formed line the directory does not keep, with why. */
    public record Skipped(long line, String reason) implements Row {}

    /** A malformed line, with why (French). */
    public record Rejected(long line, String reason) implements Row {}

    private final Format format;
    private final int fieldCount;
    private final Map<String, Integer> columns = new HashMap<>();
    private final Predicate<String> knownCommune;
    private final Map<String, Long> seen = new HashMap<>();
    private final String[] fields;

    private DirectoryFileParser(Format format, List<String> header, Predicate<String> knownCommune) {
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
    public static DirectoryFileParser start(Format format, String headerLine, Predicate<String> knownCommune) {
        String header = headerLine.startsWith("\uFEFF") ? headerLine.substring(1) : headerLine;
        List<String> names = split(header, format.separator);
        List<String> missing = new ArrayList<>();
        List<String> stripped = names.stream().map(String::strip).toList();
        for (String required : format.requiredColumns) {
            if (!stripped.contains(required)) {
                missing.add(required);
            }
        }
        if (!missing.isEmpty()) {
            throw new IllegalArgumentException("Colonnes manquantes dans l'en-tête (ligne 1) : "
                    + String.join(
                            ", ", missing.stream().map(m -> "« " + m + " »").toList())
                    + ". Vérifiez le format choisi ("
                    + (format == Format.RPPS_EXTRACTION
                            ? "extraction RPPS, séparateur « | »"
                            : "CSV Traitant, séparateur « , »")
                    + ").");
        }
        return new DirectoryFileParser(format, stripped, knownCommune);
    }

    /** The format. */
    public Format format() {
        return format;
    }

    /** Parses data line {@code lineNumber} (without its line terminator). */
    public Row parse(String line, long lineNumber) {
        for (int i = 0; i < line.length(); i++) {
            char c = line.charAt(i);
            if ((c < 0x20 && c != '\t') || c == 0x7F) {
                return new Rejected(
                        lineNumber,
                        (c == 0 ? "Octet nul (U+0000)" : String.format("Caractère de contrôle U+%04X", (int) c))
                                + " dans la ligne : fichier binaire ou corrompu ?");
            }
        }
        Row row = parseFields(line, lineNumber);
        return row instanceof Accepted accepted ? checked(accepted) : row;
    }

    private static final java.util.regex.Pattern MARKUP = java.util.regex.Pattern.compile("[<>]");
    private static final java.util.regex.Pattern PHONE =
            java.util.regex.Pattern.compile("(?:\\+33|0033|0)[1-9](?:[ .\\-]?[0-9]{2}){4}");
    private static final java.util.regex.Pattern EMAIL =
            java.util.regex.Pattern.compile("[A-Za-z0-9._%+'-]+@([A-Za-z0-9-]+\\.)+[A-Za-z]{2,}");
    private static final java.util.regex.Pattern POSTAL = java.util.regex.Pattern.compile("[0-9]{5}");

    /**
     * Names and addresses with markup refuse the line (they would be shown on pages and maps); a phone number, an
     * MSSanté address (syntax, and a domain of the MSSanté space: {@code …mssante.fr}) or a postal code that is not
     * valid is left empty with a warning, never stored.
     */
    private Row checked(Accepted a) {
        DoctorRecord d = a.doctor();
        for (String[] field : new String[][] {
            {"nom", d.lastName()},
            {"prénom", d.firstName()},
            {"adresse", d.address()},
            {"structure", d.organizationName()}
        }) {
            if (field[1] != null && MARKUP.matcher(field[1]).find()) {
                return new Rejected(
                        a.line(),
                        "Caractères « < » ou « > » interdits dans le champ " + field[0] + " : « " + field[1] + " ».");
            }
        }
        List<String> warnings = new ArrayList<>();
        String phone = d.phone() == null ? "" : d.phone().strip();
        if (!phone.isEmpty() && !PHONE.matcher(phone).matches()) {
            warnings.add("Téléphone invalide « " + phone + " » : laissé vide.");
            phone = "";
        }
        String mssante = d.mssante() == null ? "" : d.mssante().strip();
        if (!mssante.isEmpty()) {
            String domain = mssante.substring(mssante.indexOf('@') + 1).toLowerCase(Locale.ROOT);
            if (!EMAIL.matcher(mssante).matches()) {
                warnings.add("Adresse MSSanté invalide « " + mssante + " » : laissée vide.");
                mssante = "";
            } else if (!(domain.equals("mssante.fr") || domain.endsWith(".mssante.fr"))) {
                warnings.add("Adresse « " + mssante
                        + " » hors de l'espace MSSanté (domaine …mssante.fr attendu) : laissée vide.");
                mssante = "";
            }
        }
        String postal = d.postalCode() == null ? "" : d.postalCode().strip();
        if (!postal.isEmpty() && !POSTAL.matcher(postal).matches()) {
            warnings.add("Code postal invalide « " + postal + " » : laissé vide.");
            postal = "";
        }
        if (warnings.isEmpty()) {
            return a;
        }
        warnings.addAll(0, a.warnings());
        return new Accepted(
                a.line(),
                new DoctorRecord(
                        d.rpps(),
                        d.lastName(),
                        d.firstName(),
                        d.specialty(),
                        d.communeCode(),
                        postal,
                        d.address(),
                        d.organizationName(),
                        d.lat(),
                        d.lon(),
                        phone,
                        mssante,
                        d.feeSector(),
                        d.teleconsultation(),
                        d.wheelchairAccess(),
                        d.languages(),
                        d.birthYear(),
                        d.newPatients(),
                        d.capacity(),
                        d.maxComplexity()),
                warnings);
    }

    private Row parseFields(String line, long lineNumber) {
        int n = splitInto(line, format.separator, fields);
        if (n < 0) {
            return new Rejected(lineNumber, "Guillemet non fermé : ligne tronquée ou mal formée.");
        }
        // Accept the national file's trailing separator (one more, empty, field).
        if (n == fieldCount + 1 && fields[fieldCount].isEmpty()) {
            n = fieldCount;
        }
        if (n != fieldCount) {
            return new Rejected(
                    lineNumber,
                    "Ligne incomplète ou mal formée : " + n + " champ(s) au lieu de " + fieldCount
                            + (n < fieldCount ? " (ligne tronquée ?)." : "."));
        }
        return format == Format.RPPS_EXTRACTION ? rppsRow(lineNumber) : csvRow(lineNumber);
    }

    private Row rppsRow(long line) {
        String profession = field(RppsColumns.PROFESSION);
        if (!RppsColumns.DOCTOR_PROFESSION.equals(profession)) {
            return new Skipped(
                    line,
                    "Profession " + profession
                            + Professions.label(profession)
                                    .map(l -> " (" + l + ")")
                                    .orElse("") + " : seuls les médecins (code 10) sont repris.");
        }
        String idType = field(RppsColumns.ID_TYPE);
        if (!idType.isEmpty() && !RppsColumns.RPPS_ID_TYPE.equals(idType)) {
            return new Skipped(
                    line, "Identifiant de type " + idType + " (ADELI) : seuls les numéros RPPS sont repris.");
        }
        String rppsText = field(RppsColumns.ID);
        String rppsProblem = Rpps.problem(rppsText);
        if (rppsProblem != null) {
            return new Rejected(line, rppsProblem);
        }
        if (rppsText.startsWith(Rpps.SYNTHETIC_PREFIX)) {
            return new Rejected(
                    line,
                    "Le numéro RPPS « " + rppsText
                            + " » appartient à la plage réservée aux médecins synthétiques (000…).");
        }
        String lastName = field(RppsColumns.LAST_NAME);
        if (lastName.isEmpty()) {
            return new Rejected(line, "Le nom d'exercice est absent.");
        }
        String specialtyCode = field(RppsColumns.SPECIALTY);
        if (specialtyCode.isEmpty()) {
            return new Skipped(line, "Médecin sans savoir-faire (spécialité) déclaré : non repris.");
        }
        MedicalSpecialty specialty = MedicalSpecialty.find(specialtyCode).orElse(null);
        List<String> warnings = List.of();
        if (specialty == null) {
            try {
                specialty = MedicalSpecialty.unlisted(specialtyCode);
            } catch (IllegalArgumentException e) {
                return new Rejected(line, String.valueOf(e.getMessage()));
            }
            warnings = List.of("Savoir-faire « " + specialty.code()
                    + " » absent de la table des spécialités : médecin repris avec ce code"
                    + " (compté parmi les autres spécialités).");
        }
        String commune = field(RppsColumns.COMMUNE);
        if (commune.isEmpty()) {
            return new Skipped(line, "Situation d'exercice sans adresse de structure : non reprise.");
        }
        if (!knownCommune.test(commune)) {
            return new Rejected(line, "Commune inconnue : code INSEE « " + commune + " ».");
        }
        String address =
                join(field(RppsColumns.STREET_NUMBER), field(RppsColumns.STREET_TYPE), field(RppsColumns.STREET));
        String duplicate = duplicateOf(rppsText + '|' + commune + '|' + address.toUpperCase(Locale.ROOT), line);
        if (duplicate != null) {
            return new Rejected(line, duplicate);
        }
        String organization = field(RppsColumns.ORGANIZATION);
        if (organization.isEmpty()) {
            organization = field(RppsColumns.SIGN);
        }
        String email = field(RppsColumns.EMAIL);
        return new Accepted(
                line,
                new DoctorRecord(
                        new Rpps(rppsText),
                        lastName,
                        field(RppsColumns.FIRST_NAME),
                        specialty,
                        commune,
                        field(RppsColumns.POSTAL_CODE),
                        address,
                        organization,
                        Double.NaN,
                        Double.NaN,
                        field(RppsColumns.PHONE),
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

    private Row csvRow(long line) {
        String rppsText = field(CsvColumns.RPPS);
        String rppsProblem = Rpps.problem(rppsText);
        if (rppsProblem != null) {
            return new Rejected(line, rppsProblem);
        }
        if (rppsText.startsWith(Rpps.SYNTHETIC_PREFIX)) {
            return new Rejected(
                    line,
                    "Le numéro RPPS « " + rppsText
                            + " » appartient à la plage réservée aux médecins synthétiques (000…).");
        }
        String lastName = field(CsvColumns.LAST_NAME);
        if (lastName.isEmpty()) {
            return new Rejected(line, "Le nom est absent.");
        }
        MedicalSpecialty specialty =
                MedicalSpecialty.find(field(CsvColumns.SPECIALTY)).orElse(null);
        if (specialty == null) {
            return new Rejected(
                    line,
                    "Spécialité inconnue : « " + field(CsvColumns.SPECIALTY)
                            + " » (code de la nomenclature, ex. SM54).");
        }
        String commune = field(CsvColumns.COMMUNE);
        if (!knownCommune.test(commune)) {
            return new Rejected(line, "Commune inconnue : code INSEE « " + commune + " ».");
        }
        double lat = Double.NaN;
        double lon = Double.NaN;
        String latText = field(CsvColumns.LAT);
        String lonText = field(CsvColumns.LON);
        if (!latText.isEmpty() || !lonText.isEmpty()) {
            try {
                lat = Double.parseDouble(latText);
                lon = Double.parseDouble(lonText);
            } catch (NumberFormatException e) {
                return new Rejected(line, "Coordonnées illisibles : lat « " + latText + " », lon « " + lonText + " ».");
            }
            if (!(lat >= -90 && lat <= 90 && lon >= -180 && lon <= 180)) {
                return new Rejected(
                        line,
                        "Coordonnées impossibles : lat " + latText + ", lon " + lonText
                                + " (latitude entre -90 et 90, longitude entre -180 et 180).");
            }
        }
        FeeSector sector = null;
        if (!field(CsvColumns.SECTOR).isEmpty()) {
            sector = FeeSector.fromCode(field(CsvColumns.SECTOR));
            if (sector == null) {
                return new Rejected(line, "Secteur inconnu : « " + field(CsvColumns.SECTOR) + " » (1, 2 ou OPTAM).");
            }
        }
        Boolean teleconsultation;
        Boolean wheelchair;
        try {
            teleconsultation = yesNo(CsvColumns.TELECONSULTATION);
            wheelchair = yesNo(CsvColumns.WHEELCHAIR);
        } catch (IllegalArgumentException e) {
            return new Rejected(line, String.valueOf(e.getMessage()));
        }
        List<String> languages = null;
        if (columns.containsKey(CsvColumns.LANGUAGES)) {
            languages = new ArrayList<>();
            for (String code : field(CsvColumns.LANGUAGES).split(";")) {
                String c = code.strip().toLowerCase(Locale.ROOT);
                if (c.isEmpty()) {
                    continue;
                }
                if (c.length() != 2 || !Character.isLetter(c.charAt(0)) || !Character.isLetter(c.charAt(1))) {
                    return new Rejected(
                            line, "Langue invalide : « " + code + " » (code ISO 639-1 à deux lettres, ex. en;ar).");
                }
                languages.add(c);
            }
        }
        int birthYear;
        int capacity;
        int complexity;
        try {
            birthYear = integer(CsvColumns.BIRTH_YEAR, 1900, 2100, "année de naissance");
            capacity = integer(CsvColumns.CAPACITY, 0, 10_000, "capacité");
            complexity = integer(CsvColumns.MAX_COMPLEXITY, 1, 3, "complexité maximale");
        } catch (IllegalArgumentException e) {
            return new Rejected(line, String.valueOf(e.getMessage()));
        }
        NewPatients newPatients = null;
        if (!field(CsvColumns.NEW_PATIENTS).isEmpty()) {
            newPatients = NewPatients.parse(field(CsvColumns.NEW_PATIENTS));
            if (newPatients == null) {
                return new Rejected(
                        line,
                        "Statut « nouveaux patients » inconnu : « " + field(CsvColumns.NEW_PATIENTS)
                                + " » (ACCEPTING, NOT_ACCEPTING, EXISTING_PATIENTS_ONLY, EXISTING_PATIENTS_AND_FAMILY_ONLY).");
            }
        }
        String duplicate = duplicateOf(rppsText, line);
        if (duplicate != null) {
            return new Rejected(line, duplicate);
        }
        return new Accepted(
                line,
                new DoctorRecord(
                        new Rpps(rppsText),
                        lastName,
                        field(CsvColumns.FIRST_NAME),
                        specialty,
                        commune,
                        field(CsvColumns.POSTAL_CODE),
                        field(CsvColumns.ADDRESS),
                        field(CsvColumns.ORGANIZATION),
                        lat,
                        lon,
                        field(CsvColumns.PHONE),
                        field(CsvColumns.MSSANTE),
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

    /** Splits a header (no quote handling for the pipe format; RFC 4180 quotes for CSV). */
    static List<String> split(String line, char separator) {
        String[] out = new String[line.length() + 2];
        int n = splitInto(line, separator, out);
        if (n < 0) {
            throw new IllegalArgumentException("En-tête mal formé (guillemet non fermé).");
        }
        return java.util.Arrays.asList(out).subList(0, n);
    }

    /**
     * Splits {@code line} into {@code out} (trimmed fields); returns the field count, {@code out.length}
     * + 1 when there are too many, or -1 on an unclosed quote. Quotes are honoured for ',' only.
     */
    private static int splitInto(String line, char separator, String[] out) {
        int n = 0;
        int len = line.length();
        int start = 0;
        boolean quotes = separator == ',';
        while (true) {
            if (quotes && start < len && line.charAt(start) == '"') {
                StringBuilder b = new StringBuilder();
                int i = start + 1;
                while (true) {
                    if (i >= len) {
                        return -1;
                    }
                    char c = line.charAt(i);
                    if (c == '"') {
                        if (i + 1 < len && line.charAt(i + 1) == '"') {
                            b.append('"');
                            i += 2;
                            continue;
                        }
                        break;
                    }
                    b.append(c);
                    i++;
                }
                if (n == out.length) {
                    return out.length + 1;
                }
                out[n++] = b.toString().strip();
                int next = i + 1;
                if (next >= len) {
                    return n;
                }
                if (line.charAt(next) != separator) {
                    return -1;
                }
                start = next + 1;
                if (start == len) {
                    if (n == out.length) {
                        return out.length + 1;
                    }
                    out[n++] = "";
                    return n;
                }
                continue;
            }
            int end = line.indexOf(separator, start);
            if (n == out.length) {
                return out.length + 1;
            }
            if (end < 0) {
                out[n++] = line.substring(start, len).strip();
                return n;
            }
            out[n++] = line.substring(start, end).strip();
            start = end + 1;
        }
    }
}
