package fr.traitant.engine.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.geo.GeoPoint;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Small worlds whose answers are worked out by hand (the first is the worked example of docs/methodology/matching.md). */
class HandSolvedMatchingTest {

    private static final GeoPoint HERE = new GeoPoint(43.12, 5.93); // Toulon; positions unused with a table
    private static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private static Household household(String id, int size, int priority) {
        return new Household(id, size, HERE, priority, JAN, 30, Needs.NONE);
    }

    /**
     * Two doctors A and B with 2 places each. H1 (2 people, priority 1) is 10 min from A, 12 from B;
     * H2 (2 people, priority 2) can only reach A (5 min); H3 (1 person, priority 3) can only reach B (4 min).
     *
     * <p>Nearest-first greedy gives A to H1, then H2 finds A full and H3 takes B: priority 2 gets
     * nobody. The optimum sends H1 to B (12 min), H2 to A (5 min) and leaves H3 unserved: one more
     * class-2 family outweighs any class-3 loss. Person-minutes: 2×12 + 2×5 = 34.
     */
    @Test
    void priority_two_family_outweighs_priority_three_and_nearest_doctor_for_priority_one() {
        List<Household> hs = List.of(household("H1", 2, 1), household("H2", 2, 2), household("H3", 1, 3));
        List<Doctor> ds = List.of(Doctor.of("A", HERE, 2), Doctor.of("B", HERE, 2));
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H1", "A", 10).add("H1", "B", 12).add("H2", "A", 5).add("H3", "B", 4).build();

        MatchingResult r = Matcher.solve(hs, ds, table, MatchingOptions.DEFAULT).result();

        assertThat(r.proposals()).containsExactly(
                new Proposal("H1", "B", 12.0, 2, 1),
                new Proposal("H2", "A", 5.0, 2, 2));
        assertThat(r.objective().peopleServedByPriority()).containsExactly(2L, 2L, 0L, 0L, 0L);
        assertThat(r.objective().personMinutes()).isEqualTo(34.0);
        assertThat(r.unserved()).containsExactly(
                new UnservedHousehold("H3", 1, 3, UnservedReason.ELIGIBLE_DOCTORS_FULL, 1));
        assertThat(r.statistics().provenOptimal()).isTrue();

        Explanation why = r.explain("H1").orElseThrow();
        assertThat(why.doctorId()).isEqualTo("B");
        assertThat(why.rank()).isEqualTo(2);
        assertThat(why.eligibleDoctors()).isEqualTo(2);
        assertThat(why.nearerDoctors()).containsExactly(new PassedOverDoctor("A", 10.0, PassOverReason.FULL));
        assertThat(r.explain("H3")).isEmpty();

        assertThat(r.shortlist("B", 5)).containsExactly(
                new ShortlistEntry("H1", 2, 1, 12.0, ShortlistEntry.Kind.PROPOSED),
                new ShortlistEntry("H3", 1, 3, 4.0, ShortlistEntry.Kind.ALTERNATE));
        assertThat(r.shortlist("B", 1)).hasSize(1);
    }

    /**
     * Three doctors around one household needing paediatrics: C (1 km) does not accept new patients,
     * D (2 km) does not see children, E (3 km) does. Crow-fly estimate: 1.95 min per km.
     */
    @Test
    void explanation_names_not_accepting_and_need_not_met() {
        GeoPoint home = new GeoPoint(45.0, 5.0);
        double degPerKm = 1.0 / 111.195;
        Household h = new Household("H", 3, home, 2, JAN, 30, new Needs(true, false, Optional.empty()));
        Doctor c = new Doctor("C", new GeoPoint(45.0 + 1 * degPerKm, 5.0), 10, false, Capabilities.GENERAL);
        Doctor d = new Doctor("D", new GeoPoint(45.0 + 2 * degPerKm, 5.0), 10, true, Capabilities.MINIMAL);
        Doctor e = new Doctor("E", new GeoPoint(45.0 + 3 * degPerKm, 5.0), 10, true,
                new Capabilities(true, false, Set.of("ar")));

        MatchingResult r = Matcher.solve(List.of(h), List.of(c, d, e)).result();

        Explanation why = r.explain("H").orElseThrow();
        assertThat(why.doctorId()).isEqualTo("E");
        assertThat(why.minutes()).isEqualTo(5.85);
        assertThat(why.rank()).isEqualTo(1);
        assertThat(why.nearerDoctors()).extracting(PassedOverDoctor::doctorId, PassedOverDoctor::reason).containsExactly(
                org.assertj.core.groups.Tuple.tuple("C", PassOverReason.NOT_ACCEPTING),
                org.assertj.core.groups.Tuple.tuple("D", PassOverReason.NEED_NOT_MET));
        assertThat(r.objective().personCentiminutes()).isEqualTo(3 * 585);
    }

    @Test
    void unserved_reasons() {
        GeoPoint near = new GeoPoint(45.01, 5.0);
        List<Household> hs = List.of(
                household2("FAR", 1, new GeoPoint(44.0, 5.0), Needs.NONE),
                household2("LANG", 1, near, new Needs(false, false, Optional.of("uk"))),
                household2("BIG", 6, near, Needs.NONE));
        List<Doctor> ds = List.of(new Doctor("X", new GeoPoint(45.02, 5.0), 4, true, Capabilities.GENERAL));
        MatchingResult r = Matcher.solve(hs, ds).result();
        assertThat(r.unserved()).extracting(UnservedHousehold::householdId, UnservedHousehold::reason).containsExactlyInAnyOrder(
                org.assertj.core.groups.Tuple.tuple("FAR", UnservedReason.NO_DOCTOR_WITHIN_REACH),
                org.assertj.core.groups.Tuple.tuple("LANG", UnservedReason.NEEDS_NOT_MET_WITHIN_REACH),
                org.assertj.core.groups.Tuple.tuple("BIG", UnservedReason.HOUSEHOLD_LARGER_THAN_ANY_CAPACITY));

        MatchingResult closed = Matcher.solve(List.of(household2("H", 1, new GeoPoint(45.0, 5.0), Needs.NONE)),
                List.of(new Doctor("Y", near, 5, false, Capabilities.GENERAL))).result();
        assertThat(closed.unserved().getFirst().reason()).isEqualTo(UnservedReason.NO_ACCEPTING_DOCTOR_WITHIN_REACH);
    }

    private static Household household2(String id, int size, GeoPoint at, Needs needs) {
        return new Household(id, size, at, 3, JAN, 30, needs);
    }

    /** Ties: two identical households compete for one place; the one waiting longest wins, whatever the input order. */
    @Test
    void tie_goes_to_the_household_waiting_longest() {
        Household early = new Household("Z-early", 1, HERE, 2, LocalDate.of(2025, 3, 1), 30, Needs.NONE);
        Household late = new Household("A-late", 1, HERE, 2, LocalDate.of(2025, 9, 1), 30, Needs.NONE);
        Doctor d = Doctor.of("D", HERE, 1);
        for (List<Household> hs : List.of(List.of(early, late), List.of(late, early))) {
            MatchingResult r = Matcher.solve(hs, List.of(d)).result();
            assertThat(r.proposals()).extracting(Proposal::householdId).containsExactly("Z-early");
        }
    }

    /** A doctor declines: the household moves to the next doctor with room; nobody else moves. */
    @Test
    void decline_replaces_only_the_affected_household() {
        List<Household> hs = List.of(household("H1", 1, 1), household("H2", 1, 2));
        List<Doctor> ds = List.of(Doctor.of("A", HERE, 1), Doctor.of("B", HERE, 1), Doctor.of("C", HERE, 1));
        TravelTimeTable table = TravelTimeTable.builder()
                .add("H1", "A", 5).add("H1", "C", 9).add("H2", "B", 5).add("H2", "C", 7).build();
        MatchingSession s = Matcher.solve(hs, ds, table, MatchingOptions.DEFAULT);
        assertThat(s.doctorOf("H1")).contains("A");
        assertThat(s.doctorOf("H2")).contains("B");

        RematchOutcome out = s.declineByDoctor("A", "H1");
        assertThat(out.changes()).containsExactly(new Change("H1", Optional.of("A"), Optional.of("C"), 9.0));
        assertThat(s.doctorOf("H2")).contains("B");

        RematchOutcome refused = s.refuseByHousehold("H1", "C");
        assertThat(refused.changes()).containsExactly(new Change("H1", Optional.of("C"), Optional.empty(), Double.NaN));
        assertThat(s.result().unserved().getFirst().reason()).isEqualTo(UnservedReason.ALL_ELIGIBLE_DOCTORS_DECLINED_OR_REFUSED);
    }

    /** A priority-1 household declined by its doctor takes the place of a priority-3 one, who is re-placed if possible. */
    @Test
    void declined_high_priority_household_evicts_lower_priority() {
        List<Household> hs = List.of(household("P1", 2, 1), household("P3", 2, 3));
        List<Doctor> ds = List.of(Doctor.of("A", HERE, 2), Doctor.of("B", HERE, 2));
        TravelTimeTable table = TravelTimeTable.builder()
                .add("P1", "A", 5).add("P1", "B", 20).add("P3", "B", 5).build();
        MatchingSession s = Matcher.solve(hs, ds, table, MatchingOptions.DEFAULT);
        RematchOutcome out = s.declineByDoctor("A", "P1");
        assertThat(s.doctorOf("P1")).contains("B");
        assertThat(s.doctorOf("P3")).isEmpty();
        assertThat(out.changes()).hasSize(2);
        assertThat(out.after().peopleServed(1)).isEqualTo(2);
    }
}
