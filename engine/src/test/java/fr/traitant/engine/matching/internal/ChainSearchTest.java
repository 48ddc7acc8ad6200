package fr.traitant.engine.matching.internal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.ProgressListener;
import fr.traitant.engine.matching.TravelTimeTable;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Chains of whole-household moves, on worlds where the only way to seat a family is to move others. */
class ChainSearchTest {

    private static int at(MatchState st, String household) {
        int d = st.doctorOf(st.p.householdIndex.get(household));
        return d;
    }

    private static int doctor(MatchState st, String id) {
        return st.p.doctorIndex.get(id);
    }

    /** H0 (2 people, priority 1) only reaches A, full with H1 (2); H1 can go to B, where H2 must then go on to C. */
    private static MatchState familyWorld() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("H1", "A", 5)
                .add("H1", "B", 10)
                .add("H2", "B", 5)
                .add("H2", "C", 10)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("H0", 2, 1), Worlds.household("H1", 2, 2), Worlds.household("H2", 1, 2)),
                List.of(Worlds.doctor("A", 2), Worlds.doctor("B", 2), Worlds.doctor("C", 1)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "H1", "A");
        Worlds.seat(st, "H2", "B");
        return st;
    }

    @Test
    void a_family_is_seated_by_a_chain_of_moves() {
        MatchState st = familyWorld();
        int[] all = {0, 1, 2};
        long served = new ChainSearch(st, all).fill(all, 0, 0, 2);
        assertThat(served).isEqualTo(2);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "H1")).isEqualTo(doctor(st, "B"));
        assertThat(at(st, "H2")).isEqualTo(doctor(st, "C"));
    }

    /**
     * The same world with the descents first (as for components above the exact limit): H0 needs two places at A, the
     * labels lead through H1 (two people, to B) and H2 (to C); the forward phases have nothing left to do.
     */
    @Test
    void with_descents_first_the_family_is_seated_the_same_way() {
        MatchState st = familyWorld();
        int[] all = {0, 1, 2};
        assertThat(new ChainSearch(st, all).withDescent(all).fill(all, 0, 0, 2)).isEqualTo(2);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "H1")).isEqualTo(doctor(st, "B"));
        assertThat(at(st, "H2")).isEqualTo(doctor(st, "C"));
    }

    /**
     * A couple H0 reaches only A, which holds two single people; each can only leave through a chain of its own (S1 to
     * D1 whose single S4 goes on to B, S2 to D2 whose single S5 goes on to B2). No single chain frees two places at
     * A; a gathering phase moves one place at a time to A, and the couple is then seated — nobody loses a place (all
     * of the same class: nobody may be set aside).
     */
    @Test
    void places_are_gathered_one_chain_at_a_time_for_a_couple() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("S1", "A", 5)
                .add("S1", "D1", 10)
                .add("S2", "A", 5)
                .add("S2", "D2", 10)
                .add("S4", "D1", 5)
                .add("S4", "B", 10)
                .add("S5", "D2", 5)
                .add("S5", "B2", 10)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(
                        Worlds.household("H0", 2, 1),
                        Worlds.household("S1", 1, 1),
                        Worlds.household("S2", 1, 1),
                        Worlds.household("S4", 1, 1),
                        Worlds.household("S5", 1, 1)),
                List.of(
                        Worlds.doctor("A", 2),
                        Worlds.doctor("B", 1),
                        Worlds.doctor("B2", 1),
                        Worlds.doctor("D1", 1),
                        Worlds.doctor("D2", 1)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "S1", "A");
        Worlds.seat(st, "S2", "A");
        Worlds.seat(st, "S4", "D1");
        Worlds.seat(st, "S5", "D2");
        int[] all = {0, 1, 2, 3, 4};
        assertThat(new ChainSearch(st, all).fill(all, 0, 4, 6)).isEqualTo(6);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "S1")).isEqualTo(doctor(st, "D1"));
        assertThat(at(st, "S2")).isEqualTo(doctor(st, "D2"));
        assertThat(at(st, "S4")).isEqualTo(doctor(st, "B"));
        assertThat(at(st, "S5")).isEqualTo(doctor(st, "B2"));
    }

    /**
     * A household of ten reaches only A, which holds ten single people; each can only leave by a chain of two moves (S_i
     * to D_i, whose single T_i goes on to B_i). No chain frees more than one place at A: the ten places are gathered by
     * ten chains, then the household is seated. Nobody loses a place.
     */
    @Test
    void ten_places_are_gathered_for_a_household_of_ten() {
        TravelTimeTable.Builder table = TravelTimeTable.builder().add("H0", "A", 5);
        List<fr.traitant.engine.matching.Household> households = new java.util.ArrayList<>();
        List<Doctor> doctors = new java.util.ArrayList<>();
        households.add(Worlds.household("H0", 10, 1));
        doctors.add(Worlds.doctor("A", 10));
        for (int i = 0; i < 10; i++) {
            table.add("S" + i, "A", 5)
                    .add("S" + i, "D" + i, 10)
                    .add("T" + i, "D" + i, 5)
                    .add("T" + i, "B" + i, 10);
            households.add(Worlds.household("S" + i, 1, 1));
            households.add(Worlds.household("T" + i, 1, 1));
            doctors.add(Worlds.doctor("D" + i, 1));
            doctors.add(Worlds.doctor("B" + i, 1));
        }
        MatchState st = new MatchState(Worlds.index(table.build(), households, doctors));
        for (int i = 0; i < 10; i++) {
            Worlds.seat(st, "S" + i, "A");
            Worlds.seat(st, "T" + i, "D" + i);
        }
        int[] all = java.util.stream.IntStream.range(0, households.size()).toArray();
        assertThat(new ChainSearch(st, all).fill(all, 0, 20, 30)).isEqualTo(30);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        for (int i = 0; i < 10; i++) {
            assertThat(at(st, "S" + i)).isEqualTo(doctor(st, "D" + i));
            assertThat(at(st, "T" + i)).isEqualTo(doctor(st, "B" + i));
        }
    }

    /** A needs two places but holds two single people: each leaves for a doctor with room (side moves). */
    @Test
    void two_smaller_households_make_room_together() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("H1", "A", 5)
                .add("H1", "C", 10)
                .add("H3", "A", 5)
                .add("H3", "B", 10)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("H0", 2, 1), Worlds.household("H1", 1, 2), Worlds.household("H3", 1, 2)),
                List.of(Worlds.doctor("A", 2), Worlds.doctor("B", 1), Worlds.doctor("C", 1)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "H1", "A");
        Worlds.seat(st, "H3", "A");
        int[] all = {0, 1, 2};
        assertThat(new ChainSearch(st, all).fill(all, 0, 0, 2)).isEqualTo(2);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "H1")).isEqualTo(doctor(st, "C"));
        assertThat(at(st, "H3")).isEqualTo(doctor(st, "B"));
        assertThat(st.objective()[1]).as("nobody of priority 2 lost a place").isEqualTo(2);
    }

    /** No chain of moves exists: a lower class makes room, never a higher or equal one. */
    @Test
    void only_a_lower_class_is_set_aside() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("H1", "A", 5)
                .add("H2", "A", 5)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(Worlds.household("H0", 1, 2), Worlds.household("H1", 1, 1), Worlds.household("H2", 1, 3)),
                List.of(Worlds.doctor("A", 2)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "H1", "A");
        Worlds.seat(st, "H2", "A");
        int[] all = {0, 1, 2};
        assertThat(new ChainSearch(st, all).fill(all, 1, 0, 1)).isEqualTo(1);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "H1")).as("priority 1 keeps its place").isEqualTo(doctor(st, "A"));
        assertThat(at(st, "H2")).as("priority 3 set aside").isEqualTo(-1);
    }

    /**
     * A (3 places) holds a priority-1 person and two single people of priority 3; H0 (2 people, priority 2) reaches
     * only A and nobody can move: both priority-3 people are set aside together, the priority-1 person stays.
     */
    @Test
    void two_smaller_households_of_a_lower_class_are_set_aside_together() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H0", "A", 5)
                .add("P1", "A", 5)
                .add("L1", "A", 5)
                .add("L2", "A", 5)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(
                        Worlds.household("H0", 2, 2),
                        Worlds.household("P1", 1, 1),
                        Worlds.household("L1", 1, 3),
                        Worlds.household("L2", 1, 3)),
                List.of(Worlds.doctor("A", 3)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "P1", "A");
        Worlds.seat(st, "L1", "A");
        Worlds.seat(st, "L2", "A");
        int[] all = {0, 1, 2, 3};
        assertThat(new ChainSearch(st, all).fill(all, 1, 0, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(at(st, "H0")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "P1")).as("priority 1 keeps its place").isEqualTo(doctor(st, "A"));
        assertThat(at(st, "L1")).isEqualTo(-1);
        assertThat(at(st, "L2")).isEqualTo(-1);
    }

    /**
     * Three people of priority 1 reach only A, full with two people of priority 2 who may go to B (3 places): the
     * phases seat two of them through the same doctor with room, then stop by themselves when no chain is left.
     */
    @Test
    void phases_seat_several_households_through_the_same_doctor_with_room() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("X", "A", 5)
                .add("Y", "A", 5)
                .add("Z", "A", 5)
                .add("M1", "A", 5)
                .add("M1", "B", 10)
                .add("M2", "A", 5)
                .add("M2", "B", 10)
                .build();
        ProblemIndex p = Worlds.index(
                table,
                List.of(
                        Worlds.household("X", 1, 1),
                        Worlds.household("Y", 1, 1),
                        Worlds.household("Z", 1, 1),
                        Worlds.household("M1", 1, 2),
                        Worlds.household("M2", 1, 2)),
                List.of(Worlds.doctor("A", 2), Worlds.doctor("B", 3)));
        MatchState st = new MatchState(p);
        Worlds.seat(st, "M1", "A");
        Worlds.seat(st, "M2", "A");
        int[] all = {0, 1, 2, 3, 4};
        assertThat(new ChainSearch(st, all).fill(all, 0, 0, Long.MAX_VALUE))
                .as("A has 2 places for X, Y, Z")
                .isEqualTo(2);
        assertThat(at(st, "M1")).isEqualTo(doctor(st, "B"));
        assertThat(at(st, "M2")).isEqualTo(doctor(st, "B"));
        assertThat(at(st, "X")).as("rank order: X and Y first").isEqualTo(doctor(st, "A"));
        assertThat(at(st, "Y")).isEqualTo(doctor(st, "A"));
        assertThat(st.objective()[1]).as("nobody of priority 2 lost a place").isEqualTo(2);
    }

    /**
     * Rows capped at the nearest doctor: M sits at A, the only doctor X (who refused B) reaches, both of priority 1
     * (M cannot be set aside); B has room but is in nobody's row, so no chain exists. The pairs to doctors with room ({@link ProblemIndex#pairsTo})
     * join the rows, and the chain M → B, X → A is found.
     */
    @Test
    void pairs_to_doctors_with_room_outside_the_rows_complete_a_chain() {
        GeoPoint east = new GeoPoint(43.12, 5.99);
        ProblemIndex p = ProblemIndex.build(
                List.of(
                        Worlds.household("X", 1, 1).withExcludedDoctors(java.util.Set.of("B")),
                        Worlds.household("M", 1, 1)),
                List.of(Worlds.doctor("A", 1), Doctor.of("B", east, 1)),
                fr.traitant.engine.matching.RoadTravelTimes.DEFAULT,
                1,
                ProgressListener.NONE);
        int x = p.householdIndex.get("X"), m = p.householdIndex.get("M"), b = p.doctorIndex.get("B");
        assertThat(p.realMinutes(m, b)).as("B is within M's reach").isLessThan(30);
        assertThat(p.slotOf(m, b)).as("but not in M's row").isEqualTo(-1);
        MatchState st = new MatchState(p);
        Worlds.seat(st, "M", "A");
        int[] all = {0, 1};
        assertThat(new ChainSearch(st, all).fill(all, 0, 0, Long.MAX_VALUE)).isZero();

        ProblemIndex.Pairs pairs = p.pairsTo(all, new int[] {b});
        assertThat(pairs.household()).as("X refused B: only M's pair").containsExactly(m);
        ProblemIndex wider = p.withExtraPairs(pairs.household(), pairs.packed());
        MatchState next = new MatchState(wider);
        next.assign(m, wider.slotOf(m, doctor(st, "A")));
        assertThat(new ChainSearch(next, all).fill(all, 0, 0, Long.MAX_VALUE)).isEqualTo(1);
        assertThat(next.doctorOf(x)).isEqualTo(doctor(st, "A"));
        assertThat(next.doctorOf(m)).isEqualTo(b);
    }

    /**
     * A couple F (priority 1) reaches only A (2 places), which has one place left and holds a single person S of the same
     * class who can go nowhere else. No chain of moves seats F and there is no lower class to set aside; setting S aside
     * serves one more person of priority 1 (2 instead of 1), so F takes A and S waits.
     */
    @Test
    void a_smaller_household_of_the_same_class_is_set_aside_when_that_serves_more_people() {
        TravelTimeTable table =
                TravelTimeTable.builder().add("F", "A", 5).add("S", "A", 5).build();
        MatchState st = new MatchState(Worlds.index(
                table,
                List.of(Worlds.household("F", 2, 1), Worlds.household("S", 1, 1)),
                List.of(Worlds.doctor("A", 2))));
        Worlds.seat(st, "S", "A");
        int[] all = {0, 1};
        assertThat(new ChainSearch(st, all).fill(all, 0, 1, Long.MAX_VALUE)).isEqualTo(2);
        assertThat(at(st, "F")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "S")).isEqualTo(-1);
    }

    /**
     * The upgrade that runs between the descents: a family of three F reaches A (two places left, holding a single
     * person S of the same class) and B (one place left, holding a couple C of the same class). At A, setting S aside
     * gains two people; at B (nearer), setting C aside gains one. F takes A, S waits, C keeps B.
     */
    @Test
    void the_upgrade_takes_the_doctor_where_setting_aside_gains_most() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("F", "B", 4)
                .add("F", "A", 5)
                .add("S", "A", 5)
                .add("C", "B", 5)
                .build();
        MatchState st = new MatchState(Worlds.index(
                table,
                List.of(Worlds.household("F", 3, 1), Worlds.household("S", 1, 1), Worlds.household("C", 2, 1)),
                List.of(Worlds.doctor("A", 3), Worlds.doctor("B", 3))));
        Worlds.seat(st, "S", "A");
        Worlds.seat(st, "C", "B");
        int[] local = {0, 1};
        assertThat(SameClassUpgrade.upgrade(st, local, new int[] {st.p.householdIndex.get("F")}, 0))
                .isEqualTo(2);
        assertThat(at(st, "F")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "S")).isEqualTo(-1);
        assertThat(at(st, "C")).isEqualTo(doctor(st, "B"));
        assertThat(st.objective()[0]).isEqualTo(5);
    }

    /**
     * A couple F reaches only A (2 places), full with a couple G of the same class who can go nowhere else, and with a
     * single person T of a higher class: setting G aside would serve no more people of F's class, and T is never set
     * aside. Nothing changes.
     */
    @Test
    void nobody_of_the_same_class_is_set_aside_for_no_gain_nor_anybody_of_a_higher_class() {
        TravelTimeTable table = TravelTimeTable.builder()
                .add("F", "A", 5)
                .add("G", "A", 5)
                .add("F", "B", 5)
                .add("T", "B", 5)
                .build();
        MatchState st = new MatchState(Worlds.index(
                table,
                List.of(Worlds.household("F", 2, 2), Worlds.household("G", 2, 2), Worlds.household("T", 1, 1)),
                List.of(Worlds.doctor("A", 2), Worlds.doctor("B", 2))));
        Worlds.seat(st, "G", "A");
        Worlds.seat(st, "T", "B");
        int[] all = {0, 1, 2};
        assertThat(new ChainSearch(st, all).withDescent(all).fill(all, 1, 2, Long.MAX_VALUE))
                .isEqualTo(2);
        assertThat(at(st, "F")).isEqualTo(-1);
        assertThat(at(st, "G")).isEqualTo(doctor(st, "A"));
        assertThat(at(st, "T")).isEqualTo(doctor(st, "B"));
    }
}
