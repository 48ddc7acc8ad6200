package fr.traitant.app.platform.values;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * A NIR (numéro d'inscription au répertoire, "numéro de sécurité sociale"): 13 characters and a 2-digit key,
 * key = 97 − (number mod 97), where the Corsican département codes 2A and 2B count as 19 and 18.
 *
 * <p>Personal data: {@link #toString()} and {@link #masked()} show only the sex and the year of birth
 * ({@code 2 84 ** ** *** *** **}), so that a NIR never reaches a log in clear. {@link #value()} gives the
 * 15 characters for storage only.
 */
public final class Nir {

    // sex (1-4 ; 7-8 for provisional numbers), year, month, département (2 digits, 2A or 2B), commune, order, key
    private static final Pattern SHAPE = Pattern.compile("[1-478][0-9]{4}(?:[0-9]{2}|2[AB])[0-9]{6}[0-9]{2}");

    private final String value;

    private Nir(String value) {
        this.value = value;
    }

    /**
     * @param text a NIR with or without spaces, dots or dashes
     * @throws IllegalArgumentException if the shape or the key is wrong (the message never repeats the input)
     */
    public static Nir of(String text) {
        Objects.requireNonNull(text, "nir");
        String compact = text.replaceAll("[\\s.-]", "").toUpperCase(java.util.Locale.ROOT);
        if (!SHAPE.matcher(compact).matches()) {
            throw new IllegalArgumentException(
                    "Le NIR doit compter 15 caractères (13 chiffres et une clé de 2 chiffres).");
        }
        int key = Integer.parseInt(compact.substring(13));
        if (key != keyOf(compact.substring(0, 13))) {
            throw new IllegalArgumentException("La clé du NIR ne correspond pas au numéro.");
        }
        return new Nir(compact);
    }

    public static boolean isValid(String text) {
        try {
            of(text);
            return true;
        } catch (IllegalArgumentException | NullPointerException e) {
            return false;
        }
    }

    /** The key of 13 NIR characters: 97 − (number mod 97), 2A → 19 and 2B → 18. */
    static int keyOf(String thirteen) {
        String digits = thirteen.substring(0, 5)
                + switch (thirteen.substring(5, 7)) {
                    case "2A" -> "19";
                    case "2B" -> "18";
                    default -> thirteen.substring(5, 7);
                }
                + thirteen.substring(7);
        return (int) (97 - Long.parseLong(digits) % 97);
    }

    /**
     * Whether a birth date agrees with the year and month the NIR carries (characters 2–5). A month outside 01–12
     * (20–42 and 50–99: month unknown at registration) agrees with any month.
     */
    public boolean agreesWith(java.time.LocalDate birthDate) {
        int year = Integer.parseInt(value.substring(1, 3));
        int month = Integer.parseInt(value.substring(3, 5));
        if (birthDate.getYear() % 100 != year) {
            return false;
        }
        return month < 1 || month > 12 || month == birthDate.getMonthValue();
    }

    /** The 15 characters, for storage; never log or display this. */
    public String value() {
        return value;
    }

    /** What a page may show: the sex and the year of birth, the rest hidden ({@code 2 84 ** ** *** *** **}). */
    public String masked() {
        return value.charAt(0) + " " + value.substring(1, 3) + " ** ** *** *** **";
    }

    @Override
    public String toString() {
        return masked();
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof Nir other && other.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }
}
