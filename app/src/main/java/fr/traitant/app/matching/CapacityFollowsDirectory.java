package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorAvailabilityChanged;
import fr.traitant.engine.directory.NewPatients;
import java.time.Clock;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/**
 * One capacity per doctor (issue 13, point 4): whatever page a doctor sets their new patients on — their space, the
 * proposals page — the directory holds the number, and the workflow's capacity rows of that RPPS follow it in the same
 * transaction. Fewer places than the doctor already accepted is refused, which undoes the directory's change too.
 */
@Component
class CapacityFollowsDirectory {

    private final CapacityRepository repository;
    private final Clock clock;
    private final fr.traitant.app.identity.Accounts accounts;

    CapacityFollowsDirectory(CapacityRepository repository, Clock clock, fr.traitant.app.identity.Accounts accounts) {
        this.repository = repository;
        this.clock = clock;
        this.accounts = accounts;
    }

    @EventListener
    void onAvailabilityChanged(DoctorAvailabilityChanged changed) {
        boolean accepting = changed.status() == NewPatients.ACCEPTING;
        java.util.List<CapacityRepository.Held> rows = repository.rowsOfRpps(changed.rpps()).stream()
                .filter(h -> h.accountId() == null
                        || accounts.doctorRpps(h.accountId())
                                .map(fr.traitant.engine.directory.Rpps::value)
                                .filter(changed.rpps()::equals)
                                .isPresent())
                .toList();
        int committed =
                rows.stream().mapToInt(CapacityRepository.Held::committed).max().orElse(0);
        if (accepting && changed.capacity() < committed) {
            throw new IllegalArgumentException("Vous avez déjà accepté " + committed
                    + " nouveau(x) patient(s) : le nombre de places " + "ne peut pas être inférieur.");
        }
        for (CapacityRepository.Held row : rows) {
            repository.followAvailability(row.id(), accepting, changed.capacity(), clock.instant());
        }
    }

    /** A doctor who left the national directory (complete extraction) is no longer proposed to families. */
    @EventListener
    void onDoctorsLeft(fr.traitant.app.directory.DoctorsLeftDirectory left) {
        repository.stopAccepting(left.rpps(), left.at());
    }
}
