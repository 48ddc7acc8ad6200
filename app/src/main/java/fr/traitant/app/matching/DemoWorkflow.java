package fr.traitant.app.matching;

import fr.traitant.app.identity.Accounts;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.context.annotation.Profile;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * DEMO ONLY (profile {@code demo}): the demo doctor takes part (Toulon, 20 new patients, network member) and the
 * synthetic households with a member in ALD without a GP are put on the waiting list (at most 2,000), once. Runs also
 * use the synthetic directory's accepting doctors ({@code traitant.matching.synthetic-doctors=true} in the demo
 * profile, ADR 0051).
 */
@Component
@Profile("demo")
@Order(20)
class DemoWorkflow implements ApplicationRunner {

    private static final Logger log = LoggerFactory.getLogger(DemoWorkflow.class);
    private final Accounts accounts;
    private final DoctorCapacities capacities;
    private final WaitingList waitingList;
    private final JdbcClient jdbc;

    DemoWorkflow(Accounts accounts, DoctorCapacities capacities, WaitingList waitingList, JdbcClient jdbc) {
        this.accounts = accounts;
        this.capacities = capacities;
        this.waitingList = waitingList;
        this.jdbc = jdbc;
    }

    @Override
    public void run(ApplicationArguments args) {
        accounts.find("medecin@demo.traitant.fr").ifPresent(doctor -> {
            if (capacities.capacity(doctor.accountId()).isEmpty()) {
                // the account's RPPS links it to its directory entry (ADR 0050)
                String rpps = accounts.doctorRpps(doctor.accountId())
                        .map(r -> r.value())
                        .orElse("10000000001");
                capacities.declareCapacity(doctor.accountId(), rpps, "83137", 20, "medecin@demo.traitant.fr");
            }
        });
        if (!jdbc.sql("select exists (select 1 from waiting_entry)")
                .query(Boolean.class)
                .single()) {
            int registered = waitingList.registerFromLongTermConditionData(2_000);
            // a real list builds up over months: the synthetic entries get waiting dates spread over the last 14
            // months,
            // reproducibly (from the household number), so that waits and their median are not all zero
            jdbc.sql("""
                            update waiting_entry set waiting_since = waiting_since - make_interval(days => ((household_id * 7919) % 425)::int),
                                   status_changed_at = waiting_since - make_interval(days => ((household_id * 7919) % 425)::int)
                             where source = 'ALD_DATA' and status = 'WAITING'""").update();
            log.warn(
                    "DEMO ONLY — {} synthetic households in ALD without a médecin traitant put on the waiting list "
                            + "(waiting dates spread over 14 months)",
                    registered);
        }
    }
}
