package fr.traitant.app.territory;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The search form of a name: accents removed, lower case, every run of non-alphanumeric characters
 * (hyphens, apostrophes, spaces) folded into one space. {@code "Saint-Étienne"} and {@code "saint etienne"}
 * both become {@code "saint etienne"}; {@code "L'Haÿ-les-Roses"} becomes {@code "l hay les roses"}.
 */
final class SearchText {

    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern SEPARATORS = Pattern.compile("[^a-z0-9]+");

    private SearchText() {}

    static String normalize(String text) {
        String decomposed = Normalizer.normalize(text, Normalizer.Form.NFD);
        String plain = MARKS.matcher(decomposed)
                .replaceAll("")
                .replace("œ", "oe")
                .replace("Œ", "oe")
                .replace("æ", "ae")
                .replace("Æ", "ae")
                .toLowerCase(Locale.ROOT);
        return SEPARATORS.matcher(plain).replaceAll(" ").strip();
    }
}
