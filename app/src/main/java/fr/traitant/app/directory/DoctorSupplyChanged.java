package fr.traitant.app.directory;

import java.util.Optional;

/**
 * A doctor's supply changed: joined ({@code before} empty), left ({@code after} empty) or changed activity or place.
 *
 * @param before the doctor as counted before, if they were
 * @param after  the doctor as counted after, if they still are
 */
public record DoctorSupplyChanged(Optional<SupplyLine> before, Optional<SupplyLine> after) {
    public DoctorSupplyChanged {
        if (before.isEmpty() && after.isEmpty()) {
            throw new IllegalArgumentException("a supply change has a before or an after");
        }
    }
}
