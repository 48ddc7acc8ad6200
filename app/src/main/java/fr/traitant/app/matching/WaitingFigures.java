package fr.traitant.app.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade: public figures of the waiting list (aggregates only, hence not audited) — what Nova Scotia publishes
 * monthly and Québec does not: households and people waiting by département and priority class, median wait, and
 * households attached per month.
 */
@Service
public class WaitingFigures {

    /** One département × priority cell: households and people waiting now, and their median wait in days. */
    public record Cell(String departement, int priority, long households, long people, double medianWaitDays) {}

    /** Households whose entry ended with a declared médecin traitant, per month ({@code YYYY-MM}). */
    public record Month(String month, long households, long people) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    WaitingFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Waiting households by département and priority (entries paused or with a pending proposal included). */
    public List<Cell> waiting() {
        return jdbc.sql("""
                        select departement, priority, count(*), sum(people),
                               percentile_cont(0.5) within group (order by greatest(0, extract(epoch from (:now - waiting_since)) / 86400))
                          from waiting_entry where status in ('WAITING', 'PAUSED', 'PROPOSED')
                         group by departement, priority order by departement, priority""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Cell(rs.getString(1), rs.getInt(2), rs.getLong(3), rs.getLong(4),
                        Math.round(rs.getDouble(5) * 10) / 10.0))
                .list();
    }

    /** Attached households per month, oldest first. */
    public List<Month> attachedPerMonth() {
        return jdbc.sql("""
                        select to_char(status_changed_at at time zone 'Europe/Paris', 'YYYY-MM'), count(*), sum(people)
                          from waiting_entry where status = 'ATTACHED' group by 1 order by 1""")
                .query((rs, i) -> new Month(rs.getString(1), rs.getLong(2), rs.getLong(3))).list();
    }

    /** The waiting figures as CSV (UTF-8, {@code ;}-separated, header line). */
    public String waitingCsv() {
        StringBuilder csv = new StringBuilder("departement;priorite;foyers;personnes;attente_mediane_jours\n");
        for (Cell c : waiting()) {
            csv.append(c.departement()).append(';').append(c.priority()).append(';').append(c.households()).append(';')
                    .append(c.people()).append(';').append(c.medianWaitDays()).append('\n');
        }
        return csv.toString();
    }
}
