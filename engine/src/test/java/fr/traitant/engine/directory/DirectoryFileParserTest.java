package fr.traitant.engine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class DirectoryFileParserTest {

    static final String RPPS_HEADER =
            "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
                    + "Libellé civilité d'exercice|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|"
                    + "Code savoir-faire|Libellé savoir-faire|Raison sociale site|Numéro Voie (coord. structure)|"
                    + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Code postal (coord. structure)|"
                    + "Code commune (coord. structure)|Téléphone (coord. structure)|Adresse e-mail (coord. structure)|";
    static final String GP = "8|10000013994|810000013994|DR|Docteur|LAROCHE|YVES|10|Médecin|SM54|Médecine générale|"
            + "CABINET DU PORT|6|Rue|DU GENERAL DE GAULLE|83000|83137|0490875749||";

    private final Set<String> communes = Set.of("83137", "29019");

    @Test
    void reads_a_gp_of_the_national_extraction() {
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        var row = (ParsedLine.Accepted) parser.parse(GP, 2);
        assertThat(row.doctor().rpps().value()).isEqualTo("10000013994");
        assertThat(row.doctor().lastName()).isEqualTo("LAROCHE");
        assertThat(row.doctor().specialty().isGeneralPractice()).isTrue();
        assertThat(row.doctor().address()).isEqualTo("6 Rue DU GENERAL DE GAULLE");
        assertThat(row.doctor().feeSector()).isNull();
    }

    /** The rejection rules of the national extraction, one row each: what is changed in a good line, and why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = ';', textBlock = """
            RPPS of 10 digits            ; |10000013994|        ; |1000001399|         ; 11 chiffres
            RPPS with a letter           ; |10000013994|        ; |1000001399A|        ; que des chiffres
            RPPS missing                 ; |10000013994|        ; ||                   ; absent
            malformed specialty code     ; SM54                 ; S/99                 ; Code savoir-faire mal formé
            unknown commune              ; 83137                ; 99999                ; Commune inconnue
            no practice name             ; |LAROCHE|            ; ||                   ; nom d'exercice est absent
            """)
    void rejects_a_bad_line_of_the_national_extraction(String rule, String from, String to, String reason) {
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        String line = GP.replace(from, to);
        assertThat(line).as("the row changes the line").isNotEqualTo(GP);
        assertThat(parser.parse(line, 2))
                .isInstanceOfSatisfying(
                        ParsedLine.Rejected.class, r -> assertThat(r.reason()).contains(reason));
    }

    @Test
    void skips_other_professions_and_rejects_truncated_and_duplicate_lines() {
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        assertThat(parser.parse(GP.replace("|10|Médecin|", "|26|Audioprothésiste|"), 2))
                .isInstanceOf(ParsedLine.Skipped.class);
        assertThat(((ParsedLine.Rejected) parser.parse(GP.substring(0, 40), 6)).reason())
                .contains("tronquée");
        assertThat(parser.parse(GP, 7)).isInstanceOf(ParsedLine.Accepted.class);
        assertThat(((ParsedLine.Rejected) parser.parse(GP, 8)).reason())
                .contains("double")
                .contains("ligne 7");
    }

    static final String CSV_OK =
            "10000013994,\"Martin, dite Laure\",Laure,SM54,83137,83000,\"12 rue \"\"Neuve\"\"\",,43.12,5.93,,,1,oui,non,en;ar,1970,ACCEPTING,12,2";

    /** The rejection rules of Traitant's CSV, one row each: what is changed in a good line, and why. */
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            impossible coordinates      | 43.12,5.93    | 143.12,5.93    | Coordonnées impossibles
            unreadable coordinates      | 43.12,5.93    | nord,5.93      | Coordonnées illisibles
            unknown sector              | ,1,oui        | ,3,oui         | Secteur inconnu
            yes/no not yes or no        | ,oui,non,     | ,peut-être,non,| (oui ou non)
            language of three letters   | en;ar         | eng;ar         | Langue invalide
            birth year out of range     | ,1970,        | ,1850,         | année de naissance
            birth year unreadable       | ,1970,        | ,dix-neuf,     | Nombre illisible
            capacity out of range       | ,ACCEPTING,12,| ,ACCEPTING,-4, | capacité
            complexity out of range     | ,12,2         | ,12,7          | complexité maximale
            unknown new-patient status  | ACCEPTING     | PEUT_ETRE      | nouveaux patients
            unknown commune             | ,83137,       | ,99999,        | Commune inconnue
            no name                     | "Martin, dite Laure" | ""      | nom est absent
            RPPS of 10 digits           | 10000013994,  | 1000001399,    | 11 chiffres
            """)
    void rejects_a_bad_line_of_traitant_csv(String rule, String from, String to, String reason) {
        String header = String.join(",", DirectoryFormat.CsvColumns.ALL);
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.TRAITANT_CSV, header, communes::contains);
        String line = CSV_OK.replace(from, to);
        assertThat(line).as("the row changes the line").isNotEqualTo(CSV_OK);
        assertThat(parser.parse(line, 2))
                .isInstanceOfSatisfying(
                        ParsedLine.Rejected.class, r -> assertThat(r.reason()).contains(reason));
    }

    @Test
    void keeps_a_doctor_whose_specialty_code_is_not_in_the_table_with_a_warning() {
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        var row = (ParsedLine.Accepted) parser.parse(GP.replace("SM54", "SM99"), 4);
        assertThat(row.doctor().specialty().code()).isEqualTo("SM99");
        assertThat(row.doctor().specialty().listed()).isFalse();
        assertThat(row.doctor().specialty().group()).isEqualTo(fr.traitant.engine.supply.Specialty.OTHER_SPECIALTY);
        assertThat(row.warnings()).singleElement().asString().contains("SM99").contains("repris avec ce code");
        // a listed code gives no warning, and the table has more than the 21 codes of the first wave
        assertThat(((ParsedLine.Accepted) DirectoryFileParser.start(
                                        DirectoryFormat.RPPS_EXTRACTION, RPPS_HEADER, communes::contains)
                                .parse(GP.replace("SM54", "SM59"), 5))
                        .warnings())
                .isEmpty();
        assertThat(MedicalSpecialty.ALL).hasSizeGreaterThan(50).containsKeys("SM01", "SM54", "SM65");
    }

    @Test
    void names_the_profession_of_a_skipped_line() {
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        assertThat(((ParsedLine.Skipped) parser.parse(GP.replace("|10|Médecin|", "|40|Chirurgien-dentiste|"), 2))
                        .reason())
                .isEqualTo("Profession 40 (Chirurgien-dentiste) : seuls les médecins (code 10) sont repris.");
    }

    @Test
    void refuses_a_header_without_the_required_columns() {
        assertThatThrownBy(() -> DirectoryFileParser.start(
                        DirectoryFormat.RPPS_EXTRACTION, "Identifiant PP|Nom d'exercice", communes::contains))
                .hasMessageContaining("Colonnes manquantes")
                .hasMessageContaining("Code savoir-faire");
    }

    @Test
    void reads_traitant_csv_with_quotes_and_validates_every_field() {
        String header = String.join(",", DirectoryFormat.CsvColumns.ALL);
        DirectoryFileParser parser =
                DirectoryFileParser.start(DirectoryFormat.TRAITANT_CSV, header, communes::contains);
        String ok = CSV_OK;
        var doctor = ((ParsedLine.Accepted) parser.parse(ok, 2)).doctor();
        assertThat(doctor.lastName()).isEqualTo("Martin, dite Laure");
        assertThat(doctor.address()).isEqualTo("12 rue \"Neuve\"");
        assertThat(doctor.languages()).containsExactly("en", "ar");
        assertThat(doctor.feeSector()).isEqualTo(FeeSector.SECTOR_1);
        assertThat(doctor.newPatients()).isEqualTo(NewPatients.ACCEPTING);
        assertThat(doctor.capacity()).isEqualTo(12);
        assertThat(((ParsedLine.Rejected) parser.parse(ok, 5)).reason()).contains("double");
        assertThat(((ParsedLine.Rejected) parser.parse("10000013994,\"Martin", 6)).reason())
                .contains("tronquée");
    }

    @Test
    void synthetic_rpps_numbers_are_valid_and_recognisable() {
        Rpps rpps = Rpps.synthetic(42);
        assertThat(rpps.value()).startsWith("000").hasSize(11);
        assertThat(Rpps.isValid(rpps.value())).isTrue();
        assertThat(rpps.isSynthetic()).isTrue();
        assertThat(Rpps.of("10000013994").isSynthetic()).isFalse();
    }
}
