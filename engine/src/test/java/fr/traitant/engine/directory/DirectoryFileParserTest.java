package fr.traitant.engine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.engine.directory.DirectoryFileParser.Accepted;
import fr.traitant.engine.directory.DirectoryFileParser.Format;
import fr.traitant.engine.directory.DirectoryFileParser.Rejected;
import fr.traitant.engine.directory.DirectoryFileParser.Skipped;
import java.util.Set;
import org.junit.jupiter.api.Test;

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
        DirectoryFileParser parser = DirectoryFileParser.start(Format.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        var row = (Accepted) parser.parse(GP, 2);
        assertThat(row.doctor().rpps().value()).isEqualTo("10000013994");
        assertThat(row.doctor().lastName()).isEqualTo("LAROCHE");
        assertThat(row.doctor().specialty().isGeneralPractice()).isTrue();
        assertThat(row.doctor().address()).isEqualTo("6 Rue DU GENERAL DE GAULLE");
        assertThat(row.doctor().feeSector()).isNull();
    }

    @Test
    void skips_other_professions_and_rejects_bad_rows_with_reasons() {
        DirectoryFileParser parser = DirectoryFileParser.start(Format.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        assertThat(parser.parse(GP.replace("|10|Médecin|", "|26|Audioprothésiste|"), 2))
                .isInstanceOf(Skipped.class);
        assertThat(((Rejected) parser.parse(GP.replace("|10000013994|", "|1000001399|"), 3)).reason())
                .contains("11 chiffres");
        assertThat(((Rejected) parser.parse(GP.replace("SM54", "S/99"), 4)).reason())
                .contains("Code savoir-faire mal formé");
        assertThat(((Rejected) parser.parse(GP.replace("83137", "99999"), 5)).reason())
                .contains("Commune inconnue");
        assertThat(((Rejected) parser.parse(GP.substring(0, 40), 6)).reason()).contains("tronquée");
        assertThat(parser.parse(GP, 7)).isInstanceOf(Accepted.class);
        assertThat(((Rejected) parser.parse(GP, 8)).reason()).contains("double").contains("ligne 7");
    }

    @Test
    void keeps_a_doctor_whose_specialty_code_is_not_in_the_table_with_a_warning() {
        DirectoryFileParser parser = DirectoryFileParser.start(Format.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        var row = (Accepted) parser.parse(GP.replace("SM54", "SM99"), 4);
        assertThat(row.doctor().specialty().code()).isEqualTo("SM99");
        assertThat(row.doctor().specialty().listed()).isFalse();
        assertThat(row.doctor().specialty().group()).isEqualTo(fr.traitant.engine.supply.Specialty.OTHER_SPECIALTY);
        assertThat(row.warnings()).singleElement().asString().contains("SM99").contains("repris avec ce code");
        // a listed code gives no warning, and the table has more than the 21 codes of the first wave
        assertThat(((Accepted) DirectoryFileParser.start(Format.RPPS_EXTRACTION, RPPS_HEADER, communes::contains)
                                .parse(GP.replace("SM54", "SM59"), 5))
                        .warnings())
                .isEmpty();
        assertThat(MedicalSpecialty.ALL).hasSizeGreaterThan(50).containsKeys("SM01", "SM54", "SM65");
    }

    @Test
    void names_the_profession_of_a_skipped_line() {
        DirectoryFileParser parser = DirectoryFileParser.start(Format.RPPS_EXTRACTION, RPPS_HEADER, communes::contains);
        assertThat(((Skipped) parser.parse(GP.replace("|10|Médecin|", "|40|Chirurgien-dentiste|"), 2)).reason())
                .isEqualTo("Profession 40 (Chirurgien-dentiste) : seuls les médecins (code 10) sont repris.");
    }

    @Test
    void refuses_a_header_without_the_required_columns() {
        assertThatThrownBy(() -> DirectoryFileParser.start(
                        Format.RPPS_EXTRACTION, "Identifiant PP|Nom d'exercice", communes::contains))
                .hasMessageContaining("Colonnes manquantes")
                .hasMessageContaining("Code savoir-faire");
    }

    @Test
    void reads_traitant_csv_with_quotes_and_validates_every_field() {
        String header = String.join(",", DirectoryFileParser.CsvColumns.ALL);
        DirectoryFileParser parser = DirectoryFileParser.start(Format.TRAITANT_CSV, header, communes::contains);
        String ok =
                "10000013994,\"Martin, dite Laure\",Laure,SM54,83137,83000,\"12 rue \"\"Neuve\"\"\",,43.12,5.93,,,1,oui,non,en;ar,1970,ACCEPTING,12,2";
        var doctor = ((Accepted) parser.parse(ok, 2)).doctor();
        assertThat(doctor.lastName()).isEqualTo("Martin, dite Laure");
        assertThat(doctor.address()).isEqualTo("12 rue \"Neuve\"");
        assertThat(doctor.languages()).containsExactly("en", "ar");
        assertThat(doctor.feeSector()).isEqualTo(FeeSector.SECTOR_1);
        assertThat(doctor.newPatients()).isEqualTo(NewPatients.ACCEPTING);
        assertThat(doctor.capacity()).isEqualTo(12);
        assertThat(((Rejected) parser.parse(ok.replace("43.12,5.93", "143.12,5.93"), 3)).reason())
                .contains("Coordonnées impossibles");
        assertThat(((Rejected) parser.parse(ok.replace(",1,oui", ",3,oui"), 4)).reason())
                .contains("Secteur inconnu");
        assertThat(((Rejected) parser.parse(ok, 5)).reason()).contains("double");
        assertThat(((Rejected) parser.parse("10000013994,\"Martin", 6)).reason())
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
