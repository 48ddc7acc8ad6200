package fr.traitant.app.directory;

/**
 * How a directory file is applied.
 *
 * @param dryRun              check and merge, then roll back: nothing stored
 * @param complete            the file is the complete national extraction: active doctors that came from the national
 *                            directory and are absent from it are deactivated (kept, marked inactive with the date)
 * @param confirmDeactivation the person confirmed a deactivation above {@link DirectoryMerge#DEACTIVATION_ALERT_SHARE}
 *                            of the active directory (without it such an import stops and asks)
 */
public record ImportOptions(boolean dryRun, boolean complete, boolean confirmDeactivation) {

    /** A partial update (the first wave's behaviour): nobody is deactivated. */
    public static ImportOptions partial(boolean dryRun) {
        return new ImportOptions(dryRun, false, false);
    }

    /** The complete national extraction, without confirmation of a large deactivation. */
    public static ImportOptions complete(boolean dryRun) {
        return new ImportOptions(dryRun, true, false);
    }

    /** The same options, confirmed. */
    public ImportOptions confirmed() {
        return new ImportOptions(dryRun, complete, true);
    }
}
