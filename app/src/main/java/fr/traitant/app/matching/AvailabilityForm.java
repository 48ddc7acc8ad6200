package fr.traitant.app.matching;

import fr.traitant.engine.directory.NewPatients;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * The doctor's availability form, as typed: new-patient status, how many new patients, the practice commune. The
 * rules that need the doctor's record (places already committed, the commune found) are {@link DoctorCapacities}'.
 */
record AvailabilityForm(
        @NotBlank(message = "Indiquez si vous acceptez de nouveaux patients.")
        String status,

        @Pattern(regexp = "-?[0-9]{0,6}", message = "Indiquez un nombre entier de nouveaux patients.")
        String capacity,

        String commune) {

    AvailabilityForm {
        status = status == null ? "" : status.strip();
        capacity = capacity == null ? "" : capacity.strip();
        commune = commune == null ? "" : commune.strip();
    }

    /** The status chosen, or null when none or unknown. */
    @Nullable
    NewPatients newPatients() {
        return status.isEmpty() ? null : NewPatients.parse(status);
    }

    /** The number typed, or null when empty (once valid). */
    @Nullable
    Integer places() {
        return capacity.isEmpty() ? null : Integer.valueOf(capacity);
    }
}
