package fr.traitant.app.platform.values;

import java.util.Locale;
import java.util.Objects;

/**
 * An INSEE commune code (code officiel géographique): 5 characters, the département (2 digits, 2A or 2B;
 * overseas départements 971–976 use their 3 digits) followed by the commune's number. Not a postal code.
 */
public record InseeCode(String value) {

    public InseeCode {
        Objects.requireNonNull(value, "code");
        value = value.trim().toUpperCase(Locale.ROOT);
        if (!value.matches("(?:[0-9]{2}|2[AB])[0-9]{3}") || value.startsWith("00") || value.startsWith("20")) {
            throw new IllegalArgumentException("Le code commune INSEE compte 5 caractères (ex. 83137, 2A004).");
        }
    }

    public static InseeCode of(String text) {
        return new InseeCode(text);
    }

    /** The département code: 2 characters, or 3 digits overseas (971–976). */
    public String departement() {
        return value.startsWith("97") ? value.substring(0, 3) : value.substring(0, 2);
    }

    @Override
    public String toString() {
        return value;
    }
}
