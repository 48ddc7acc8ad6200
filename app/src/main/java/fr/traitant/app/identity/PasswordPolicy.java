package fr.traitant.app.identity;

import java.util.Locale;
import java.util.Optional;

/**
 * Password rules for local accounts (following the ANSSI / CNIL recommendation of a long passphrase rather than
 * composition tricks): 12 to 128 characters, at least 3 of the 4 kinds (lower case, upper case, digit, other),
 * not containing the user name (before the @), not one character repeated. Checked when a password is set.
 */
final class PasswordPolicy {

    static final int MIN_LENGTH = 12;
    static final int MAX_LENGTH = 128;

    private PasswordPolicy() {}

    /** The French reason why this password is refused, or empty when it is acceptable. */
    static Optional<String> problem(String password, String username) {
        if (password == null || password.length() < MIN_LENGTH) {
            return Optional.of("Le mot de passe doit compter au moins " + MIN_LENGTH + " caractères.");
        }
        if (password.length() > MAX_LENGTH) {
            return Optional.of("Le mot de passe doit compter au plus " + MAX_LENGTH + " caractères.");
        }
        int kinds = (password.chars().anyMatch(Character::isLowerCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isUpperCase) ? 1 : 0)
                + (password.chars().anyMatch(Character::isDigit) ? 1 : 0)
                + (password.chars().anyMatch(c -> !Character.isLetterOrDigit(c)) ? 1 : 0);
        if (kinds < 3) {
            return Optional.of(
                    "Le mot de passe doit mêler au moins trois types de caractères (minuscules, majuscules, chiffres, autres).");
        }
        if (password.chars().distinct().count() == 1) {
            return Optional.of("Le mot de passe ne peut pas répéter un seul caractère.");
        }
        String local = username == null ? "" : username.split("@")[0].toLowerCase(Locale.ROOT);
        if (local.length() >= 3 && password.toLowerCase(Locale.ROOT).contains(local)) {
            return Optional.of("Le mot de passe ne doit pas contenir l'identifiant.");
        }
        return Optional.empty();
    }
}
