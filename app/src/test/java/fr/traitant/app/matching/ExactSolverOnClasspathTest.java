package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import com.google.ortools.Loader;
import com.google.ortools.sat.CpModel;
import com.google.ortools.sat.CpSolver;
import com.google.ortools.sat.CpSolverStatus;
import com.google.ortools.sat.IntVar;
import com.google.ortools.sat.LinearExpr;
import org.junit.jupiter.api.Test;

/**
 * The app ships OR-Tools (optional in the engine) so that matching runs get the engine's exact stages; without its
 * native library the engine silently falls back to pure Java. This fails if the dependency or its linux-x86-64
 * native library goes missing from the app's classpath.
 */
class ExactSolverOnClasspathTest {

    @Test
    void or_tools_native_library_loads_and_solves() {
        Loader.loadNativeLibraries();
        CpModel model = new CpModel();
        IntVar x = model.newIntVar(0, 10, "x");
        IntVar y = model.newIntVar(0, 10, "y");
        model.addLessOrEqual(LinearExpr.sum(new IntVar[] {x, y}), 7);
        model.maximize(LinearExpr.weightedSum(new IntVar[] {x, y}, new long[] {2, 3}));
        CpSolver solver = new CpSolver();
        assertThat(solver.solve(model)).isEqualTo(CpSolverStatus.OPTIMAL);
        assertThat(solver.objectiveValue()).isEqualTo(21.0);
    }
}
