package fr.traitant.app.platform.values;

import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;

/**
 * An e-mail address: one {@code @}, a local part, a domain with at least one dot, at most 254 characters;
 * stored trimmed and lower-cased (French mail providers treat the local part case-insensitively too).
 */
public record EmailAddress(String value) {

    private static final Pattern SHAPE = Pattern.compile(
            "[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]+@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+");

    public EmailAddress {
        Objects.requireNonNull(value, "email");
        value = value.trim().toLowerCase(Locale.ROOT);
        if (value.length() > 254 || !SHAPE.matcher(value).matches() || value.contains("..")) {
            throw new IllegalArgumentException("L'adresse électronique n'est pas valide.");
        }
    }

    public static EmailAddress of(String text) {
        return new EmailAddress(text);
    }

    @Override
    public String toString() {
        return value;
    }
}
