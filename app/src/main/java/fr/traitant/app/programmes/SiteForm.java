package fr.traitant.app.programmes;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A site added by hand. */
public record SiteForm(
        @NotBlank(message = "Indiquez le nom du site.") @Size(max = 200, message = "Au plus 200 caractères.") @Nullable
        String name,

        @NotNull(message = "Choisissez le type de site.") @Nullable
        CareSiteKind kind,

        @Size(max = 300, message = "Au plus 300 caractères.") @Nullable
        String address,

        @NotBlank(message = "Indiquez la commune (nom ou code INSEE).") @Nullable
        String commune,

        @NotNull(message = "Indiquez le nombre de jours d’ouverture par semaine.")
        @Min(value = 0, message = "De 0 à 7 jours.")
        @Max(value = 7, message = "De 0 à 7 jours.")
        @Nullable
        Integer openingDays,

        @Nullable Boolean nurse,
        @Nullable Boolean sector1,
        @Nullable Boolean sas,
        @Nullable Boolean appointment48h) {

    static SiteForm empty() {
        return new SiteForm(null, null, null, null, 5, false, false, false, false);
    }
}
