package fr.traitant.engine.matching.internal;

import com.google.ortools.linearsolver.MPConstraint;
import com.google.ortools.linearsolver.MPObjective;
import com.google.ortools.linearsolver.MPSolver;
import com.google.ortools.linearsolver.MPVariable;
import java.util.function.IntUnaryOperator;
import org.jspecify.annotations.Nullable;

/**
 * The integer programme of {@link MinutesStage} (the proof over the pairs within a reduced-cost threshold, and the
 * relaxation-induced neighbourhood): one Boolean per given pair, at most one doctor per household, each doctor within
 * its places, at least the people per class; minimise person-centiminutes. SCIP with a zero gap and a node limit,
 * warm-started from the incumbent.
 */
final class MinutesProgramme {

    /** The programme's solution (slot per household, -1 unserved) and whether SCIP proved it optimal. */
    record Mip(int[] slots, boolean proven) {}

    private MinutesProgramme() {}

    /**
     * @param hh the component's households; {@code incumbent} and {@code fixed} are in their order
     * @param people the people per class to serve at least
     * @param places places per local doctor ({@code localOf}: global doctor → local number), changed here
     * @param household per pair, the local household; {@code slot} its slot, {@code cost} its centiminutes per person
     * @param fixed households kept at the incumbent's doctor (their pairs are not among the given ones), or null
     * @return the solution, the incumbent when SCIP finds nothing better than it; null when SCIP is not available
     */
    static @Nullable Mip solve(
            ProblemIndex p,
            int[] hh,
            long[] people,
            int[] places,
            IntUnaryOperator localOf,
            int[] household,
            int[] slot,
            int[] cost,
            int[] incumbent,
            long nodes,
            boolean @Nullable [] fixed) {
        MPSolver solver = MPSolver.createSolver("SCIP");
        if (solver == null) return null;
        try {
            solver.setSolverSpecificParametersAsString("limits/totalnodes = " + nodes + "\n");
            int nh = hh.length;
            // households fixed at their incumbent's doctor are no variables: their places and people are taken out
            long[] need = people.clone();
            for (int i = 0; i < nh && fixed != null; i++) {
                if (!fixed[i] || incumbent[i] < 0) continue;
                need[p.priority[hh[i]] - 1] -= p.size[hh[i]];
                places[localOf.applyAsInt(p.slotDoctor[incumbent[i]])] -= p.size[hh[i]];
            }
            MPConstraint[] one = new MPConstraint[nh];
            MPConstraint[] capacity = new MPConstraint[places.length];
            MPConstraint[] cls = new MPConstraint[5];
            for (int k = 0; k < 5; k++) cls[k] = solver.makeConstraint(need[k], Double.POSITIVE_INFINITY);
            int n = household.length;
            MPVariable[] x = new MPVariable[n];
            MPObjective obj = solver.objective();
            double[] hint = new double[n];
            for (int y = 0; y < n; y++) {
                int i = household[y], h = hh[i], j = localOf.applyAsInt(p.slotDoctor[slot[y]]);
                x[y] = solver.makeBoolVar("");
                if (one[i] == null) one[i] = solver.makeConstraint(0, 1);
                one[i].setCoefficient(x[y], 1);
                if (capacity[j] == null) capacity[j] = solver.makeConstraint(0, places[j]);
                capacity[j].setCoefficient(x[y], p.size[h]);
                cls[p.priority[h] - 1].setCoefficient(x[y], p.size[h]);
                obj.setCoefficient(x[y], (double) p.size[h] * cost[y]);
                hint[y] = incumbent[i] == slot[y] ? 1 : 0;
            }
            obj.setMinimization();
            solver.setHint(x, hint);
            MPSolver.ResultStatus status = solver.solve(ScipComponentSolver.exactGap());
            if (status != MPSolver.ResultStatus.OPTIMAL && status != MPSolver.ResultStatus.FEASIBLE) {
                return new Mip(incumbent, false);
            }
            int[] slots = new int[nh];
            for (int i = 0; i < nh; i++) slots[i] = fixed != null && fixed[i] ? incumbent[i] : -1;
            for (int y = 0; y < n; y++) {
                if (x[y].solutionValue() > 0.5) {
                    if (slots[household[y]] >= 0) return new Mip(incumbent, false);
                    slots[household[y]] = slot[y];
                }
            }
            return new Mip(slots, status == MPSolver.ResultStatus.OPTIMAL);
        } finally {
            solver.delete();
        }
    }
}
