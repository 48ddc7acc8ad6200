package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Statistical secrecy of the public waiting figures, on hand-made lists. */
class WaitingFiguresPublishTest {

    private static void add(
            List<WaitingFigures.Waiting> list,
            String departement,
            int priority,
            int households,
            int people,
            double wait) {
        for (int i = 0; i < households; i++) {
            list.add(new WaitingFigures.Waiting(departement, priority, people, wait + i));
        }
    }

    @Test
    void small_priority_classes_are_merged_and_a_group_still_small_is_hidden() {
        List<WaitingFigures.Waiting> entries = new ArrayList<>();
        add(entries, "83", 1, 12, 2, 10); // shown: 12 households, 24 people, median of 10..21 = 15.5
        add(entries, "83", 2, 3, 1, 5); // merged with priority 3: 7 households -> hidden
        add(entries, "83", 3, 4, 1, 5);
        add(entries, "83", 4, 15, 1, 0); // shown
        add(
                entries, "05", 1, 5, 1,
                0); // merged with priority 2: 13 households -> shown as a group, waits 0-4 and 0-7: median 3
        add(entries, "05", 2, 8, 3, 0);
        add(entries, "01", 2, 1, 1, 40); // one person alone in the Ain: hidden

        List<WaitingFigures.Cell> cells = WaitingFigures.publish(entries);

        assertThat(cells)
                .extracting(
                        WaitingFigures.Cell::departement,
                        WaitingFigures.Cell::priorities,
                        WaitingFigures.Cell::householdsText,
                        WaitingFigures.Cell::peopleText,
                        WaitingFigures.Cell::medianText)
                .containsExactly(
                        org.assertj.core.groups.Tuple.tuple("01", List.of(2), "< 11", "< 11", "—"),
                        org.assertj.core.groups.Tuple.tuple("05", List.of(1, 2), "13", "29", "3,0"),
                        org.assertj.core.groups.Tuple.tuple("83", List.of(1), "12", "24", "15,5"),
                        org.assertj.core.groups.Tuple.tuple("83", List.of(2, 3), "< 11", "< 11", "—"),
                        org.assertj.core.groups.Tuple.tuple("83", List.of(4), "15", "15", "7,0"));
        assertThat(cells.get(1).prioritiesLabel()).isEqualTo("1 et 2 (regroupées)");
        assertThat(cells.get(3).households()).isNull();
    }

    @Test
    void exactly_eleven_households_are_published() {
        List<WaitingFigures.Waiting> entries = new ArrayList<>();
        add(entries, "29", 3, 11, 1, 0);
        assertThat(WaitingFigures.publish(entries))
                .singleElement()
                .satisfies(c -> assertThat(c.households()).isEqualTo(11L));
        entries.removeLast();
        assertThat(WaitingFigures.publish(entries))
                .singleElement()
                .satisfies(c -> assertThat(c.belowThreshold()).isTrue());
    }
}
