package fr.traitant.app.directory;

/**
 * Many doctors' supply changed at once (an import of the directory): listeners recompute from the whole current
 * supply once, instead of receiving one {@link DoctorSupplyChanged} per doctor. Published inside the import's
 * transaction, so after-commit listeners only hear about imports that were applied.
 *
 * @param changedDoctors how many doctors joined, left or changed activity or place (&gt; 0)
 * @param reason         why, in French (shown in the accessibility module's run history)
 */
public record DirectorySupplyReloaded(long changedDoctors, String reason) {
    public DirectorySupplyReloaded {
        if (changedDoctors <= 0) {
            throw new IllegalArgumentException("a bulk supply change changes at least one doctor");
        }
    }
}
