package fr.traitant.engine.matching;

/** Receives progress of a long matching run (for progress bars). Called from the solving thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (phase, done, total) -> {};

    /**
     * @param phase short name of the current phase ("candidates", "greedy", "repair", "exact", "polish")
     * @param done units done in this phase
     * @param total units in this phase
     */
    void onProgress(String phase, long done, long total);
}
