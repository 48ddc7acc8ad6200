package fr.traitant.app.members;

import fr.traitant.app.platform.values.Nir;
import java.time.LocalDate;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;

/**
 * What a member's identity must respect wherever it is written — the member import and the DPO's rectification
 * alike: names of letters (with spaces, hyphens, apostrophes and dots), a birth date that is possible and agrees with
 * the NIR. Each rule throws an {@link IllegalArgumentException} with a French message.
 */
final class PersonRules {

    /** Letters of any alphabet, then letters, spaces, hyphens, apostrophes or dots; no markup, digits or symbols. */
    private static final Pattern NAME = Pattern.compile("\\p{L}[\\p{L}\\p{M} '’.\\-]*");

    static final int NAME_MAX = 100;

    private PersonRules() {}

    /** @param what "nom" or "prénom", for the message */
    static String name(String what, String value) {
        String v = value == null ? "" : value.strip();
        if (v.isEmpty()) {
            throw new IllegalArgumentException("Le " + what + " est obligatoire.");
        }
        if (v.length() > NAME_MAX) {
            throw new IllegalArgumentException("Le " + what + " dépasse " + NAME_MAX + " caractères.");
        }
        if (!NAME.matcher(v).matches()) {
            throw new IllegalArgumentException(
                    "Le " + what + " ne peut contenir que des lettres, des espaces, des traits d'union, "
                            + "des apostrophes et des points.");
        }
        return v;
    }

    static LocalDate birthDate(LocalDate birth, @Nullable Nir nir, LocalDate today) {
        if (birth.isAfter(today) || birth.isBefore(LocalDate.of(1900, 1, 1))) {
            throw new IllegalArgumentException(
                    "La date de naissance est impossible (" + fr.traitant.app.platform.FrenchDates.day(birth) + ").");
        }
        if (nir != null && !nir.agreesWith(birth)) {
            throw new IllegalArgumentException(
                    "La date de naissance ne correspond pas au NIR (année et mois de naissance).");
        }
        return birth;
    }
}
