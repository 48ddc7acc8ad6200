package fr.traitant.app;

import java.time.LocalDate;

/** Valid NIRs made up for the tests, consistent with a birth date and a birth commune (the key computed). */
public final class TestNir {

    private TestNir() {}

    /**
     * @param sex   1 man, 2 woman
     * @param commune INSEE code of the birth commune (5 digits, mainland)
     * @param order order number of the birth, 1–999
     */
    public static String of(int sex, LocalDate birth, String commune, int order) {
        String thirteen = sex
                + String.format("%02d%02d", birth.getYear() % 100, birth.getMonthValue())
                + commune
                + String.format("%03d", order);
        return thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97);
    }
}
