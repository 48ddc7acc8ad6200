package fr.traitant.engine.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.engine.geo.GeoPoint;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/**
 * Whatever limits the candidate lists, a household is never left unserved while an eligible doctor within its reach
 * has room for it. Checked by brute force over every (household, doctor) pair with {@link RandomInstances#eligibleCm}.
 */
class CandidateLimitInvariantTest {

    private static final GeoPoint BREST = new GeoPoint(48.3904, -4.4861);

    /** The case found in the demo: 2,000 households and 30,009 accepting doctors at one point near Brest. */
    @Tag("heavy")
    @Test
    void everyone_at_one_point_is_served_while_places_are_free() {
        List<Household> households = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            households.add(Household.of(String.format("H%05d", i), 1, BREST, 1 + i % 5, LocalDate.of(2025, 1, 1)));
        }
        List<Doctor> doctors = new ArrayList<>();
        for (int j = 0; j < 30_009; j++) doctors.add(Doctor.of(String.format("D%05d", j), BREST, 5));

        MatchingResult result = Matcher.solve(households, doctors).result();

        assertThat(result.statistics().candidateLimit())
                .as("the capped lists are in use here")
                .isEqualTo(32);
        assertThat(result.unserved()).isEmpty();
        assertThat(result.proposals()).hasSize(2_000);
        assertNoHouseholdLeftWithRoom(households, doctors, result);
    }

    @Test
    void capped_candidate_lists_never_leave_a_household_beside_a_free_place() {
        for (long seed = 1; seed <= 40; seed++) {
            RandomInstances.Instance instance = RandomInstances.generate(seed, 150, 25, 12);
            int limit = 1 + (int) (seed % 4);
            // exact stages only on a few seeds (they take seconds each); the invariant holds after either
            MatchingOptions options = MatchingOptions.DEFAULT.withCandidateLimit(limit);
            if (seed % 10 != 0) options = options.withExactComponentLimit(0).withCpSatDeterministicTime(0);
            MatchingResult result = Matcher.solve(
                            instance.households(), instance.doctors(), RoadTravelTimes.DEFAULT, options)
                    .result();
            assertNoHouseholdLeftWithRoom(instance.households(), instance.doctors(), result);
        }
    }

    @Test
    void a_household_with_no_room_anywhere_keeps_its_reason() {
        List<Household> households = List.of(
                Household.of("H1", 1, BREST, 1, LocalDate.of(2025, 1, 1)),
                Household.of("H2", 1, BREST, 2, LocalDate.of(2025, 1, 1)));
        List<Doctor> doctors = List.of(Doctor.of("D1", BREST, 1));
        MatchingResult result = Matcher.solve(
                        households, doctors, RoadTravelTimes.DEFAULT, MatchingOptions.DEFAULT.withCandidateLimit(1))
                .result();
        assertThat(result.proposalFor("H1")).map(Proposal::doctorId).contains("D1");
        assertThat(result.unserved())
                .singleElement()
                .satisfies(u -> assertThat(u.reason()).isEqualTo(UnservedReason.ELIGIBLE_DOCTORS_FULL));
        assertNoHouseholdLeftWithRoom(households, doctors, result);
    }

    /** Independent check: for every unserved household, every eligible doctor within reach is full for it. */
    static void assertNoHouseholdLeftWithRoom(List<Household> households, List<Doctor> doctors, MatchingResult result) {
        Map<String, Integer> used = new HashMap<>();
        for (Proposal proposal : result.proposals()) used.merge(proposal.doctorId(), proposal.size(), Integer::sum);
        for (Doctor doctor : doctors) {
            assertThat(used.getOrDefault(doctor.id(), 0))
                    .as("capacity of %s", doctor.id())
                    .isLessThanOrEqualTo(doctor.capacity());
        }
        for (UnservedHousehold unserved : result.unserved()) {
            Household household = households.stream()
                    .filter(h -> h.id().equals(unserved.householdId()))
                    .findFirst()
                    .orElseThrow();
            for (Doctor doctor : doctors) {
                if (RandomInstances.eligibleCm(household, doctor) < 0) continue;
                int room = doctor.capacity() - used.getOrDefault(doctor.id(), 0);
                assertThat(room)
                        .as(
                                "%s unserved (%s) while %s has %d places",
                                household.id(), unserved.reason(), doctor.id(), room)
                        .isLessThan(household.size());
            }
        }
    }
}
