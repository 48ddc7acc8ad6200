package fr.traitant.app.platform;

import java.text.NumberFormat;
import java.util.Locale;

/** Numbers as a French reader expects them (the templates' {@code #fr} helpers use these). */
public final class FrenchNumbers {

    private FrenchNumbers() {}

    /** "12 345" with the French thin space. */
    public static String count(long value) {
        return NumberFormat.getIntegerInstance(Locale.FRANCE).format(value);
    }

    /** "1 234,5" with at most {@code digits} decimals (an expected number of people, a rate). */
    public static String decimal(double value, int digits) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMaximumFractionDigits(digits);
        f.setMinimumFractionDigits(0);
        return f.format(value);
    }

    /**
     * "12 min": a travel time, rounded half up (2.5 → 3). The one rounding of a trip on every page, explanation and
     * message, so that a proposal never reads "2 min" in a column and "3 min" beside it.
     */
    public static String minutes(double minutes) {
        return Math.round(minutes) + " min";
    }

    /** "1 234,50 €": an amount in euros with its cents. */
    public static String euros(double amount) {
        NumberFormat f = NumberFormat.getNumberInstance(Locale.FRANCE);
        f.setMinimumFractionDigits(2);
        f.setMaximumFractionDigits(2);
        return f.format(amount) + "\u00a0€";
    }

    /** "12,3 %" from a share between 0 and 1, with one decimal. */
    public static String percent(double share) {
        return decimal(100 * share, 1) + "\u00a0%";
    }
}
