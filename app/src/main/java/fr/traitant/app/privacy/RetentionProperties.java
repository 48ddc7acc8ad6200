package fr.traitant.app.privacy;

import java.time.Period;
import java.util.Map;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * {@code traitant.retention.*}: how long each kind of record is kept after its reference date (ISO-8601 periods,
 * {@code P5Y}), when the job runs and whether it deletes.
 *
 * @param periods per record kind ({@code household}, {@code audit}, later {@code case}, {@code proposal})
 * @param cron    when the retention job runs (Spring cron, default 03:30 every day)
 * @param purge   false (default): the job only reports what it would delete (dry run); true: it deletes
 */
@ConfigurationProperties("traitant.retention")
record RetentionProperties(
        @DefaultValue Map<String, Period> periods,
        @DefaultValue("0 30 3 * * *") String cron,
        @DefaultValue("false") boolean purge) {

    Period periodOf(String kind) {
        Period period = periods.get(kind);
        if (period == null) {
            throw new IllegalStateException(
                    "No retention period configured for '" + kind + "': set traitant.retention.periods." + kind);
        }
        return period;
    }
}
