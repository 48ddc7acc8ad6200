package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.matching.ProgressListener;
import fr.traitant.engine.matching.TravelTimeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains and cycles of moves of one size, on worlds worked out by hand where relocations and swaps find nothing. */
class MinutesCyclesTest {

    /**
     * Doctors A, B, C, one place each, all taken: H1 at A (10 min; B 1 min), H2 at B (10; C 1), H3 at C (10; A 1), all
     * of priority 3 and one person each.
     */
    private static MatchState cycleWorld() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H1", "A", 10)
                .add("H1", "B", 1)
                .add("H2", "B", 10)
                .add("H2", "C", 1)
                .add("H3", "C", 10)
                .add("H3", "A", 1)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("H1", 1, 3), Worlds.household("H2", 1, 3), Worlds.household("H3", 1, 3)),
                List.of(Worlds.doctor("A", 1), Worlds.doctor("B", 1), Worlds.doctor("C", 1)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "H1", "A");
        Worlds.seat(st, "H2", "B");
        Worlds.seat(st, "H3", "C");
        return st;
    }

    /**
     * Doctors A, B, C, one place each, all taken: H1 at A (10 min; B 1 min), H2 at B (10; C 1), H3 at C (10; A 1). No
     * doctor has room and no two households can swap (H1 cannot go to C, H2 to A, H3 to B): only the cycle of the three
     * moves helps, 30 person-minutes → 3.
     */
    @Test
    void a_cycle_of_three_moves_that_no_swap_finds() {
        MatchState st = cycleWorld();
        ProblemIndex p = st.p;
        new HeuristicSolver(st, 24, 3_000).polish(5, ProgressListener.NONE);
        assertThat(st.objective()[5]).as("local search finds nothing").isEqualTo(3_000);

        long saved = MinutesCycles.improve(st, new int[] {0, 1, 2});

        assertThat(saved).isEqualTo(2_700);
        assertThat(st.objective()).containsExactly(0, 0, 3, 0, 0, 300);
        assertThat(st.doctorOf(p.householdIndex.get("H1"))).isEqualTo(p.doctorIndex.get("B"));
        assertThat(st.doctorOf(p.householdIndex.get("H2"))).isEqualTo(p.doctorIndex.get("C"));
        assertThat(st.doctorOf(p.householdIndex.get("H3"))).isEqualTo(p.doctorIndex.get("A"));
    }

    /**
     * A chain to a doctor with room, through couples: F1 (2 people) at A, 20 min (B 2 min); F2 (2) at B, 20 min (C 2 min);
     * C has 2 places. Relocating F1 needs room at B, F2 can move to C: the chain F2 → C, F1 → B saves 2 × 18 + 2 × 18 =
     * 72 person-minutes. A single S at A (5 min, no other doctor) stays.
     */
    @Test
    void a_chain_of_couples_ends_at_a_doctor_with_room() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("F1", "A", 20)
                .add("F1", "B", 2)
                .add("F2", "B", 20)
                .add("F2", "C", 2)
                .add("S", "A", 5)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("F1", 2, 4), Worlds.household("F2", 2, 4), Worlds.household("S", 1, 4)),
                List.of(Worlds.doctor("A", 3), Worlds.doctor("B", 2), Worlds.doctor("C", 2)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "F1", "A");
        Worlds.seat(st, "F2", "B");
        Worlds.seat(st, "S", "A");

        long saved = MinutesCycles.improve(st, new int[] {0, 1, 2});

        assertThat(saved).isEqualTo(7_200);
        assertThat(st.objective()).containsExactly(0, 0, 0, 5, 0, 1_300);
        assertThat(st.doctorOf(p.householdIndex.get("F1"))).isEqualTo(p.doctorIndex.get("B"));
        assertThat(st.doctorOf(p.householdIndex.get("F2"))).isEqualTo(p.doctorIndex.get("C"));
    }

    /**
     * An exchange within a class: U (priority 5, one person, unserved) is 2 min from A; V (priority 5, one person) holds
     * A's only place at 25 min and has no other doctor. Serving U instead of V keeps one person of priority 5 and saves
     * 23 person-minutes. W (priority 4) unserved, 1 min from A, is never seated in V's place: that would change the
     * people per class.
     */
    @Test
    void an_unserved_household_of_the_same_class_and_size_takes_the_place() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("U", "A", 2)
                .add("V", "A", 25)
                .add("W", "A", 1)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("U", 1, 5), Worlds.household("V", 1, 5), Worlds.household("W", 1, 4)),
                List.of(Worlds.doctor("A", 1)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "V", "A");

        long saved = MinutesCycles.improve(st, new int[] {0, 1, 2});

        assertThat(saved).isEqualTo(2_300);
        assertThat(st.objective()).containsExactly(0, 0, 0, 0, 1, 200);
        assertThat(st.doctorOf(p.householdIndex.get("U"))).isEqualTo(p.doctorIndex.get("A"));
        assertThat(st.slot[p.householdIndex.get("V")]).isEqualTo(-1);
        assertThat(st.slot[p.householdIndex.get("W")]).isEqualTo(-1);
    }

    /** Households outside the scope never move: the same cycle as above with H3 out of scope finds nothing. */
    @Test
    void households_outside_the_scope_stay() {
        MatchState st = cycleWorld();

        assertThat(MinutesCycles.improve(st, new int[] {0, 1})).isZero();
        assertThat(st.objective()[5]).isEqualTo(3_000);
    }

    /**
     * Random worlds (40 households of 1–4 people, 8 doctors, random trips), from the heuristic's assignment: the search
     * never changes the people per class, never raises the person-minutes, never overfills a doctor (the state throws
     * when a move would), and what it reports saved is what the objective shows.
     */
    @Test
    void random_worlds_keep_the_people_and_never_lengthen_trips() {
        java.util.Random random = new java.util.Random(2026);
        long savedInAll = 0;
        for (int world = 0; world < 200; world++) {
            ProblemIndex p = Worlds.random(random, 40, 8);
            MatchState st = new MatchState(p);
            new HeuristicSolver(st, 24, 3_000).solve(ProgressListener.NONE);
            long[] before = st.objective();
            int[] all = java.util.stream.IntStream.range(0, p.householdCount()).toArray();

            long saved = MinutesCycles.improve(st, all);

            long[] after = st.objective();
            assertThat(java.util.Arrays.copyOf(after, 5)).isEqualTo(java.util.Arrays.copyOf(before, 5));
            assertThat(saved).isEqualTo(before[5] - after[5]).isNotNegative();
            for (int d = 0; d < p.doctorCount(); d++)
                assertThat(st.remaining[d]).isNotNegative();
            savedInAll += saved;
        }
        assertThat(savedInAll)
                .as("the search finds something on some of these worlds")
                .isPositive();
    }
}
