package fr.traitant.app.platform;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Dates as a French page writes them, in Paris time: "2 décembre 2026", "2 décembre 2026 à 16 h 48". */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_AND_TIME = DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);

    private FrenchDates() {}

    public static String day(LocalDate date) {
        return date == null ? null : DAY.format(date);
    }

    public static String day(Instant instant) {
        return instant == null ? null : DAY.format(instant.atZone(PARIS));
    }

    public static String dayAndTime(Instant instant) {
        return instant == null ? null : DAY_AND_TIME.format(instant.atZone(PARIS));
    }
}
