package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorAvailabilityChanged;
import fr.traitant.engine.directory.NewPatients;
import java.sql.Timestamp;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * One capacity per doctor (issue 13, point 4): whatever page a doctor sets their new patients on — their space, the
 * proposals page — the directory holds the number, and the workflow's capacity rows of that RPPS follow it in the same
 * transaction. Fewer places than the doctor already accepted is refused, which undoes the directory's change too.
 */
@Component
class CapacityFollowsDirectory {

    private final JdbcClient jdbc;
    private final Clock clock;
    private final fr.traitant.app.identity.Accounts accounts;

    CapacityFollowsDirectory(JdbcClient jdbc, Clock clock, fr.traitant.app.identity.Accounts accounts) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.accounts = accounts;
    }

    /** A capacity row of this doctor: the directory's mirror (no account) or an account the identity module links to the RPPS. */
    private record Held(long id, Long accountId, int committed) {}

    @EventListener
    void onAvailabilityChanged(DoctorAvailabilityChanged changed) {
        boolean accepting = changed.status() == NewPatients.ACCEPTING;
        java.util.List<Held> rows = jdbc.sql("select id, doctor_account_id, committed from doctor_capacity where rpps = :r")
                .param("r", changed.rpps())
                .query((rs, i) -> new Held(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getInt(3))).list()
                .stream()
                .filter(h -> h.accountId() == null || accounts.doctorRpps(h.accountId())
                        .map(fr.traitant.app.platform.values.Rpps::value).filter(changed.rpps()::equals).isPresent())
                .toList();
        int committed = rows.stream().mapToInt(Held::committed).max().orElse(0);
        if (accepting && changed.capacity() < committed) {
            throw new IllegalArgumentException("Vous avez déjà accepté " + committed + " nouveau(x) patient(s) : le nombre de places "
                    + "ne peut pas être inférieur.");
        }
        for (Held row : rows) {
            // not accepting: no room left, the places already taken stay counted
            jdbc.sql("""
                            update doctor_capacity set capacity = case when :accepting then :capacity else committed end,
                                   accepting = :accepting, updated_at = :now
                             where id = :id""")
                    .param("accepting", accepting).param("capacity", changed.capacity()).param("now", Timestamp.from(clock.instant()))
                    .param("id", row.id()).update();
        }
    }
}
