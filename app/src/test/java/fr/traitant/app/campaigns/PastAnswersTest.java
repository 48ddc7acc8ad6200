package fr.traitant.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import java.io.StringReader;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #17, point 2: the fund's past answers are imported whole or not at all. */
@IntegrationTest
class PastAnswersTest {

    @Autowired
    PastAnswers answers;

    @Autowired
    JdbcClient jdbc;

    private long count(String campaign) {
        return jdbc.sql("select count(*) from campaign_past_answer where campaign = ?")
                .param(campaign)
                .query(Long.class)
                .single();
    }

    @Test
    void a_bad_line_refuses_the_whole_file_with_each_line_and_reason() {
        String file = """
                rpps;campagne;date_envoi;signe
                10003456789;Campagne test 2023;2023-03-01;oui
                1234;Campagne test 2023;2023-03-01;non
                10003456790;Campagne test 2023;31/02/2023;non
                10003456791;Campagne test 2023;2023-03-01;peut-être
                10003456789;Campagne test 2023;2023-03-01;non
                """;
        assertThatThrownBy(() -> answers.importFile(new StringReader(file)))
                .isInstanceOfSatisfying(
                        fr.traitant.app.platform.SemicolonCsv.Refused.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "ligne 3 : numéro RPPS invalide « 1234 » (11 chiffres)",
                                        "ligne 4 : date d’envoi invalide « 31/02/2023 » (AAAA-MM-JJ ou JJ/MM/AAAA)",
                                        "ligne 5 : « signe » vaut oui ou non, pas « peut-être »",
                                        "ligne 6 : ce médecin figure déjà dans le fichier pour cette campagne"));
        assertThat(count("Campagne test 2023")).isZero();
        assertThatThrownBy(() -> answers.importFile(new StringReader("rpps;campagne\n10003456789;X\n")))
                .hasMessageContaining("colonnes manquantes [date_envoi, signe]");
    }

    @Test
    void a_good_file_is_imported_and_a_second_one_updates_the_same_answers() {
        String file = """
                rpps;campagne;date_envoi;signe
                10004456789;Campagne test 2022;01/03/2022;oui
                10004456790;Campagne test 2022;01/03/2022;non
                """;
        assertThat(answers.importFile(new StringReader(file))).isEqualTo(new PastAnswers.Result(2, 1));
        assertThat(answers.importFile(new StringReader(file.replace(";non", ";oui"))))
                .isEqualTo(new PastAnswers.Result(2, 2));
        assertThat(count("Campagne test 2022")).isEqualTo(2);
        assertThat(answers.summaries())
                .filteredOn(s -> s.campaign().equals("Campagne test 2022"))
                .singleElement()
                .satisfies(s -> {
                    assertThat(s.signatures()).isEqualTo(2);
                    assertThat(s.sentOn()).isEqualTo(java.time.LocalDate.of(2022, 3, 1));
                });
    }
}
