package fr.traitant.app.platform;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.Period;
import java.time.ZonedDateTime;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Component;
import org.thymeleaf.context.IExpressionContext;
import org.thymeleaf.dialect.AbstractDialect;
import org.thymeleaf.dialect.IExpressionObjectDialect;
import org.thymeleaf.expression.IExpressionObjectFactory;

/**
 * The {@code #fr} expression object of every template: dates, durations and counts written as a French page writes
 * them ({@code ${#fr.day(c.dueOn)}} → "2 décembre 2026"), so that no page shows an ISO date or duration.
 */
@Component
class FrenchDialect extends AbstractDialect implements IExpressionObjectDialect {

    private static final Format FORMAT = new Format();

    FrenchDialect() {
        super("traitant-french");
    }

    @Override
    public IExpressionObjectFactory getExpressionObjectFactory() {
        return new IExpressionObjectFactory() {
            @Override
            public Set<String> getAllExpressionObjectNames() {
                return Set.of("fr");
            }

            @Override
            public Object buildObject(IExpressionContext context, String expressionObjectName) {
                return FORMAT;
            }

            @Override
            public boolean isCacheable(String expressionObjectName) {
                return true;
            }
        };
    }

    /** The methods templates call; one per kind of value, whatever its Java type (SpEL cannot pick among overloads). */
    public static final class Format {

        public @Nullable String day(@Nullable Object value) {
            return switch (value) {
                case null -> null;
                case LocalDate d -> FrenchDates.day(d);
                case Instant i -> FrenchDates.day(i);
                case LocalDateTime d -> FrenchDates.day(d.toLocalDate());
                case ZonedDateTime d -> FrenchDates.day(d.toInstant());
                case OffsetDateTime d -> FrenchDates.day(d.toInstant());
                case java.util.Date d -> FrenchDates.day(d.toInstant());
                default -> throw new IllegalArgumentException("Not a date: " + value.getClass());
            };
        }

        /** "mars 2027" from a year-month. */
        public @Nullable String month(java.time.@Nullable YearMonth value) {
            return value == null ? null : FrenchDates.month(value);
        }

        public @Nullable String dayAndTime(@Nullable Object value) {
            return switch (value) {
                case null -> null;
                case Instant i -> FrenchDates.dayAndTime(i);
                case LocalDateTime d -> FrenchDates.dayAndTime(d);
                case ZonedDateTime d -> FrenchDates.dayAndTime(d.toInstant());
                case OffsetDateTime d -> FrenchDates.dayAndTime(d.toInstant());
                case java.util.Date d -> FrenchDates.dayAndTime(d.toInstant());
                case LocalDate d -> FrenchDates.day(d);
                default -> throw new IllegalArgumentException("Not a date-time: " + value.getClass());
            };
        }

        public @Nullable String duration(@Nullable Object value) {
            return switch (value) {
                case null -> null;
                case Period p -> FrenchDates.duration(p);
                case Duration d -> FrenchDates.duration(d);
                default -> throw new IllegalArgumentException("Not a duration: " + value.getClass());
            };
        }

        /** "12 345" with the French thin space. */
        public String count(long value) {
            return FrenchNumbers.count(value);
        }

        /** "1 234,5" with at most {@code digits} decimals. */
        public String decimal(double value, int digits) {
            return FrenchNumbers.decimal(value, digits);
        }

        /** "12 min": a travel time, rounded half up ({@link FrenchNumbers#minutes}). */
        public String minutes(double value) {
            return FrenchNumbers.minutes(value);
        }

        /** "1 234,50 €". */
        public String euros(double amount) {
            return FrenchNumbers.euros(amount);
        }

        /** "12,3 %" from a share between 0 and 1. */
        public String percent(double share) {
            return FrenchNumbers.percent(share);
        }
    }
}
