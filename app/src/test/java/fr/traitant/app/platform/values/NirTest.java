package fr.traitant.app.platform.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigInteger;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class NirTest {

    /** The key computed independently of the production code, with BigInteger. */
    private static String withKey(String thirteen) {
        String digits = thirteen.substring(0, 5)
                + thirteen.substring(5, 7).replace("2A", "19").replace("2B", "18")
                + thirteen.substring(7);
        int key = 97 - new BigInteger(digits).mod(BigInteger.valueOf(97)).intValue();
        return thirteen + String.format("%02d", key);
    }

    @Test
    void known_example_from_the_literature() {
        // 1 37 04 76 243 484: 1370476243484 mod 97 = 82, key 15
        assertThat(Nir.of("1 37 04 76 243 484 15").value()).isEqualTo("137047624348415");
        assertThat(withKey("1370476243484")).endsWith("15");
    }

    @ParameterizedTest
    @ValueSource(strings = {"2840583137021", "1920175056123", "2030499352001", "1550613055007"})
    void valid_metropolitan_numbers(String thirteen) {
        assertThat(Nir.isValid(withKey(thirteen))).isTrue();
    }

    @Test
    void corsica_counts_2A_as_19_and_2B_as_18() {
        String ajaccio = withKey("18405" + "2A" + "004012");
        String bastia = withKey("27211" + "2B" + "033101");
        assertThat(Nir.of(ajaccio).value()).isEqualTo(ajaccio);
        assertThat(Nir.of(bastia.toLowerCase()).value()).isEqualTo(bastia);
        // the same digits with a key computed as if 2A were 20 must be refused
        String wrong = "184052A004012"
                + String.format(
                        "%02d",
                        97
                                - new BigInteger("1840520004012")
                                        .mod(BigInteger.valueOf(97))
                                        .intValue());
        assertThat(Nir.isValid(wrong)).isFalse();
    }

    @Test
    void a_changed_digit_or_key_is_refused_without_echoing_the_number() {
        String valid = withKey("2840583137021");
        String typo = "2850583137021" + valid.substring(13);
        assertThatThrownBy(() -> Nir.of(typo))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageNotContaining("2850583137021");
        int key = Integer.parseInt(valid.substring(13));
        assertThat(Nir.isValid(valid.substring(0, 13) + String.format("%02d", (key % 97) + 1)))
                .isFalse();
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "12345",
                "5840583137021 00",
                "2840583137021",
                "28405831370211234",
                "2 84 05 2C 137 021 00",
                "x840583137021 00"
            })
    void malformed_numbers_are_refused(String text) {
        assertThat(Nir.isValid(text)).isFalse();
    }

    @Test
    void displayed_and_logged_masked() {
        Nir nir = Nir.of(withKey("2840583137021"));
        assertThat(nir.masked()).isEqualTo("2 84 ** ** *** *** **");
        assertThat(nir.toString()).isEqualTo("2 84 ** ** *** *** **").doesNotContain("83137");
        assertThat(nir).isEqualTo(Nir.of(nir.value()));
    }
}
