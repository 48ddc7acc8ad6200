package fr.traitant.engine.directory;

import java.util.List;

/** The directory file formats a {@link DirectoryFileParser} reads, and their columns. */
public enum DirectoryFormat {
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

    DirectoryFormat(char separator, List<String> requiredColumns) {
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
}
