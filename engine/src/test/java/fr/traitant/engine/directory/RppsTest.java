package fr.traitant.engine.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class RppsTest {

    @Test
    void rpps_is_eleven_digits_and_accepts_the_psc_national_id() {
        assertThat(Rpps.of("10003588467").value()).isEqualTo("10003588467");
        assertThat(Rpps.of("100 035 884 67").value()).isEqualTo("10003588467");
        assertThat(Rpps.fromNationalId("810003588467").value()).isEqualTo("10003588467");
        assertThat(Rpps.fromNationalId("10003588467").value()).isEqualTo("10003588467");
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "1000358846", "100035884671", "1000358846a", "810003588467"})
    void rpps_refuses_other_shapes(String text) {
        assertThatThrownBy(() -> Rpps.of(text)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void synthetic_numbers_are_recognised_and_carry_a_luhn_key() {
        Rpps r = Rpps.synthetic(42);
        assertThat(r.isSynthetic()).isTrue();
        assertThat(r.value()).startsWith(Rpps.SYNTHETIC_PREFIX).hasSize(11);
        assertThat(Rpps.luhn(r.value())).isTrue();
        assertThat(Rpps.of("10003588467").isSynthetic()).isFalse();
        assertThat(r.toString()).isEqualTo(r.value());
    }
}
