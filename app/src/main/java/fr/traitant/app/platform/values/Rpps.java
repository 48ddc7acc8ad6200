package fr.traitant.app.platform.values;

import java.util.Objects;

/**
 * An RPPS number (répertoire partagé des professionnels de santé): 11 digits.
 *
 * <p>Only the shape is checked. The last digit is commonly described as a Luhn check digit, but we could not
 * confirm this from an authoritative ANS source, so a number is not refused on its last digit (see README).
 * The "national id" used by Pro Santé Connect is {@code 8} followed by the RPPS: {@link #fromNationalId} accepts both.
 */
public record Rpps(String value) {

    public Rpps {
        Objects.requireNonNull(value, "rpps");
        if (!value.matches("[0-9]{11}")) {
            throw new IllegalArgumentException("Le numéro RPPS compte 11 chiffres.");
        }
    }

    public static Rpps of(String text) {
        return new Rpps(Objects.requireNonNull(text, "rpps").replaceAll("\\s", ""));
    }

    /** An RPPS, or a national health-professional id ({@code 8} + RPPS, 12 digits) as sent by Pro Santé Connect. */
    public static Rpps fromNationalId(String text) {
        String compact = Objects.requireNonNull(text, "rpps").replaceAll("\\s", "");
        if (compact.length() == 12 && compact.charAt(0) == '8') {
            compact = compact.substring(1);
        }
        return new Rpps(compact);
    }

    @Override
    public String toString() {
        return value;
    }
}
