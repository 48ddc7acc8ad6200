package fr.traitant.engine.missions;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import fr.traitant.engine.OrTools;
import fr.traitant.engine.missions.MissionProblem.Site;
import fr.traitant.engine.missions.MissionProblem.Travel;
import fr.traitant.engine.missions.MissionProblem.Volunteer;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/**
 * Issue #19: the flow's plan against an independent model — CP-SAT with one Boolean per possible day, solved in the
 * objective's three stages — on instances too large for an exhaustive search. Needs are whole numbers and a site has at
 * most 10 days, so that need × 2520 / k is a whole number (2520 = lcm(1..10)) and the comparison is exact.
 */
class CpSatMissionCheckTest {

    static final long L = 2520;

    @Test
    void the_flow_equals_a_three_stage_cp_sat_model() {
        assumeTrue(OrTools.available(), "OR-Tools cannot be loaded here");
        SplittableRandom random = new SplittableRandom(2027);
        for (int n = 0; n < 6; n++) {
            MissionProblem problem = instance(random, 40, 12, 6);
            MissionPlan flow = MissionPlanner.optimal(problem);
            CpSatMissions.Result cp = CpSatMissions.solve(problem, L, 60);
            assertThat(cp.proven()).isTrue();
            assertThat(flow.score().sitesWithDays()).as("instance %d, sites", n).isEqualTo(cp.sitesWithDays());
            assertThat(Math.round(flow.score().value() * L))
                    .as("instance %d, value × 2520", n)
                    .isEqualTo(cp.scaledValue());
            assertThat(Math.round(flow.score().travelMinutes()))
                    .as("instance %d, travel", n)
                    .isEqualTo(cp.travelMinutes());
            assertThat(flow.days()).hasSizeGreaterThan(10);
        }
    }

    static MissionProblem instance(SplittableRandom random, int volunteers, int sites, int dates) {
        List<LocalDate> days = new ArrayList<>();
        for (int d = 0; d < dates; d++) days.add(LocalDate.of(2027, 3, 1 + d));
        List<Volunteer> v = new ArrayList<>();
        for (int i = 0; i < volunteers; i++) {
            Set<LocalDate> available = new java.util.HashSet<>();
            for (LocalDate d : days) if (random.nextInt(3) == 0) available.add(d);
            v.add(new Volunteer("v" + i, random.nextInt(3), available));
        }
        List<Site> s = new ArrayList<>();
        for (int i = 0; i < sites; i++) {
            int rooms = 1 + random.nextInt(2);
            Set<LocalDate> open = new java.util.HashSet<>();
            for (LocalDate d : days) if (open.size() * rooms < 10 - rooms && random.nextInt(2) == 0) open.add(d);
            s.add(new Site("s" + i, random.nextInt(50), rooms, open));
        }
        List<Travel> t = new ArrayList<>();
        for (int i = 0; i < volunteers; i++)
            for (int j = 0; j < sites; j++)
                if (random.nextInt(3) == 0) t.add(new Travel("v" + i, "s" + j, 5 * random.nextInt(25)));
        return MissionProblem.of(v, s, t, 90);
    }
}
