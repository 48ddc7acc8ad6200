package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.TravelTimeTable;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The third level on a component the staged solver takes (people, then person-minutes, then the tie-break), on worlds
 * worked out by hand.
 */
class TieBreakStageTest {

    private static Household waiting(String id, String since) {
        return Household.of(id, 1, Worlds.HERE, 2, LocalDate.parse(since));
    }

    private static boolean served(MatchState st, String household) {
        return st.slot[st.p.householdIndex.get(household)] >= 0;
    }

    /**
     * A has two places; four single people of priority 2: H1 (waiting since June 2025), H2 (June 2024), H3 (March
     * 2024), 5 minutes from A, and H4 (2023, the longest wait) 20 minutes from A. Two people are served at best, at
     * 10 person-minutes at best (two of H1–H3): H4 is not served despite the longest wait (person-minutes come
     * first); among H1–H3 the two who waited longest, H2 and H3, are — starting from H1 and H2 served.
     */
    @Test
    void among_equal_assignments_the_longest_waiting_are_served() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H1", "A", 5)
                .add("H2", "A", 5)
                .add("H3", "A", 5)
                .add("H4", "A", 20)
                .build();
        MatchState st = new MatchState(Worlds.index(
                table,
                List.of(
                        waiting("H1", "2025-06-01"),
                        waiting("H2", "2024-06-01"),
                        waiting("H3", "2024-03-01"),
                        waiting("H4", "2023-01-01")),
                List.of(Worlds.doctor("A", 2))));
        Worlds.seat(st, "H1", "A");
        Worlds.seat(st, "H2", "A");
        StagedSolver.Outcome o = staged(st, new int[] {0, 1, 2, 3}, true);
        assertThat(o.peopleProven()).isTrue();
        assertThat(o.minutesProven()).isTrue();
        assertThat(o.tieBreakProven()).isTrue();
        assertThat(served(st, "H1")).isFalse();
        assertThat(served(st, "H2")).isTrue();
        assertThat(served(st, "H3")).isTrue();
        assertThat(served(st, "H4"))
                .as("a longer trip is not traded for a longer wait")
                .isFalse();
        assertThat(st.objective()).containsExactly(0, 2, 0, 0, 0, 1_000);
    }

    /** K1 and K2 have waited as long, 5 minutes from A (one place), which holds K2. */
    private static MatchState equalWaits() {
        TravelTimeTable table =
                TravelTimeTable.builder().add("K1", "A", 5).add("K2", "A", 5).build();
        MatchState st = new MatchState(Worlds.index(
                table,
                List.of(waiting("K1", "2024-06-01"), waiting("K2", "2024-06-01")),
                List.of(Worlds.doctor("A", 1))));
        Worlds.seat(st, "K2", "A");
        return st;
    }

    /** The staged solver on a small world: 1,000 nodes a stage, no progress. */
    private static StagedSolver.Outcome staged(MatchState st, int[] hh, boolean tieBreak) {
        return StagedSolver.solve(
                st,
                hh,
                Integer.MAX_VALUE,
                1_000,
                24,
                3_000,
                tieBreak,
                fr.traitant.engine.matching.ProgressListener.NONE);
    }

    /** Equal waits: the smaller id is served (K1 before K2), starting from K2 served. */
    @Test
    void equal_waits_go_by_id() {
        MatchState st = equalWaits();
        StagedSolver.Outcome o = staged(st, new int[] {0, 1}, true);
        assertThat(o.tieBreakProven()).isTrue();
        assertThat(served(st, "K1")).isTrue();
        assertThat(served(st, "K2")).isFalse();
    }

    /** Not asked for, the stage does not run: the assignment stays as the person-minutes left it. */
    @Test
    void no_tie_break_when_not_asked() {
        MatchState st = equalWaits();
        StagedSolver.Outcome o = staged(st, new int[] {0, 1}, false);
        assertThat(o.tieBreakProven()).isFalse();
        assertThat(served(st, "K2")).isTrue();
    }

    /**
     * 300 single people, each with a twin at the same place (same class, same doctors, same trips) who has waited 40
     * days more or less, 25 doctors: one component of 600 households. The heuristic's assignment is spoiled on
     * purpose — in every pair with one twin served, the other takes the place (same people, same person-minutes) —
     * and the staged solver must give each place back to the twin who waited longer, and prove it.
     */
    @Test
    void twins_spoiled_on_purpose_get_their_places_back() {
        java.util.SplittableRandom rnd = new java.util.SplittableRandom(61);
        List<Household> households = new java.util.ArrayList<>();
        for (int i = 0; i < 300; i++) {
            fr.traitant.engine.geo.GeoPoint at =
                    new fr.traitant.engine.geo.GeoPoint(45 + rnd.nextDouble() * 0.12, 5 + rnd.nextDouble() * 0.17);
            int priority = 1 + rnd.nextInt(3);
            LocalDate since = LocalDate.of(2024, 1, 1).plusDays(rnd.nextInt(600));
            households.add(Household.of(String.format("H%03dA", i), 1, at, priority, since));
            households.add(Household.of(
                    String.format("H%03dB", i), 1, at, priority, since.plusDays(rnd.nextBoolean() ? 40 : -40)));
        }
        List<fr.traitant.engine.matching.Doctor> doctors = new java.util.ArrayList<>();
        for (int j = 0; j < 25; j++) {
            fr.traitant.engine.geo.GeoPoint at =
                    new fr.traitant.engine.geo.GeoPoint(45 + rnd.nextDouble() * 0.12, 5 + rnd.nextDouble() * 0.17);
            doctors.add(fr.traitant.engine.matching.Doctor.of(String.format("D%02d", j), at, 6 + rnd.nextInt(9)));
        }
        ProblemIndex p = ProblemIndex.build(
                households,
                doctors,
                fr.traitant.engine.matching.RoadTravelTimes.DEFAULT,
                0,
                fr.traitant.engine.matching.ProgressListener.NONE);
        MatchState st = new MatchState(p);
        new HeuristicSolver(st, 24, 3_000).solve(fr.traitant.engine.matching.ProgressListener.NONE);
        int spoiled = 0;
        for (int i = 0; i < 300; i++) {
            int a = p.householdIndex.get(String.format("H%03dA", i)),
                    b = p.householdIndex.get(String.format("H%03dB", i));
            int longer = p.households[a].waitingSince().isBefore(p.households[b].waitingSince()) ? a : b;
            int shorter = longer == a ? b : a;
            if (st.slot[longer] < 0 || st.slot[shorter] >= 0) continue;
            int d = st.doctorOf(longer);
            st.unassign(longer);
            st.assign(shorter, p.slotOf(shorter, d));
            spoiled++;
        }
        assertThat(spoiled).as("pairs spoiled").isPositive();
        int[] all = java.util.stream.IntStream.range(0, p.householdCount()).toArray();
        List<String> reported = new java.util.ArrayList<>();
        StagedSolver.Outcome o =
                StagedSolver.solve(st, all, Integer.MAX_VALUE, 50_000, 24, 3_000, true, (phase, done, total) -> {
                    assertThat(fr.traitant.engine.matching.ProgressListener.PHASES)
                            .contains(phase);
                    reported.add(phase + " " + done + "/" + total);
                });
        assertThat(o.minutesProven()).isTrue();
        assertThat(o.tieBreakProven()).isTrue();
        assertThat(reported)
                .as("its steps, for a run's progress")
                .containsExactly(
                        "classes 0/5",
                        "classes 1/5",
                        "classes 2/5",
                        "classes 3/5",
                        "classes 4/5",
                        "classes 5/5",
                        "person-minutes 0/1",
                        "person-minutes 1/1",
                        "tie-break 0/1",
                        "tie-break 1/1");
        int split = 0;
        for (int i = 0; i < 300; i++) {
            int a = p.householdIndex.get(String.format("H%03dA", i)),
                    b = p.householdIndex.get(String.format("H%03dB", i));
            if ((st.slot[a] >= 0) == (st.slot[b] >= 0)) continue;
            split++;
            int longer = p.households[a].waitingSince().isBefore(p.households[b].waitingSince()) ? a : b;
            assertThat(st.slot[longer])
                    .as("pair %d: the longer wait is served", i)
                    .isNotNegative();
        }
        assertThat(split).as("pairs with one twin served").isPositive();
    }
}
