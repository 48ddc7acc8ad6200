package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.matching.TravelTimeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The rounding of the person-minutes relaxation, on a world worked out by hand where following the flow in every
 * class cannot serve the people again.
 *
 * <p>Doctor A has 3 places, B 1. H1 (priority 1, one person): A 5 min, B 25. H2 (priority 2, two people): A 10.
 * H3 (priority 2, one person): A 1. The current assignment serves H1 at B and H2 at A: 1 and 2 people,
 * 25 + 2 × 10 = 45 person-minutes. The relaxation (2 people of priority 2) takes H1 to A, H3 whole and one person of
 * H2 at A: 5 + 1 + 10 = 16. Followed in both classes, the rounding seats H1 and H3 at A, and H2 (two people) no longer
 * fits: priority 2 is one person short (the chains may not serve more than 2 people of priority 2: the rounding keeps
 * the people per class as they are). Followed in priority 1 only, H1 goes to A and priority 2 keeps its household H2
 * at A: 5 + 2 × 10 = 25 person-minutes, kept since shorter than 45.
 */
class FlowRoundingTest {

    @Test
    void a_class_the_flow_cannot_make_whole_again_keeps_its_households() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H1", "A", 5)
                .add("H1", "B", 25)
                .add("H2", "A", 10)
                .add("H3", "A", 1)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("H1", 1, 1), Worlds.household("H2", 2, 2), Worlds.household("H3", 1, 2)),
                List.of(Worlds.doctor("A", 3), Worlds.doctor("B", 1)));
        MatchState st = new MatchState(p);
        int a = p.doctorIndex.get("A"), b = p.doctorIndex.get("B");
        int h1 = p.householdIndex.get("H1"), h2 = p.householdIndex.get("H2"), h3 = p.householdIndex.get("H3");
        st.assign(h1, p.slotOf(h1, b));
        st.assign(h2, p.slotOf(h2, a));
        int[] hh = {0, 1, 2};
        int[] whole = new int[3];
        boolean[] part = new boolean[3];
        whole[h1] = p.slotOf(h1, a);
        whole[h2] = -1;
        part[h2] = true;
        whole[h3] = p.slotOf(h3, a);

        boolean kept = FlowRounding.round(st, hh, new long[] {1, 2, 0, 0, 0}, whole, part, 24, 3_000);

        assertThat(kept).isTrue();
        assertThat(st.doctorOf(h1)).isEqualTo(a);
        assertThat(st.doctorOf(h2)).isEqualTo(a);
        assertThat(st.slot[h3])
                .as("H3 unserved: H2's two people fill priority 2")
                .isEqualTo(-1);
        assertThat(st.objective()).containsExactly(1, 2, 0, 0, 0, 2_500);
    }

    @Test
    void a_rounding_that_is_not_shorter_is_dropped() {
        TravelTimeTable table =
                TravelTimeTable.builder().add("H1", "A", 5).add("H1", "B", 3).build();
        ProblemIndex p = Worlds.index(
                table, List.of(Worlds.household("H1", 1, 1)), List.of(Worlds.doctor("A", 1), Worlds.doctor("B", 1)));
        MatchState st = new MatchState(p);
        int b = p.doctorIndex.get("B");
        st.assign(0, p.slotOf(0, b)); // already the nearest
        boolean kept = FlowRounding.round(
                st,
                new int[] {0},
                new long[] {1, 0, 0, 0, 0},
                new int[] {p.slotOf(0, p.doctorIndex.get("A"))},
                new boolean[1],
                24,
                3_000);

        assertThat(kept).isFalse();
        assertThat(st.doctorOf(0)).isEqualTo(b);
        assertThat(st.objective()).containsExactly(1, 0, 0, 0, 0, 300);
    }
}
