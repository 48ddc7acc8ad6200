package fr.traitant.app.platform.values;

import java.util.Objects;

/**
 * A French phone number, written {@code 0X XX XX XX XX} or {@code +33 X XX XX XX XX} (spaces, dots and dashes
 * allowed), X from 1 to 9. Stored in E.164 ({@code +33XXXXXXXXX}), shown as {@code 0X XX XX XX XX}.
 */
public record PhoneNumber(String e164) {

    public PhoneNumber {
        Objects.requireNonNull(e164, "phone");
        if (!e164.matches("\\+33[1-9][0-9]{8}")) {
            throw new IllegalArgumentException(
                    "Le numéro de téléphone doit être de la forme 0X XX XX XX XX ou +33 X XX XX XX XX.");
        }
    }

    public static PhoneNumber of(String text) {
        String compact = Objects.requireNonNull(text, "phone").replaceAll("[\\s.()-]", "");
        if (compact.startsWith("0033")) {
            compact = "+33" + compact.substring(4);
        } else if (compact.matches("0[1-9][0-9]{8}")) {
            compact = "+33" + compact.substring(1);
        }
        return new PhoneNumber(compact);
    }

    /** {@code 0X XX XX XX XX}. */
    public String national() {
        String d = "0" + e164.substring(3);
        return d.substring(0, 2) + " " + d.substring(2, 4) + " " + d.substring(4, 6) + " " + d.substring(6, 8) + " "
                + d.substring(8);
    }

    @Override
    public String toString() {
        return national();
    }
}
