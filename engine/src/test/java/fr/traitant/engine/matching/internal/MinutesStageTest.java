package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.matching.TravelTimeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Person-minutes with the people fixed: the relaxation's bound, its rounding and the proof, on a world worked out by
 * hand.
 *
 * <p>Doctors A and B, two places each; three households of priority 1, all served (four people, four places):
 *
 * <pre>
 *        size   A    B
 *   H1    2    10   20
 *   H2    1     5   30
 *   H3    1    10   11
 * </pre>
 *
 * Whole households: A takes H1 (2 × 10 + 30 + 11 = 61) or H2 and H3 (5 + 10 + 2 × 20 = 55): the optimum is 55
 * person-minutes. The relaxation may split H1: A takes H2 and one person of H1, B the other person and H3:
 * 5 + 10 + 20 + 11 = 46. So the bound is 46 minutes, below the optimum, and only the integer programme proves 55.
 */
class MinutesStageTest {

    private static MatchState world() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H1", "A", 10)
                .add("H1", "B", 20)
                .add("H2", "A", 5)
                .add("H2", "B", 30)
                .add("H3", "A", 10)
                .add("H3", "B", 11)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("H1", 2, 1), Worlds.household("H2", 1, 1), Worlds.household("H3", 1, 1)),
                List.of(Worlds.doctor("A", 2), Worlds.doctor("B", 2)));
        return new MatchState(p);
    }

    private static String doctorOf(MatchState st, String household) {
        return st.p.doctors[st.doctorOf(st.p.householdIndex.get(household))].id();
    }

    @Test
    void the_bound_is_the_split_relaxation_and_the_optimum_is_proven_from_a_worse_start() {
        MatchState st = world();
        Worlds.seat(st, "H1", "A"); // 61 person-minutes: the nearest doctor for the family
        Worlds.seat(st, "H2", "B");
        Worlds.seat(st, "H3", "B");
        MinutesStage.Outcome o = MinutesStage.solve(st, new int[] {0, 1, 2}, true, 1_000, 24, 3_000);

        assertThat(o).isNotNull();
        assertThat(o.before()).isEqualTo(6_100);
        assertThat(o.bound()).as("relaxation: H1 split between A and B").isEqualTo(4_600);
        assertThat(o.after()).isEqualTo(5_500);
        assertThat(o.proven()).isTrue();
        assertThat(st.objective()).containsExactly(4, 0, 0, 0, 0, 5_500);
        assertThat(doctorOf(st, "H1")).isEqualTo("B");
        assertThat(doctorOf(st, "H2")).isEqualTo("A");
        assertThat(doctorOf(st, "H3")).isEqualTo("A");
    }

    @Test
    void people_per_class_are_kept_as_they_are() {
        MatchState st = world();
        Worlds.seat(st, "H2", "B"); // two people served: the stage must serve two people, fewer minutes
        Worlds.seat(st, "H3", "B");
        MinutesStage.Outcome o = MinutesStage.solve(st, new int[] {0, 1, 2}, true, 1_000, 24, 3_000);

        assertThat(o).isNotNull();
        // two people at least minutes: H2 and H3 at A (5 + 10), or H1 whole at A (20): 15
        assertThat(o.bound()).isEqualTo(1_500);
        assertThat(o.after()).isEqualTo(1_500);
        assertThat(o.proven()).isTrue();
        assertThat(st.objective()).containsExactly(2, 0, 0, 0, 0, 1_500);
    }

    /**
     * Random worlds (40 households of 1–4 people, 8 doctors), from the heuristic's assignment: with the neighbourhood
     * cut into windows of five free households (as on components with more than a thousand free ones), the stage still
     * serves the same people per class, overfills no doctor, and proves the same optimum as with one programme.
     */
    @Test
    void windows_of_the_neighbourhood_keep_the_people_and_the_proven_optimum() {
        java.util.Random random = new java.util.Random(2083);
        int provenBoth = 0;
        for (int world = 0; world < 30; world++) {
            ProblemIndex p = Worlds.random(random, 40, 8);
            int[] all = java.util.stream.IntStream.range(0, p.householdCount()).toArray();
            MatchState one = new MatchState(p);
            new HeuristicSolver(one, 24, 3_000).solve(fr.traitant.engine.matching.ProgressListener.NONE);
            MatchState windows = one.copy();
            long[] start = one.objective();

            MinutesStage.Outcome a = MinutesStage.solve(one, all, true, 1_000, 24, 3_000);
            MinutesStage.Outcome b = MinutesStage.solve(windows, all, true, 1_000, 24, 3_000, 0, 5);

            assertThat(a).isNotNull();
            assertThat(b).isNotNull();
            assertThat(java.util.Arrays.copyOf(windows.objective(), 5)).isEqualTo(java.util.Arrays.copyOf(start, 5));
            assertThat(b.bound()).isEqualTo(a.bound());
            if (a.proven() && b.proven()) {
                assertThat(b.after()).isEqualTo(a.after());
                provenBoth++;
            }
            for (int d = 0; d < p.doctorCount(); d++)
                assertThat(windows.remaining[d]).isNotNegative();
        }
        assertThat(provenBoth).as("both proven on most worlds").isGreaterThan(20);
    }
}
