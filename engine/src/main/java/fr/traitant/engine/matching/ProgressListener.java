package fr.traitant.engine.matching;

/** Receives progress of a long matching run (for progress bars). Called from the solving thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (phase, done, total) -> {};

    /**
     * Every phase name {@link Matcher} reports, in the order a run meets them: candidates, first assignment, its repair
     * and polish, fix-and-optimise windows, chains class by class, exact components (branch-and-bound, then CP-SAT),
     * within a large exact component its classes one by one, then its person-minutes and its tie-break, and the bound.
     */
    java.util.List<String> PHASES = java.util.List.of(
            "candidates",
            "greedy",
            "repair",
            "polish",
            "windows",
            "chains",
            "exact",
            "cp-sat",
            "classes",
            "person-minutes",
            "tie-break",
            "bound");

    /**
     * @param phase short name of the current phase, one of {@link #PHASES}
     * @param done units done in this phase
     * @param total units in this phase
     */
    void onProgress(String phase, long done, long total);
}
