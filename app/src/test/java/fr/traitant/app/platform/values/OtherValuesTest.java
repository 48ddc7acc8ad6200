package fr.traitant.app.platform.values;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class OtherValuesTest {

    @Test
    void email_is_normalised() {
        assertThat(EmailAddress.of("  Marie.Dupont@Exemple.FR ").value()).isEqualTo("marie.dupont@exemple.fr");
        assertThat(EmailAddress.of("a+b@sous.domaine.gouv.fr").value()).isEqualTo("a+b@sous.domaine.gouv.fr");
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "marie",
                "marie@",
                "@exemple.fr",
                "marie@exemple",
                "ma rie@exemple.fr",
                "marie..d@exemple.fr",
                "marie@-exemple.fr"
            })
    void email_refuses_malformed(String text) {
        assertThatThrownBy(() -> EmailAddress.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void phone_accepts_national_and_international_forms() {
        assertThat(PhoneNumber.of("04 94 12 34 56").e164()).isEqualTo("+33494123456");
        assertThat(PhoneNumber.of("+33 6 12 34 56 78").national()).isEqualTo("06 12 34 56 78");
        assertThat(PhoneNumber.of("0033612345678").e164()).isEqualTo("+33612345678");
        assertThat(PhoneNumber.of("06.12.34.56.78")).isEqualTo(PhoneNumber.of("+33612345678"));
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "",
                "0012345678",
                "06 12 34 56",
                "06 12 34 56 78 9",
                "+44 20 7946 0958",
                "+33 0 12 34 56 78",
                "06-12-34-56-7a"
            })
    void phone_refuses_others(String text) {
        assertThatThrownBy(() -> PhoneNumber.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void insee_code_of_communes() {
        assertThat(InseeCode.of("83137").departement()).isEqualTo("83");
        assertThat(InseeCode.of("2a004").value()).isEqualTo("2A004");
        assertThat(InseeCode.of("97411").departement()).isEqualTo("974");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "8313", "831370", "2C004", "00123", "20004", "ABCDE"})
    void insee_code_refuses_others(String text) {
        assertThatThrownBy(() -> InseeCode.of(text)).isInstanceOf(IllegalArgumentException.class);
    }
}
