package fr.traitant.engine.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;

/** Invariants on seeded random instances (plain JUnit loops over SplittableRandom). */
class MatchingPropertiesTest {

    /** Invariants, not optimality: a short exact stage keeps the loop fast (the result stays feasible either way). */
    private static final MatchingOptions FAST =
            MatchingOptions.DEFAULT.withExactWorkBudget(20_000_000L).withCpSatDeterministicTime(1.0);

    @Tag("heavy")
    @Test
    void capacity_whole_households_eligible_pairs_and_consistent_objective() {
        for (long seed = 1; seed <= 60; seed++) {
            RandomInstances.Instance in =
                    RandomInstances.generate(seed, 20 + (int) (seed * 7 % 180), 3 + (int) (seed % 25), 10 + seed % 30);
            MatchingResult r = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, FAST)
                    .result();
            Map<String, Household> hs = in.households().stream().collect(Collectors.toMap(Household::id, h -> h));
            Map<String, Doctor> ds = in.doctors().stream().collect(Collectors.toMap(Doctor::id, d -> d));
            Map<String, Integer> load = new HashMap<>();
            Set<String> seen = new HashSet<>();
            long[] people = new long[5];
            long cm = 0;
            for (Proposal p : r.proposals()) {
                assertThat(seen.add(p.householdId()))
                        .as("one proposal per household")
                        .isTrue();
                Household h = hs.get(p.householdId());
                Doctor d = ds.get(p.doctorId());
                int eligible = RandomInstances.eligibleCm(h, d);
                assertThat(eligible).as("pair %s-%s eligible", h.id(), d.id()).isGreaterThanOrEqualTo(0);
                // the proposal states the real trip; the objective counts its cost (network preference included)
                int preference = h.prefersNetwork() && !d.networkMember() ? 1_000 : 0;
                assertThat(Math.round(p.minutes() * 100)).isEqualTo(eligible - preference);
                assertThat(p.size()).isEqualTo(h.size());
                load.merge(d.id(), h.size(), Integer::sum);
                people[h.priority() - 1] += h.size();
                cm += (long) h.size() * eligible;
            }
            load.forEach((d, l) -> assertThat(l)
                    .as("capacity of %s", d)
                    .isLessThanOrEqualTo(ds.get(d).capacity()));
            for (int c = 1; c <= 5; c++)
                assertThat(r.objective().peopleServed(c)).isEqualTo(people[c - 1]);
            assertThat(r.objective().personCentiminutes()).isEqualTo(cm);
            assertThat(r.proposals().size() + r.unserved().size())
                    .isEqualTo(in.households().size());
            for (UnservedHousehold u : r.unserved()) assertThat(seen).doesNotContain(u.householdId());
        }
    }

    @Tag("heavy")
    @Test
    void deterministic_whatever_the_input_order() {
        for (long seed = 100; seed < 120; seed++) {
            RandomInstances.Instance in = RandomInstances.generate(seed, 150, 15, 20);
            List<Proposal> first = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, FAST)
                    .result()
                    .proposals();
            List<Household> hs = new ArrayList<>(in.households());
            List<Doctor> ds = new ArrayList<>(in.doctors());
            Collections.shuffle(hs, new java.util.Random(seed));
            Collections.shuffle(ds, new java.util.Random(seed + 1));
            List<Proposal> second = Matcher.solve(hs, ds, RoadTravelTimes.DEFAULT, FAST)
                    .result()
                    .proposals();
            assertThat(second).as("seed %d", seed).isEqualTo(first);
        }
    }

    /**
     * Priority dominance: the people served in classes 1..c do not depend on households of classes
     * below c: solving with only classes 1..c serves exactly as many people of each of those classes.
     */
    @Test
    void higher_classes_are_never_sacrificed_for_lower_ones() {
        for (long seed = 200; seed < 230; seed++) {
            RandomInstances.Instance in = RandomInstances.generate(seed, 60, 6, 12);
            Objective all =
                    Matcher.solve(in.households(), in.doctors()).result().objective();
            for (int c = 1; c <= 4; c++) {
                int cc = c;
                List<Household> top =
                        in.households().stream().filter(h -> h.priority() <= cc).toList();
                Objective only = Matcher.solve(top, in.doctors()).result().objective();
                for (int k = 1; k <= c; k++) {
                    assertThat(all.peopleServed(k))
                            .as("seed %d class %d with classes <= %d", seed, k, c)
                            .isEqualTo(only.peopleServed(k));
                }
            }
        }
    }

    /** After random declines and refusals, invariants still hold and declined pairs are never proposed. */
    @Tag("heavy")
    @Test
    void rematch_keeps_invariants_and_never_reproposes_a_declined_pair() {
        for (long seed = 300; seed < 315; seed++) {
            RandomInstances.Instance in = RandomInstances.generate(seed, 120, 15, 15);
            MatchingSession s = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, FAST);
            SplittableRandom rnd = new SplittableRandom(seed);
            Set<String> declined = new HashSet<>();
            Map<String, Doctor> ds = in.doctors().stream().collect(Collectors.toMap(Doctor::id, d -> d));
            for (int k = 0; k < 30; k++) {
                List<Proposal> ps = s.result().proposals();
                if (ps.isEmpty()) break;
                Proposal p = ps.get(rnd.nextInt(ps.size()));
                RematchOutcome out = rnd.nextBoolean()
                        ? s.declineByDoctor(p.doctorId(), p.householdId())
                        : s.refuseByHousehold(p.householdId(), p.doctorId());
                declined.add(p.householdId() + "|" + p.doctorId());
                assertThat(out.changes()).extracting(Change::householdId).contains(p.householdId());
                assertThat(out.after().peopleServed(1))
                        .isGreaterThanOrEqualTo(out.before().peopleServed(1) - p.size());
            }
            MatchingResult r = s.result();
            Map<String, Integer> load = new HashMap<>();
            for (Proposal p : r.proposals()) {
                assertThat(declined).doesNotContain(p.householdId() + "|" + p.doctorId());
                load.merge(p.doctorId(), p.size(), Integer::sum);
            }
            load.forEach((d, l) -> assertThat(l).isLessThanOrEqualTo(ds.get(d).capacity()));
        }
    }

    @Test
    void shortlists_list_proposed_households_first_and_respect_k() {
        RandomInstances.Instance in = RandomInstances.generate(42, 150, 12, 15);
        MatchingResult r = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, FAST)
                .result();
        Map<String, List<ShortlistEntry>> all = r.shortlists(5);
        for (Map.Entry<String, List<ShortlistEntry>> e : all.entrySet()) {
            List<ShortlistEntry> l = e.getValue();
            assertThat(l).hasSizeLessThanOrEqualTo(5);
            boolean alternateSeen = false;
            for (ShortlistEntry se : l) {
                if (se.kind() == ShortlistEntry.Kind.ALTERNATE) {
                    alternateSeen = true;
                    assertThat(r.proposalFor(se.householdId())).isEmpty();
                } else {
                    assertThat(alternateSeen).as("proposed entries come first").isFalse();
                    assertThat(r.proposalFor(se.householdId()).orElseThrow().doctorId())
                            .isEqualTo(e.getKey());
                }
            }
        }
    }
}
