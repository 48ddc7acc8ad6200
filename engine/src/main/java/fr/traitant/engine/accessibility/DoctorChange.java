package fr.traitant.engine.accessibility;

import java.util.Objects;

/**
 * A change of one doctor's supply, applied incrementally by
 * {@link AccessibilityCalculator#update(AccessibilityResult, DoctorChange)}.
 *
 * <p>The caller states the doctor as it was counted before the change (for {@link Left} and
 * {@link Changed}) so that the result need not keep every doctor; stating a doctor that was not
 * part of the previous computation is an error the engine detects only when it would make a
 * commune's supply negative.
 */
public sealed interface DoctorChange permits DoctorChange.Joined, DoctorChange.Left, DoctorChange.Changed {

    /** A doctor starts practising (or enters the data). */
    record Joined(DoctorActivity doctor) implements DoctorChange {
        public Joined {
            Objects.requireNonNull(doctor, "doctor");
        }
    }

    /** A doctor stops practising (retirement, departure). */
    record Left(DoctorActivity doctor) implements DoctorChange {
        public Left {
            Objects.requireNonNull(doctor, "doctor");
        }
    }

    /** A doctor moves commune, changes activity or gets older: same id before and after. */
    record Changed(DoctorActivity before, DoctorActivity after) implements DoctorChange {
        public Changed {
            Objects.requireNonNull(before, "before");
            Objects.requireNonNull(after, "after");
            if (!before.id().equals(after.id())) {
                throw new IllegalArgumentException(
                        "a change keeps the doctor id: " + before.id() + " vs " + after.id());
            }
        }
    }
}
