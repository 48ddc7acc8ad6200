package fr.traitant.app.reporting;

import jakarta.validation.constraints.Pattern;
import java.util.Arrays;
import java.util.Optional;

/** The family's three answers, as sent: a note from 1 to 5, how long it searched, whether it recommends Traitant. */
record SatisfactionForm(
        @Pattern(regexp = "[1-5]", message = "Choisissez une note de 1 à 5.")
        String note,

        String duree,

        @Pattern(regexp = "oui|non", message = "Répondez oui ou non.")
        String recommande) {

    /** Binding leaves an unanswered question null: each becomes empty. */
    SatisfactionForm {
        note = note == null ? "" : note;
        duree = duree == null ? "" : duree;
        recommande = recommande == null ? "" : recommande;
    }

    static SatisfactionForm empty() {
        return new SatisfactionForm("", "", "");
    }

    /** The search time chosen, if it is one of the list's. */
    Optional<Satisfaction.SearchTime> searchTime() {
        return Arrays.stream(Satisfaction.SearchTime.values())
                .filter(t -> t.name().equals(duree))
                .findFirst();
    }
}
