package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** Numbers as a French reader expects them; a trip rounded one way everywhere. */
class FrenchNumbersTest {

    @Test
    void a_trip_is_rounded_half_up_the_same_on_every_page() {
        // Thymeleaf's formatDecimal rounds half to even (2.5 → 2) where String.format rounds half up (2.5 → 3): a
        // proposal once read "2 min" in its column and "3 min" in its explanation
        assertThat(FrenchNumbers.minutes(2.5)).isEqualTo("3 min");
        assertThat(FrenchNumbers.minutes(3.5)).isEqualTo("4 min");
        assertThat(FrenchNumbers.minutes(2.49)).isEqualTo("2 min");
        assertThat(FrenchNumbers.minutes(0)).isEqualTo("0 min");
        assertThat(new FrenchDialect.Format().minutes(12.5)).isEqualTo("13 min");
    }

    @Test
    void counts_and_decimals_use_french_separators() {
        assertThat(FrenchNumbers.count(12_345)).isEqualTo("12\u202f345");
        assertThat(FrenchNumbers.decimal(1234.56, 1)).isEqualTo("1\u202f234,6");
        assertThat(FrenchNumbers.percent(0.123)).isEqualTo("12,3\u00a0%");
    }
}
