package fr.traitant.app.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/** Dates as a French page writes them, in Paris time: "2 décembre 2026", "2 décembre 2026 à 16 h 48". */
public final class FrenchDates {

    public static final ZoneId PARIS = ZoneId.of("Europe/Paris");
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.FRENCH);
    private static final DateTimeFormatter DAY_AND_TIME =
            DateTimeFormatter.ofPattern("d MMMM yyyy 'à' H 'h' mm", Locale.FRENCH);

    private FrenchDates() {}

    /** "mars 2027". */
    public static String month(java.time.YearMonth month) {
        return month.format(DateTimeFormatter.ofPattern("MMMM yyyy", Locale.FRENCH));
    }

    public static @Nullable String day(@Nullable LocalDate date) {
        return date == null ? null : first(date.getDayOfMonth(), DAY.format(date));
    }

    public static @Nullable String day(@Nullable Instant instant) {
        return instant == null ? null : day(instant.atZone(PARIS).toLocalDate());
    }

    /** French typography: the first of the month is written "1er" ("1er janvier 2027"). */
    private static String first(int dayOfMonth, String formatted) {
        return dayOfMonth == 1 ? "1er" + formatted.substring(1) : formatted;
    }

    public static @Nullable String dayAndTime(@Nullable Instant instant) {
        return instant == null ? null : dayAndTime(instant.atZone(PARIS).toLocalDateTime());
    }

    /** A local date-time already in Paris time. */
    public static @Nullable String dayAndTime(@Nullable LocalDateTime dateTime) {
        return dateTime == null ? null : first(dateTime.getDayOfMonth(), DAY_AND_TIME.format(dateTime));
    }

    public static @Nullable String dayAndTime(@Nullable OffsetDateTime dateTime) {
        return dateTime == null ? null : dayAndTime(dateTime.toInstant());
    }

    /** "5 ans", "6 mois", "1 an et 6 mois", "30 jours". */
    public static @Nullable String duration(@Nullable Period period) {
        if (period == null) {
            return null;
        }
        List<String> parts = new ArrayList<>();
        if (period.getYears() != 0) {
            parts.add(period.getYears() + (Math.abs(period.getYears()) == 1 ? " an" : " ans"));
        }
        if (period.getMonths() != 0) {
            parts.add(period.getMonths() + " mois");
        }
        if (period.getDays() != 0 || parts.isEmpty()) {
            parts.add(period.getDays() + (Math.abs(period.getDays()) == 1 ? " jour" : " jours"));
        }
        return String.join(" et ", parts);
    }

    /** "3 h 20 min", "45 min", "20 s". */
    public static @Nullable String duration(@Nullable Duration duration) {
        if (duration == null) {
            return null;
        }
        long seconds = duration.toSeconds();
        if (seconds >= 86_400 && seconds % 86_400 == 0) {
            long days = seconds / 86_400;
            return days + (days == 1 ? " jour" : " jours");
        }
        if (seconds < 60) {
            return seconds + " s";
        }
        long hours = seconds / 3600;
        long minutes = (seconds % 3600) / 60;
        return hours == 0 ? minutes + " min" : minutes == 0 ? hours + " h" : hours + " h " + minutes + " min";
    }
}
