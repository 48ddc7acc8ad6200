package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The reference file is all or nothing: every bad row is reported with its line, and nothing is returned. */
class CommuneFileTest {

    private static final String HEADER = String.join(",", CommuneFile.COLUMNS) + "\n";
    private static final String TOULON =
            "83137,Toulon,83,Var,93,Provence-Alpes-Côte d'Azur,248300543,Métropole TPM,179116,43.12442,5.92836,44.03,83000 83100 83200,geonames\n";
    private static final String AJACCIO =
            "2A004,Ajaccio,2A,Corse-du-Sud,94,Corse,200066744,CA du Pays Ajaccien,71361,41.91886,8.73812,82.03,20000 20090,geonames\n";

    private static List<CommuneFile.Row> read(String csv) {
        return CommuneFile.read("test.csv", new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)));
    }

    @Test
    void reads_valid_rows() {
        List<CommuneFile.Row> rows = read(HEADER + TOULON + AJACCIO);
        assertThat(rows).extracting(CommuneFile.Row::code).containsExactly("83137", "2A004");
        assertThat(rows.get(0).postalCodes()).containsExactly("83000", "83100", "83200");
        assertThat(rows.get(0).population()).isEqualTo(179116);
    }

    @Test
    void refuses_the_whole_file_and_lists_each_bad_line() {
        String csv = HEADER + TOULON
                + "8313X,Bad,83,Var,93,PACA,248300543,X,1,43,5,1,83000,geonames\n"
                + "83001,Neg,83,Var,93,PACA,248300543,X,-5,43,5,1,83000,geonames\n"
                + "83002,Far,83,Var,93,PACA,248300543,X,5,143,5,1,83000,geonames\n"
                + TOULON;
        assertThatThrownBy(() -> read(csv))
                .isInstanceOfSatisfying(
                        CommuneFile.InvalidFileException.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "line 3: invalid INSEE commune code '8313X'",
                                        "line 4: negative population -5",
                                        "line 5: impossible coordinates 143.0,5.0",
                                        "line 6: duplicate commune code 83137"));
    }

    @Test
    void refuses_missing_columns_non_numbers_and_truncated_rows() {
        assertThatThrownBy(() -> read("code,name\n83137,Toulon\n"))
                .isInstanceOf(CommuneFile.InvalidFileException.class)
                .hasMessageContaining("missing column(s)");
        assertThatThrownBy(() -> read(HEADER + TOULON.replace("179116", "beaucoup")))
                .isInstanceOf(CommuneFile.InvalidFileException.class)
                .hasMessageContaining("line 2");
        assertThatThrownBy(() -> read(HEADER + TOULON + "83138,Trunc,83,Var"))
                .isInstanceOf(CommuneFile.InvalidFileException.class)
                .hasMessageContaining("line 3");
        assertThatThrownBy(() -> read(HEADER))
                .isInstanceOf(CommuneFile.InvalidFileException.class)
                .hasMessageContaining("no commune");
    }

    @Test
    void refuses_a_file_that_is_not_utf8() {
        byte[] latin1 = (HEADER + TOULON).getBytes(StandardCharsets.ISO_8859_1);
        assertThatThrownBy(() -> CommuneFile.read("latin1.csv", new ByteArrayInputStream(latin1)))
                .isInstanceOf(CommuneFile.InvalidFileException.class)
                .hasMessageContaining("latin1.csv");
    }
}
