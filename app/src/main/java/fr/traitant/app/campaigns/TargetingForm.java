package fr.traitant.app.campaigns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import org.jspecify.annotations.Nullable;

/**
 * The targeting form: a département and a number of letters.
 *
 * @param departement code (83, 2A…)
 * @param budget letters to send
 */
public record TargetingForm(
        @NotBlank(message = "Indiquez le département, par exemple 83.") @Nullable
        String departement,

        @NotNull(message = "Indiquez le nombre de courriers à envoyer.")
        @Min(value = 1, message = "Au moins 1 courrier.")
        @Max(value = 5000, message = "Au plus 5 000 courriers par campagne.")
        @Nullable
        Integer budget) {}
