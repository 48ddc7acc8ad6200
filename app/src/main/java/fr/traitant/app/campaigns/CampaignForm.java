package fr.traitant.app.campaigns;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/** A new campaign from the targeting page: its name, and the département and budget the selection was made for. */
public record CampaignForm(
        @NotBlank(message = "Donnez un nom à la campagne.")
        @Size(max = 200, message = "Au plus 200 caractères.")
        @Nullable
        String name,

        @NotBlank(message = "Indiquez le département, par exemple 83.") @Nullable
        String departement,

        @NotNull(message = "Indiquez le nombre de courriers à envoyer.")
        @Min(value = 1, message = "Au moins 1 courrier.")
        @Max(value = 5000, message = "Au plus 5 000 courriers par campagne.")
        @Nullable
        Integer budget) {}
