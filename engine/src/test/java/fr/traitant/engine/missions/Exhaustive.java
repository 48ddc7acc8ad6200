package fr.traitant.engine.missions;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/** The best score over every set of days that follows the rules (tiny instances only): the independent check. */
final class Exhaustive {

    private Exhaustive() {}

    static MissionPlan.Score best(
            MissionProblem problem, List<MissionPlan.Day> kept, Set<MissionPlanner.Refusal> refused) {
        List<MissionPlan.Day> candidates = new ArrayList<>();
        for (MissionProblem.Option o : problem.options()) {
            MissionPlan.Day d = new MissionPlan.Day(
                    problem.volunteers().get(o.volunteer()).id(),
                    problem.sites().get(o.site()).id(),
                    o.date(),
                    o.minutes());
            if (!kept.contains(d) && !refused.contains(new MissionPlanner.Refusal(d.volunteer(), d.date())))
                candidates.add(d);
        }
        MissionPlan.Score best = null;
        for (long mask = 0; mask < 1L << candidates.size(); mask++) {
            List<MissionPlan.Day> days = new ArrayList<>(kept);
            for (int i = 0; i < candidates.size(); i++) if ((mask >> i & 1) == 1) days.add(candidates.get(i));
            if (!problem.violations(days).isEmpty()) continue;
            MissionPlan.Score score = MissionPlan.of(problem, days).score();
            if (best == null || score.compareTo(best) > 0) best = score;
        }
        return java.util.Objects.requireNonNull(best);
    }
}
