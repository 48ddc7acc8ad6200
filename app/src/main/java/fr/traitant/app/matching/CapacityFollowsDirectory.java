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

    CapacityFollowsDirectory(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    @EventListener
    void onAvailabilityChanged(DoctorAvailabilityChanged changed) {
        boolean accepting = changed.status() == NewPatients.ACCEPTING;
        int committed = jdbc.sql("select coalesce(max(committed), 0) from doctor_capacity where rpps = :r").param("r", changed.rpps())
                .query(Integer.class).single();
        if (accepting && changed.capacity() < committed) {
            throw new IllegalArgumentException("Vous avez déjà accepté " + committed + " nouveau(x) patient(s) : le nombre de places "
                    + "ne peut pas être inférieur.");
        }
        // not accepting: no room left, the places already taken stay counted
        jdbc.sql("""
                        update doctor_capacity set capacity = case when :accepting then :capacity else committed end,
                               accepting = :accepting, updated_at = :now
                         where rpps = :r""")
                .param("accepting", accepting).param("capacity", changed.capacity()).param("now", Timestamp.from(clock.instant()))
                .param("r", changed.rpps()).update();
    }
}
