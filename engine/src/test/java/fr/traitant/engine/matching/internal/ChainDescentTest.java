package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.TravelTimeTable;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Chains found by descending labels from the doctors with room, on worlds worked out by hand. */
class ChainDescentTest {

    private static ChainDescent descent(MatchState st, int[] hh) {
        int[] ds = st.doctorsOf(hh);
        int[] local = new int[st.p.doctorCount()];
        java.util.Arrays.fill(local, -1);
        for (int j = 0; j < ds.length; j++) local[ds[j]] = j;
        int maxNeed = IntStream.of(hh).map(h -> st.p.size[h]).max().orElse(1);
        return new ChainDescent(st, hh, ds, local, maxNeed);
    }

    private static String at(MatchState st, String household) {
        int d = st.doctorOf(st.p.householdIndex.get(household));
        return d < 0 ? "-" : st.p.doctors[d].id();
    }

    private static int[] all(ProblemIndex p) {
        return IntStream.range(0, p.householdCount()).toArray();
    }

    /**
     * X (priority 1) reaches only A, full with M1. M1 may go to D (full with M3, who can go nowhere) or to B (full with
     * M2, who may go to C, which has room). The labels (C: room; B: one move; A: two moves; D: none) lead the descent
     * through B, never into D: two moves, then X is seated, everybody else keeps a place.
     */
    @Test
    void the_descent_follows_the_labels_to_the_doctor_with_room() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("X", "A", 5)
                .add("M1", "A", 5)
                .add("M1", "D", 6)
                .add("M1", "B", 10)
                .add("M3", "D", 5)
                .add("M2", "B", 5)
                .add("M2", "C", 10)
                .build();
        List<Household> households = List.of(
                Worlds.household("X", 1, 1),
                Worlds.household("M1", 1, 2),
                Worlds.household("M2", 1, 2),
                Worlds.household("M3", 1, 2));
        List<Doctor> doctors =
                List.of(Worlds.doctor("A", 1), Worlds.doctor("B", 1), Worlds.doctor("C", 1), Worlds.doctor("D", 1));
        MatchState st = new MatchState(Worlds.index(table, households, doctors));
        Worlds.seat(st, "M1", "A");
        Worlds.seat(st, "M2", "B");
        Worlds.seat(st, "M3", "D");
        int x = st.p.householdIndex.get("X");
        assertThat(descent(st, all(st.p)).phase(new int[] {x}, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(at(st, "X")).isEqualTo("A");
        assertThat(at(st, "M1")).isEqualTo("B");
        assertThat(at(st, "M2")).isEqualTo("C");
        assertThat(at(st, "M3")).isEqualTo("D");
        assertThat(st.objective()[1]).as("nobody of priority 2 lost a place").isEqualTo(3);
    }

    /**
     * X and Y reach only A (2 places, both taken: M1, M2), which each may leave for B (2 places, one taken by a
     * single person N who may go to C, with room). One phase seats both: X through the place B has, Y by moving N on to
     * C — two chains through the same doctor A in the same phase, where a breadth-first tree gives A one parent.
     */
    @Test
    void one_phase_seats_several_households_through_the_same_doctor() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("X", "A", 5)
                .add("Y", "A", 5)
                .add("M1", "A", 5)
                .add("M1", "B", 10)
                .add("M2", "A", 5)
                .add("M2", "B", 10)
                .add("N", "B", 5)
                .add("N", "C", 10)
                .build();
        List<Household> households = List.of(
                Worlds.household("X", 1, 1),
                Worlds.household("Y", 1, 1),
                Worlds.household("M1", 1, 2),
                Worlds.household("M2", 1, 2),
                Worlds.household("N", 1, 2));
        List<Doctor> doctors = List.of(Worlds.doctor("A", 2), Worlds.doctor("B", 2), Worlds.doctor("C", 1));
        MatchState st = new MatchState(Worlds.index(table, households, doctors));
        Worlds.seat(st, "M1", "A");
        Worlds.seat(st, "M2", "A");
        Worlds.seat(st, "N", "B");
        int[] waiting = {st.p.householdIndex.get("X"), st.p.householdIndex.get("Y")};
        assertThat(descent(st, all(st.p)).phase(waiting, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(at(st, "X")).isEqualTo("A");
        assertThat(at(st, "Y")).isEqualTo("A");
        assertThat(at(st, "M1")).isEqualTo("B");
        assertThat(at(st, "M2")).isEqualTo("B");
        assertThat(at(st, "N")).isEqualTo("C");
    }

    /**
     * A couple H0 reaches only A, full with a single person S and a couple K. Only K frees enough places, and K may
     * go to B, which has one place and a single person T who may go to C (room): the labels of a two-place need lead
     * through K and T. S's own way out (to E, with room) frees one place only and is not a chain of this shape.
     * A forbidden pair (K to F, with room) is never used.
     */
    @Test
    void needs_of_several_places_and_forbidden_pairs() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("S", "A", 5)
                .add("S", "E", 10)
                .add("K", "A", 5)
                .add("K", "F", 6)
                .add("K", "B", 10)
                .add("T", "B", 5)
                .add("T", "C", 10)
                .build();
        List<Household> households = List.of(
                Worlds.household("H0", 2, 1),
                Worlds.household("S", 1, 2),
                Worlds.household("K", 2, 2),
                Worlds.household("T", 1, 2));
        List<Doctor> doctors = List.of(
                Worlds.doctor("A", 3),
                Worlds.doctor("B", 2),
                Worlds.doctor("C", 1),
                Worlds.doctor("E", 1),
                Worlds.doctor("F", 2));
        MatchState st = new MatchState(Worlds.index(table, households, doctors));
        Worlds.seat(st, "S", "A");
        Worlds.seat(st, "K", "A");
        Worlds.seat(st, "T", "B");
        int k = st.p.householdIndex.get("K");
        st.forbidden[st.p.slotOf(k, st.p.doctorIndex.get("F"))] = true;
        int h0 = st.p.householdIndex.get("H0");
        assertThat(descent(st, all(st.p)).phase(new int[] {h0}, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(at(st, "H0")).isEqualTo("A");
        assertThat(at(st, "S")).isEqualTo("A");
        assertThat(at(st, "K")).isEqualTo("B");
        assertThat(at(st, "T")).isEqualTo("C");
        assertThat(st.remaining[st.p.doctorIndex.get("F")])
                .as("the forbidden pair stays unused")
                .isEqualTo(2);
    }

    /**
     * A couple H0 (priority 1) reaches A (2 places, two single people S1 and S2) and E (1 place, full with U, who can go
     * nowhere). No plain chain frees two places at A (nobody there is two people), so the phase seats nobody. The
     * gathering targets A (the most places; E has none and no way to free one) and descends from (A, one place) twice:
     * S1 to D1, whose T1 goes on to B1; S2 to D2, whose T2 goes on to B2. Then the couple takes A. Nobody loses a place.
     */
    @Test
    void gathering_descends_once_per_place_the_family_lacks() {
        TravelTimeTable.Builder table =
                TravelTimeTable.builder().add("H0", "A", 5).add("H0", "E", 4).add("U", "E", 5);
        List<Household> households =
                new java.util.ArrayList<>(List.of(Worlds.household("H0", 2, 1), Worlds.household("U", 1, 2)));
        List<Doctor> doctors = new java.util.ArrayList<>(List.of(Worlds.doctor("A", 2), Worlds.doctor("E", 1)));
        for (int i = 1; i <= 2; i++) {
            table.add("S" + i, "A", 5)
                    .add("S" + i, "D" + i, 10)
                    .add("T" + i, "D" + i, 5)
                    .add("T" + i, "B" + i, 10);
            households.add(Worlds.household("S" + i, 1, 2));
            households.add(Worlds.household("T" + i, 1, 2));
            doctors.add(Worlds.doctor("D" + i, 1));
            doctors.add(Worlds.doctor("B" + i, 1));
        }
        MatchState st = new MatchState(Worlds.index(table.build(), households, doctors));
        Worlds.seat(st, "U", "E");
        for (int i = 1; i <= 2; i++) {
            Worlds.seat(st, "S" + i, "A");
            Worlds.seat(st, "T" + i, "D" + i);
        }
        int[] waiting = {st.p.householdIndex.get("H0")};
        ChainDescent descent = descent(st, all(st.p));
        assertThat(descent.phase(waiting, Long.MAX_VALUE)).as("no plain chain").isZero();
        assertThat(descent.gather(waiting, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(at(st, "H0")).isEqualTo("A");
        assertThat(at(st, "U")).isEqualTo("E");
        for (int i = 1; i <= 2; i++) {
            assertThat(at(st, "S" + i)).isEqualTo("D" + i);
            assertThat(at(st, "T" + i)).isEqualTo("B" + i);
        }
        assertThat(st.objective()[1]).as("nobody of priority 2 lost a place").isEqualTo(5);
    }

    /**
     * The same couple when only S1 has a way out: the gathering moves S1 (and T1) on, then finds no way for S2; the
     * couple stays unserved, the place moved to A stays there, and everybody keeps a place.
     */
    @Test
    void a_gathering_that_cannot_be_completed_seats_nobody_and_unseats_nobody() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("S1", "A", 5)
                .add("S1", "D1", 10)
                .add("T1", "D1", 5)
                .add("T1", "B1", 10)
                .add("S2", "A", 5)
                .build();
        List<Household> households = List.of(
                Worlds.household("H0", 2, 1),
                Worlds.household("S1", 1, 2),
                Worlds.household("T1", 1, 2),
                Worlds.household("S2", 1, 2));
        List<Doctor> doctors = List.of(Worlds.doctor("A", 2), Worlds.doctor("D1", 1), Worlds.doctor("B1", 1));
        MatchState st = new MatchState(Worlds.index(table, households, doctors));
        Worlds.seat(st, "S1", "A");
        Worlds.seat(st, "S2", "A");
        Worlds.seat(st, "T1", "D1");
        int[] waiting = {st.p.householdIndex.get("H0")};
        assertThat(descent(st, all(st.p)).gather(waiting, Long.MAX_VALUE)).isZero();
        assertThat(at(st, "H0")).isEqualTo("-");
        assertThat(at(st, "S1")).isEqualTo("D1");
        assertThat(at(st, "T1")).isEqualTo("B1");
        assertThat(at(st, "S2")).isEqualTo("A");
        assertThat(st.remaining[st.p.doctorIndex.get("A")]).isEqualTo(1);
        assertThat(st.objective()[1]).isEqualTo(3);
    }

    /**
     * Set-aside descents: a family F of three (priority 1) reaches only A, full with G (three people, who may go to B).
     * B holds K, who can go nowhere else, and has one place more than K's size. No plain chain seats F, and F cannot take
     * a smaller household's place at A (G is as large). When K is a couple of F's class and no lower class is there, the
     * labels count "set K aside" as a way to free two places at B: G moves to B, K is set aside, F takes A — three people
     * of the class seated for two. When K is of a lower class, the descents set nobody aside (the forward phases'
     * eviction does); when K is as large as F, setting it aside would seat nobody more: nothing changes either.
     */
    @ParameterizedTest(name = "K of priority {0} and {1} people: F at {3}, G at {4}, K at {5}")
    @CsvSource({"1, 2, 6, A, B, -", "2, 2, 3, -, A, B", "1, 3, 6, -, A, B"})
    void a_chain_may_end_by_setting_aside_a_smaller_household_of_the_class_where_no_lower_class_is_left(
            int priorityOfK, int sizeOfK, long servedAfter, String f, String g, String k) {
        MatchState st = setAsideWorld(priorityOfK, sizeOfK);
        int[] hh = all(st.p);
        long before = st.objective()[0];
        assertThat(descent(st, hh).seatAll(hh, 0, before, Long.MAX_VALUE)).isEqualTo(servedAfter);
        assertThat(st.objective()[0]).isEqualTo(servedAfter);
        assertThat(at(st, "F")).isEqualTo(f);
        assertThat(at(st, "G")).isEqualTo(g);
        assertThat(at(st, "K")).isEqualTo(k);
    }

    /** F (3 people, priority 1) → A only (3 places, G of 3 there); G → A or B; B holds K (priority and size given). */
    private static MatchState setAsideWorld(int priorityOfK, int sizeOfK) {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("F", "A", 5)
                .add("G", "A", 5)
                .add("G", "B", 10)
                .add("K", "B", 5)
                .build();
        List<Household> households = List.of(
                Worlds.household("F", 3, 1), Worlds.household("G", 3, 1), Worlds.household("K", sizeOfK, priorityOfK));
        List<Doctor> doctors = List.of(Worlds.doctor("A", 3), Worlds.doctor("B", sizeOfK + 1));
        MatchState st = new MatchState(Worlds.index(table, households, doctors));
        Worlds.seat(st, "G", "A");
        Worlds.seat(st, "K", "B");
        return st;
    }

    /** Nobody can move anywhere: the phase seats nobody and changes nothing. */
    @Test
    void without_a_chain_nothing_changes() {
        TravelTimeTable table =
                TravelTimeTable.builder().add("X", "A", 5).add("M", "A", 5).build();
        MatchState st = new MatchState(Worlds.index(
                table,
                List.of(Worlds.household("X", 1, 1), Worlds.household("M", 1, 2)),
                List.of(Worlds.doctor("A", 1))));
        Worlds.seat(st, "M", "A");
        assertThat(descent(st, all(st.p)).phase(new int[] {st.p.householdIndex.get("X")}, Long.MAX_VALUE))
                .isZero();
        assertThat(at(st, "M")).isEqualTo("A");
        assertThat(at(st, "X")).isEqualTo("-");
    }
}
