package fr.traitant.app.matching;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade: the households waiting for a médecin traitant and the transferred households about to arrive — household
 * ids, communes and counts only (no personal data): where the network is needed.
 */
@Service
public class WaitingDemand {

    /**
     * An open waiting-list entry.
     *
     * @param destinationCommune where a transferred household is going, null for the others (they live at home)
     * @param people members needing the doctor
     */
    public record Waiting(long householdId, @Nullable String destinationCommune, int people) {}

    /** A transferred household whose arrival is planned and who is not on the waiting list yet. */
    public record Arrival(long householdId, String destinationCommune, LocalDate arrival) {}

    private final JdbcClient jdbc;

    WaitingDemand(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every open entry (waiting, paused after unanswered contacts, or with a proposal pending). */
    public List<Waiting> open() {
        return jdbc.sql("""
                        select household_id, destination_commune, people from waiting_entry
                         where status in ('WAITING', 'PAUSED', 'PROPOSED') order by household_id""")
                .query((rs, i) -> new Waiting(rs.getLong(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** Transfers arriving from {@code from} to {@code to} included, not on the waiting list yet; one per household. */
    public List<Arrival> arriving(LocalDate from, LocalDate to) {
        return jdbc.sql("""
                        select distinct on (household_id) household_id, destination_commune, arrival_date from transfer
                         where waiting_entry_id is null and arrival_date between :from and :to
                         order by household_id, arrival_date""")
                .param("from", from)
                .param("to", to)
                .query((rs, i) -> new Arrival(
                        rs.getLong(1), rs.getString(2), rs.getDate(3).toLocalDate()))
                .list();
    }
}
