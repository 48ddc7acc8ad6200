package fr.traitant.app.matching;

import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.jspecify.annotations.Nullable;

/**
 * The advisor's filter of the waiting list, as typed in the address (French parameter names, like the page's
 * address): a département's code and a priority 1–5, both optional. The département itself is checked against the
 * territory by {@link WaitingListPages}.
 */
record WaitingListFilter(
        @Size(max = 40, message = "Saisissez un code de département, par exemple 83 ou 2A.")
        String departement,

        @Pattern(regexp = "[1-5]?", message = "La priorité va de 1 à 5.")
        String priorite) {

    WaitingListFilter {
        departement = departement == null ? "" : departement.strip();
        priorite = priorite == null ? "" : priorite.strip();
    }

    /** The priority chosen, or null for every priority (once valid). */
    @Nullable
    Integer priority() {
        return priorite.isEmpty() ? null : Integer.valueOf(priorite);
    }
}
