package fr.traitant.engine.accessibility;

/** Receives progress of a long computation (for a progress bar); called on the computing thread. */
@FunctionalInterface
public interface ProgressListener {

    /** Ignores progress. */
    ProgressListener NONE = (stage, done, total) -> {};

    /**
     * @param stage short name of the current stage
     * @param done  units done in this stage, 0..total
     * @param total units in this stage
     */
    void progressed(String stage, long done, long total);
}
