package fr.traitant.engine.directory;

import org.jspecify.annotations.Nullable;

/**
 * An RPPS number (Répertoire partagé des professionnels de santé): 11 digits.
 *
 * <p>Only the shape is checked: the last digit is often described as a Luhn key, but no authoritative ANS source
 * confirms it, and refusing a real number would refuse a whole import file (see ADR 0012). Synthetic numbers are
 * still generated with a Luhn key.
 *
 * <p>The one RPPS type of the platform (the directory's parser, the application's accounts, invitations and
 * capacities).
 *
 * <p>Real RPPS numbers start with {@code 1}. Numbers starting with {@value #SYNTHETIC_PREFIX} are
 * reserved here for <strong>synthetic (made-up) doctors</strong> of the demo data: they pass the
 * same check but can never be mistaken for a real professional's number.
 *
 * @param value the 11 digits
 */
public record Rpps(String value) {

    /** Prefix of synthetic RPPS numbers (real numbers start with 1). */
    public static final String SYNTHETIC_PREFIX = "000";

    public Rpps {
        String problem = problem(value);
        if (problem != null) {
            throw new IllegalArgumentException(problem);
        }
    }

    /**
     * Parses a number as a person types it (spaces ignored), or throws {@link IllegalArgumentException} with a French
     * message.
     */
    public static Rpps of(@Nullable String value) {
        return new Rpps(value == null ? "" : value.replaceAll("\\s", ""));
    }

    /**
     * An RPPS, or a national health-professional id ({@code 8} + RPPS, 12 digits) as sent by Pro Santé Connect;
     * spaces ignored.
     */
    public static Rpps fromNationalId(@Nullable String text) {
        String compact = text == null ? "" : text.replaceAll("\\s", "");
        if (compact.length() == 12 && compact.charAt(0) == '8') {
            compact = compact.substring(1);
        }
        return new Rpps(compact);
    }

    /** Whether {@code value} is a valid RPPS number (11 digits). */
    public static boolean isValid(@Nullable String value) {
        return problem(value) == null;
    }

    /** Why {@code value} is not a valid RPPS number (French), or null when it is. */
    public static @Nullable String problem(@Nullable String value) {
        if (value == null || value.isEmpty()) {
            return "Le numéro RPPS est absent.";
        }
        if (value.length() != 11) {
            return "Le numéro RPPS « " + abbreviate(value) + " » doit compter 11 chiffres.";
        }
        for (int i = 0; i < 11; i++) {
            char c = value.charAt(i);
            if (c < '0' || c > '9') {
                return "Le numéro RPPS « " + abbreviate(value) + " » ne doit contenir que des chiffres.";
            }
        }
        return null;
    }

    /**
     * The synthetic RPPS number of sequence {@code sequence} (0 ≤ sequence &lt; 10,000,000):
     * {@value #SYNTHETIC_PREFIX}, 7 digits, and a Luhn key.
     */
    public static Rpps synthetic(int sequence) {
        if (sequence < 0 || sequence >= 10_000_000) {
            throw new IllegalArgumentException("synthetic sequence out of range: " + sequence);
        }
        String body = SYNTHETIC_PREFIX + String.format("%07d", sequence);
        for (char key = '0'; key <= '9'; key++) {
            if (luhn(body + key)) {
                return new Rpps(body + key);
            }
        }
        throw new IllegalStateException("no Luhn key for " + body);
    }

    /** Whether this number belongs to the range reserved for synthetic doctors. */
    public boolean isSynthetic() {
        return value.startsWith(SYNTHETIC_PREFIX);
    }

    static boolean luhn(String digits) {
        int sum = 0;
        for (int i = 0; i < digits.length(); i++) {
            int d = digits.charAt(digits.length() - 1 - i) - '0';
            if ((i & 1) == 1) {
                d *= 2;
                if (d > 9) {
                    d -= 9;
                }
            }
            sum += d;
        }
        return sum % 10 == 0;
    }

    private static String abbreviate(String value) {
        return value.length() > 20 ? value.substring(0, 20) + "…" : value;
    }

    @Override
    public String toString() {
        return value;
    }
}
