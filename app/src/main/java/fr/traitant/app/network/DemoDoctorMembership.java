package fr.traitant.app.network;

import fr.traitant.app.identity.DemoAccounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.annotation.Profile;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY (profile {@code demo}): the demo doctor (as the README says) is a member of the médecins solidaires
 * network — they signed the charter, taking transferred families, 20 new patients a year. Runs once the demo doctor's
 * directory entry exists ({@code DemoAccountDoctor}, order 100); idempotent.
 */
@Component
@Profile("demo")
class DemoDoctorMembership {

    private static final Logger log = LoggerFactory.getLogger(DemoDoctorMembership.class);
    private final Charter charter;

    DemoDoctorMembership(Charter charter) {
        this.charter = charter;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(200)
    void ensure() {
        if (charter.membership(DemoAccounts.DEMO_RPPS).isEmpty()) {
            charter.sign(DemoAccounts.DEMO_RPPS, new CharterCommitments(true, true, 20));
            log.info("Demo doctor (RPPS {}) signed the charter", DemoAccounts.DEMO_RPPS);
        }
    }
}
