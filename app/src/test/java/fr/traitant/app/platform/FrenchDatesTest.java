package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import org.junit.jupiter.api.Test;

class FrenchDatesTest {

    @Test
    void the_first_of_the_month_is_written_1er() {
        assertThat(FrenchDates.day(LocalDate.of(2027, 1, 1))).isEqualTo("1er janvier 2027");
        assertThat(FrenchDates.day(LocalDate.of(2027, 1, 2))).isEqualTo("2 janvier 2027");
        assertThat(FrenchDates.day(LocalDate.of(2026, 12, 11))).isEqualTo("11 décembre 2026");
        assertThat(FrenchDates.day(LocalDate.of(2026, 12, 21))).isEqualTo("21 décembre 2026");
        // midnight in Paris on 1 March is still 28 February in UTC
        assertThat(FrenchDates.day(Instant.parse("2026-02-28T23:30:00Z"))).isEqualTo("1er mars 2026");
        assertThat(FrenchDates.dayAndTime(LocalDateTime.of(2026, 4, 1, 9, 5))).isEqualTo("1er avril 2026 à 9 h 05");
    }
}
