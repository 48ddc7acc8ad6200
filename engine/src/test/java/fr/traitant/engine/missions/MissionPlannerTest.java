package fr.traitant.engine.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.engine.missions.MissionPlan.Day;
import fr.traitant.engine.missions.MissionProblem.Site;
import fr.traitant.engine.missions.MissionProblem.Travel;
import fr.traitant.engine.missions.MissionProblem.Volunteer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Issue #19: the month's plan — each hard rule alone, the objective's order, exhaustive search, re-planning. */
class MissionPlannerTest {

    static final LocalDate D1 = LocalDate.of(2027, 3, 1), D2 = LocalDate.of(2027, 3, 2), D3 = LocalDate.of(2027, 3, 3);

    static Volunteer volunteer(String id, int days, LocalDate... available) {
        return new Volunteer(id, days, Set.of(available));
    }

    static Site site(String id, double need, int rooms, LocalDate... open) {
        return new Site(id, need, rooms, Set.of(open));
    }

    static MissionPlan plan(List<Volunteer> v, List<Site> s, List<Travel> t) {
        MissionProblem problem = MissionProblem.of(v, s, t, 90);
        MissionPlan plan = MissionPlanner.optimal(problem);
        assertThat(problem.violations(plan.days())).isEmpty();
        return plan;
    }

    @Test
    void a_volunteer_gives_at_most_the_days_pledged_and_the_scheme_never_allows_more_than_two() {
        var sites = List.of(site("A", 10, 5, D1, D2, D3), site("B", 10, 5, D1, D2, D3));
        var travel = List.of(new Travel("v", "A", 10), new Travel("v", "B", 10));
        assertThat(plan(List.of(volunteer("v", 1, D1, D2, D3)), sites, travel).days())
                .hasSize(1);
        assertThat(plan(List.of(volunteer("v", 2, D1, D2, D3)), sites, travel).days())
                .hasSize(2);
        assertThatThrownBy(() -> volunteer("v", 3, D1, D2, D3))
                .hasMessage("volunteer v: max_days must be 0, 1 or 2 (the scheme's rule), not 3");
    }

    @Test
    void one_site_a_day() {
        var plan = plan(
                List.of(volunteer("v", 2, D1)),
                List.of(site("A", 10, 1, D1), site("B", 10, 1, D1)),
                List.of(new Travel("v", "A", 10), new Travel("v", "B", 10)));
        assertThat(plan.days()).hasSize(1);
    }

    @Test
    void only_on_dates_both_the_doctor_and_the_site_are_available() {
        var plan = plan(
                List.of(volunteer("v", 2, D1, D2)),
                List.of(site("A", 10, 1, D2, D3)),
                List.of(new Travel("v", "A", 10)));
        assertThat(plan.days()).containsExactly(new Day("v", "A", D2, 10));
    }

    @Test
    void rooms_are_never_exceeded() {
        var volunteers = List.of(volunteer("v", 1, D1), volunteer("w", 1, D1), volunteer("x", 1, D1));
        var travel = List.of(new Travel("v", "A", 10), new Travel("w", "A", 10), new Travel("x", "A", 10));
        assertThat(plan(volunteers, List.of(site("A", 10, 1, D1)), travel).days())
                .hasSize(1);
        assertThat(plan(volunteers, List.of(site("A", 10, 2, D1)), travel).days())
                .hasSize(2);
    }

    @Test
    void travel_within_the_limit_and_only_listed_pairs() {
        var volunteers = List.of(volunteer("v", 1, D1), volunteer("w", 1, D1), volunteer("x", 1, D1));
        var sites = List.of(site("A", 10, 3, D1));
        // v at exactly the limit, w beyond it, x with no travel time at all
        var plan = plan(volunteers, sites, List.of(new Travel("v", "A", 90), new Travel("w", "A", 90.5)));
        assertThat(plan.days()).containsExactly(new Day("v", "A", D1, 90));
    }

    @Test
    void the_checker_names_every_broken_rule() {
        MissionProblem problem = MissionProblem.of(
                List.of(volunteer("v", 1, D1, D2), volunteer("w", 1, D1)),
                List.of(site("A", 10, 1, D1, D2), site("B", 10, 1, D1)),
                List.of(new Travel("v", "A", 10), new Travel("v", "B", 120), new Travel("w", "A", 10)),
                90);
        assertThat(problem.violations(List.of(
                        new Day("v", "A", D1, 10),
                        new Day("v", "B", D1, 120),
                        new Day("w", "A", D1, 10),
                        new Day("w", "A", D3, 10))))
                .containsExactlyInAnyOrder(
                        "v to B: 120.0 minutes, more than 90.0",
                        "w is not available on 2027-03-03",
                        "A is not open on 2027-03-03",
                        "v: 2 days planned, 1 pledged",
                        "w: 2 days planned, 1 pledged",
                        "v on 2027-03-01: 2 sites the same day",
                        "A on 2027-03-01: 2 doctors, 1 room(s)");
    }

    @Test
    void more_sites_with_a_day_comes_before_more_need() {
        // giving both days to A would be worth 100 + 50 = 150, but B would have none: the plan gives B a day (101)
        var plan = plan(
                List.of(volunteer("v", 1, D1), volunteer("w", 1, D1)),
                List.of(site("A", 100, 2, D1), site("B", 1, 2, D1)),
                List.of(new Travel("v", "A", 10), new Travel("v", "B", 80), new Travel("w", "A", 10)));
        assertThat(plan.days()).containsExactlyInAnyOrder(new Day("v", "B", D1, 80), new Day("w", "A", D1, 10));
        assertThat(plan.score()).isEqualTo(new MissionPlan.Score(2, 101, 90));
    }

    @Test
    void more_need_comes_before_less_travel_and_less_travel_breaks_ties() {
        var one = plan(
                List.of(volunteer("v", 1, D1)),
                List.of(site("A", 10, 1, D1), site("B", 9, 1, D1)),
                List.of(new Travel("v", "A", 80), new Travel("v", "B", 10)));
        assertThat(one.days()).containsExactly(new Day("v", "A", D1, 80));
        var tie = plan(
                List.of(volunteer("v", 1, D1)),
                List.of(site("A", 10, 1, D1), site("B", 10, 1, D1)),
                List.of(new Travel("v", "A", 80), new Travel("v", "B", 10)));
        assertThat(tie.days()).containsExactly(new Day("v", "B", D1, 10));
    }

    @Test
    void a_further_day_at_a_site_is_worth_need_over_k() {
        // three days to share: A and B one each, then A's second day (10/2 = 5) beats B's second (6/2 = 3)
        var plan = plan(
                List.of(volunteer("v", 1, D1), volunteer("w", 1, D1), volunteer("x", 1, D1)),
                List.of(site("A", 10, 3, D1), site("B", 6, 3, D1)),
                List.of(
                        new Travel("v", "A", 10),
                        new Travel("v", "B", 10),
                        new Travel("w", "A", 10),
                        new Travel("w", "B", 10),
                        new Travel("x", "A", 10),
                        new Travel("x", "B", 10)));
        assertThat(plan.daysBySite()).containsEntry("A", 2).containsEntry("B", 1);
        assertThat(plan.score().value()).isEqualTo(21.0);
    }

    @Test
    void small_instances_equal_an_exhaustive_search_and_the_greedy_never_does_better() {
        SplittableRandom random = new SplittableRandom(19);
        int greedyWorse = 0, compared = 0;
        for (int n = 0; n < 300; n++) {
            MissionProblem problem = randomProblem(random, 2 + random.nextInt(3), 1 + random.nextInt(3));
            if (problem.options().size() > 16) continue;
            compared++;
            MissionPlan optimal = MissionPlanner.optimal(problem);
            MissionPlan.Score best = Exhaustive.best(problem, List.of(), Set.of());
            assertThat(problem.violations(optimal.days())).isEmpty();
            assertThat(optimal.score().compareTo(best)).as("instance %d", n).isZero();
            MissionPlan greedy = MissionPlanner.greedy(problem);
            assertThat(problem.violations(greedy.days())).isEmpty();
            assertThat(greedy.score().compareTo(optimal.score())).isLessThanOrEqualTo(0);
            if (greedy.score().compareTo(optimal.score()) < 0) greedyWorse++;
        }
        assertThat(compared).isGreaterThan(200);
        assertThat(greedyWorse).as("instances where the greedy is beaten").isPositive();
    }

    @Test
    void a_refusal_re_plans_that_day_around_the_kept_ones() {
        SplittableRandom random = new SplittableRandom(1919);
        int replanned = 0;
        for (int n = 0; n < 200; n++) {
            MissionProblem problem = randomProblem(random, 3 + random.nextInt(2), 2 + random.nextInt(2));
            if (problem.options().size() > 16) continue;
            MissionPlan plan = MissionPlanner.optimal(problem);
            if (plan.days().size() < 2) continue;
            Day refusedDay = plan.days().get(random.nextInt(plan.days().size()));
            List<Day> kept = new ArrayList<>(plan.days());
            kept.remove(refusedDay);
            var refusal = Set.of(new MissionPlanner.Refusal(refusedDay.volunteer(), refusedDay.date()));
            MissionPlan again = MissionPlanner.replan(problem, kept, refusal);
            assertThat(problem.violations(again.days())).isEmpty();
            assertThat(again.days()).containsAll(kept);
            assertThat(again.days())
                    .noneMatch(d -> d.volunteer().equals(refusedDay.volunteer())
                            && d.date().equals(refusedDay.date()));
            assertThat(again.score().compareTo(Exhaustive.best(problem, kept, refusal)))
                    .isZero();
            replanned++;
        }
        assertThat(replanned).isGreaterThan(50);
    }

    @Test
    void the_greedy_is_beaten_on_a_hand_made_instance() {
        // the greedy gives v (the only one who reaches B) to A first, since A has the larger need; B then gets nobody
        MissionProblem problem = MissionProblem.of(
                List.of(volunteer("v", 1, D1), volunteer("w", 1, D1)),
                List.of(site("A", 10, 1, D1), site("B", 5, 1, D1)),
                List.of(new Travel("v", "A", 10), new Travel("v", "B", 10), new Travel("w", "A", 10)),
                90);
        MissionPlan greedy = MissionPlanner.greedy(problem);
        MissionPlan optimal = MissionPlanner.optimal(problem);
        assertThat(optimal.score()).isEqualTo(new MissionPlan.Score(2, 15, 20));
        assertThat(greedy.days()).containsExactly(new Day("v", "A", D1, 10));
        assertThat(greedy.score()).isEqualTo(new MissionPlan.Score(1, 10, 10));
    }

    static MissionProblem randomProblem(SplittableRandom random, int volunteers, int sites) {
        List<LocalDate> dates = List.of(D1, D2, D3);
        List<Volunteer> v = new ArrayList<>();
        for (int i = 0; i < volunteers; i++) v.add(new Volunteer("v" + i, random.nextInt(3), pick(random, dates)));
        List<Site> s = new ArrayList<>();
        for (int i = 0; i < sites; i++)
            s.add(new Site("s" + i, random.nextInt(4) * 5, 1 + random.nextInt(2), pick(random, dates)));
        List<Travel> t = new ArrayList<>();
        for (int i = 0; i < volunteers; i++)
            for (int j = 0; j < sites; j++)
                if (random.nextInt(4) != 0) t.add(new Travel("v" + i, "s" + j, 10 * random.nextInt(11)));
        return MissionProblem.of(v, s, t, 90);
    }

    private static Set<LocalDate> pick(SplittableRandom random, List<LocalDate> dates) {
        Set<LocalDate> set = new java.util.HashSet<>();
        for (LocalDate d : dates) if (random.nextBoolean()) set.add(d);
        return set;
    }
}
