package fr.traitant.app.campaigns;

import fr.traitant.app.platform.FormChoice;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

/**
 * A new campaign from the targeting page: its name and channel, and the département and budget the selection was
 * made for.
 */
public record CampaignForm(
        @NotBlank(message = "Donnez un nom à la campagne.")
        @Size(max = 200, message = "Au plus 200 caractères.")
        @Nullable
        String name,

        @NotNull(message = "Choisissez comment écrire aux médecins.")
        @Pattern(regexp = "LETTER|EMAIL", message = "Choisissez le courrier postal ou l’e-mail MSSanté.")
        @Nullable
        String channel,

        @NotBlank(message = "Indiquez le département, par exemple 83.") @Nullable
        String departement,

        @NotNull(message = "Indiquez le nombre de courriers à envoyer.")
        @Min(value = 1, message = "Au moins 1 courrier.")
        @Max(value = 5000, message = "Au plus 5 000 courriers par campagne.")
        @Nullable
        Integer budget,

        @NotNull(message = "Indiquez la part de témoins, 10 % par défaut.")
        @Min(value = 0, message = "Entre 0 et 50 %.")
        @Max(value = 50, message = "Entre 0 et 50 %.")
        @Nullable
        Integer holdoutPercent,

        @NotNull(message = "Indiquez après combien de semaines relancer.")
        @Min(value = 1, message = "Entre 1 et 26 semaines.")
        @Max(value = 26, message = "Entre 1 et 26 semaines.")
        @Nullable
        Integer reminderWeeks,

        @org.springframework.format.annotation.DateTimeFormat(
                iso = org.springframework.format.annotation.DateTimeFormat.ISO.DATE)
        @jakarta.validation.constraints.FutureOrPresent(message = "Choisissez aujourd’hui ou un jour à venir.")
        @Nullable
        LocalDate scheduledFor) {

    /** The channels offered, with their French names. */
    public static final List<FormChoice> CHANNELS = List.of(
            new FormChoice("LETTER", "Courrier postal (lettres à imprimer, PDF)"),
            new FormChoice("EMAIL", "E-mail MSSanté (courrier pour les médecins sans adresse MSSanté)"));
}
