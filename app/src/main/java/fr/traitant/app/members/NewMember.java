package fr.traitant.app.members;

import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.platform.values.PhoneNumber;
import java.time.LocalDate;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/** A member to add to a household; identifiers are already validated value types (optional ones may be null). */
public record NewMember(
        String firstName,
        String lastName,
        @Nullable LocalDate birthDate,
        @Nullable Nir nir,
        @Nullable EmailAddress email,
        @Nullable PhoneNumber phone) {
    public NewMember {
        Objects.requireNonNull(firstName, "firstName");
        Objects.requireNonNull(lastName, "lastName");
    }
}
