package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The server-drawn charts' geometry, worked out by hand. */
class ChartsTest {

    @Test
    void bars_are_proportional_to_their_values_the_largest_filling_the_room() {
        Charts.BarChart chart = Charts.bars(
                List.of(new Charts.Entry("A", 10, "10"), new Charts.Entry("B", 5, "5"), new Charts.Entry("C", 0, "0")),
                Charts.BLUE);
        // room = 640 − 210 − 90 = 340 px; a zero is drawn one pixel wide so that it shows
        assertThat(chart.bars()).extracting(Charts.Bar::width).containsExactly(340.0, 170.0, 1.0);
        assertThat(chart.bars()).extracting(Charts.Bar::y).containsExactly(10.0, 40.0, 70.0);
        assertThat(chart.height()).isEqualTo(100);
        assertThat(chart.bars().get(1).textX()).isEqualTo(210 + 170 + 6.0);
    }

    @Test
    void lines_place_days_proportionally_and_values_from_the_bottom() {
        LocalDate d0 = LocalDate.of(2026, 1, 1);
        Charts.LineChart chart = Charts.lines(
                List.of(new Charts.SeriesData(
                        "Part",
                        Charts.BLUE,
                        false,
                        List.of(
                                new Charts.Datum(d0, 0, "0 %"),
                                new Charts.Datum(d0.plusDays(10), 0.5, "50 %"),
                                new Charts.Datum(d0.plusDays(40), 1, "100 %")))),
                1,
                FrenchNumbers::percent);
        // x from 70 to 590 over 40 days; y from 220 (0) to 36 (1)
        assertThat(chart.series().getFirst().points()).isEqualTo("70.0,220.0 200.0,128.0 590.0,36.0");
        assertThat(chart.series().getFirst().dots().get(1).title()).isEqualTo("Part, 11 janvier 2026 : 50 %");
        assertThat(chart.yTicks())
                .extracting(Charts.Tick::label)
                .containsExactly("0\u00a0%", "25\u00a0%", "50\u00a0%", "75\u00a0%", "100\u00a0%");
        assertThat(chart.xTicks()).extracting(Charts.Tick::label).first().isEqualTo("janv. 2026");
        assertThat(chart.xTicks()).hasSize(5);
    }

    @Test
    void a_single_day_is_drawn_in_the_middle_with_one_label() {
        Charts.LineChart chart = Charts.lines(
                List.of(new Charts.SeriesData(
                        "APL", Charts.RED, false, List.of(new Charts.Datum(LocalDate.of(2026, 12, 4), 2, "2")))),
                4,
                v -> FrenchNumbers.decimal(v, 1));
        assertThat(chart.series().getFirst().points()).isEqualTo("330.0,128.0");
        assertThat(chart.xTicks()).extracting(Charts.Tick::label).containsExactly("déc. 2026");
    }
}
