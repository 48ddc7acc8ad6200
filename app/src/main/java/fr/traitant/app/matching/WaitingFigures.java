package fr.traitant.app.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade: public figures of the waiting list (aggregates only, hence not audited) — what Nova Scotia publishes
 * monthly and Québec does not: households and people waiting by département and priority class, median wait, and
 * households attached per month.
 *
 * <p>Statistical secrecy (issue 12): a published group counts at least {@value #THRESHOLD} households. In a
 * département, the priority classes below that are merged into one group; a group still below it is shown as
 * "&lt; 11" with neither its people nor its median wait; no total is published, so nothing can be subtracted back.
 * Months with fewer than {@value #THRESHOLD} attached households are shown as "&lt; 11" too. Same rule in the page,
 * the CSV and the API.
 */
@Service
public class WaitingFigures {

    /** Smallest number of households a published figure may count. */
    public static final int THRESHOLD = 11;

    /**
     * One published group of a département: one priority class, or several merged ({@code priorities} lists them).
     * {@code households}, {@code people} and {@code medianWaitDays} are null when the group has fewer than 11
     * households ({@code belowThreshold}).
     */
    public record Cell(
            String departement,
            List<Integer> priorities,
            boolean belowThreshold,
            @Nullable Long households,
            @Nullable Long people,
            @Nullable Double medianWaitDays) {
        public Cell {
            priorities = List.copyOf(priorities);
        }

        /** "1", or "2, 3 et 5 (regroupées)". */
        public String prioritiesLabel() {
            if (priorities.size() == 1) {
                return priorities.getFirst().toString();
            }
            String all = priorities.stream().map(String::valueOf).collect(Collectors.joining(", "));
            int last = all.lastIndexOf(", ");
            return all.substring(0, last) + " et " + all.substring(last + 2) + " (regroupées)";
        }

        /** The households as published: a number, or "&lt; 11". */
        public String householdsText() {
            return belowThreshold ? "< " + THRESHOLD : String.valueOf(households);
        }

        public String peopleText() {
            return belowThreshold ? "< " + THRESHOLD : String.valueOf(people);
        }

        /** The median wait as a French page shows it ("12,5"), or "—" for a hidden group. */
        public String medianText() {
            return belowThreshold ? "—" : String.valueOf(medianWaitDays).replace('.', ',');
        }
    }

    /** Households whose entry ended with a declared médecin traitant, per month ({@code YYYY-MM}); counts null below 11. */
    public record Month(
            String month,
            boolean belowThreshold,
            @Nullable Long households,
            @Nullable Long people) {
        public String householdsText() {
            return belowThreshold ? "< " + THRESHOLD : String.valueOf(households);
        }

        public String peopleText() {
            return belowThreshold ? "< " + THRESHOLD : String.valueOf(people);
        }
    }

    /** One open waiting entry, as the figures need it. */
    record Waiting(String departement, int priority, int people, double waitDays) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    WaitingFigures(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** Waiting households by département and priority (entries paused or with a pending proposal included), published. */
    public List<Cell> waiting() {
        List<Waiting> entries = jdbc.sql("""
                        select departement, priority, people, greatest(0, extract(epoch from (:now - waiting_since)) / 86400)
                          from waiting_entry where status in ('WAITING', 'PAUSED', 'PROPOSED')""")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Waiting(rs.getString(1), rs.getInt(2), rs.getInt(3), rs.getDouble(4)))
                .list();
        return publish(entries);
    }

    /** The published groups of these entries (pure: tested on hand-made lists). */
    static List<Cell> publish(List<Waiting> entries) {
        Map<String, Map<Integer, List<Waiting>>> byDepartement = new TreeMap<>();
        for (Waiting w : entries) {
            byDepartement
                    .computeIfAbsent(w.departement(), d -> new TreeMap<>())
                    .computeIfAbsent(w.priority(), p -> new ArrayList<>())
                    .add(w);
        }
        List<Cell> cells = new ArrayList<>();
        byDepartement.forEach((departement, byPriority) -> {
            List<Integer> merged = new ArrayList<>();
            List<Waiting> mergedEntries = new ArrayList<>();
            List<Cell> shown = new ArrayList<>();
            byPriority.forEach((priority, group) -> {
                if (group.size() >= THRESHOLD) {
                    shown.add(cell(departement, List.of(priority), group));
                } else {
                    merged.add(priority);
                    mergedEntries.addAll(group);
                }
            });
            cells.addAll(shown);
            if (!merged.isEmpty()) {
                cells.add(cell(departement, merged, mergedEntries));
            }
        });
        cells.sort(java.util.Comparator.comparing(Cell::departement)
                .thenComparing(c -> c.priorities().getFirst()));
        return cells;
    }

    private static Cell cell(String departement, List<Integer> priorities, List<Waiting> group) {
        if (group.size() < THRESHOLD) {
            return new Cell(departement, priorities, true, null, null, null);
        }
        double[] waits = group.stream().mapToDouble(Waiting::waitDays).sorted().toArray();
        int n = waits.length;
        double median = n % 2 == 1 ? waits[n / 2] : (waits[n / 2 - 1] + waits[n / 2]) / 2;
        return new Cell(
                departement,
                priorities,
                false,
                (long) n,
                group.stream().mapToLong(Waiting::people).sum(),
                Math.round(median * 10) / 10.0);
    }

    /**
     * An entry waiting at an instant: its département, its people and the days it had waited by then; its household and
     * the commune of destination of a transfer (else the household's commune is its place).
     */
    public record WaitingAt(
            String departement,
            int people,
            double waitDays,
            long householdId,
            @Nullable String destination) {}

    /** An entry that ended with a declared médecin traitant: its département, people, days waited, when; as above. */
    public record AttachedAt(
            String departement,
            int people,
            double waitDays,
            Instant at,
            long householdId,
            @Nullable String destination) {}

    /**
     * The entries waiting at {@code at} (waiting, paused or with a proposal under way), reconstructed from the entries as
     * they are now: registered by then, and still open or closed after it (an entry's last status change is its closing
     * when it is attached or withdrawn).
     */
    public List<WaitingAt> waitingAt(Instant at) {
        return jdbc.sql("""
                        select departement, people, greatest(0, extract(epoch from (:at - waiting_since)) / 86400),
                               household_id, destination_commune
                          from waiting_entry
                         where waiting_since <= :at
                           and (status in ('WAITING', 'PAUSED', 'PROPOSED') or status_changed_at > :at)""")
                .param("at", Timestamp.from(at))
                .query((rs, i) ->
                        new WaitingAt(rs.getString(1), rs.getInt(2), rs.getDouble(3), rs.getLong(4), rs.getString(5)))
                .list();
    }

    /** The entries attached in {@code [from, to)}. */
    public List<AttachedAt> attachedBetween(Instant from, Instant to) {
        return jdbc.sql("""
                        select departement, people, greatest(0, extract(epoch from (status_changed_at - waiting_since)) / 86400),
                               status_changed_at, household_id, destination_commune
                          from waiting_entry where status = 'ATTACHED' and status_changed_at >= :from and status_changed_at < :to""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, i) -> new AttachedAt(
                        rs.getString(1),
                        rs.getInt(2),
                        rs.getDouble(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getLong(5),
                        rs.getString(6)))
                .list();
    }

    /** Attached households per month, oldest first. */
    public List<Month> attachedPerMonth() {
        return jdbc.sql("""
                        select to_char(status_changed_at at time zone 'Europe/Paris', 'YYYY-MM'), count(*), sum(people)
                          from waiting_entry where status = 'ATTACHED' group by 1 order by 1""")
                .query((rs, i) -> rs.getLong(2) < THRESHOLD
                        ? new Month(rs.getString(1), true, null, null)
                        : new Month(rs.getString(1), false, rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** The waiting figures as CSV (UTF-8, {@code ;}-separated, header line), with the same secrecy as the page. */
    public String waitingCsv() {
        StringBuilder csv = new StringBuilder("departement;priorites;foyers;personnes;attente_mediane_jours\n");
        for (Cell c : waiting()) {
            csv.append(c.departement())
                    .append(';')
                    .append(c.priorities().stream().map(String::valueOf).collect(Collectors.joining(",")))
                    .append(';')
                    .append(c.householdsText())
                    .append(';')
                    .append(c.peopleText())
                    .append(';')
                    .append(
                            c.belowThreshold()
                                    ? ""
                                    : String.valueOf(c.medianWaitDays()).replace('.', ','))
                    .append('\n');
        }
        return csv.toString();
    }
}
