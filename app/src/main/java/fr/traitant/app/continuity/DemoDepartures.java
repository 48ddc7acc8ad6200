package fr.traitant.app.continuity;

import fr.traitant.app.directory.DepartureSignals;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.TraitantProperties;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: when {@code traitant.demo.departures} is positive and no departure is declared, that many synthetic
 * general practitioners among the oldest declare their retirement within 1 to 8 months (seeded), and up to 12
 * synthetic households of their commune whose doctor was unknown get them as médecin traitant, so that a departure
 * has patients; the handovers within six months are opened at once. Labelled synthetic (the doctors and households
 * are).
 */
@Component
class DemoDepartures {

    private static final Logger log = LoggerFactory.getLogger(DemoDepartures.class);

    private final Departures departures;
    private final Handovers handovers;
    private final DepartureSignals signals;
    private final HouseholdNeeds needs;
    private final Households households;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int count;
    private final long seed;

    DemoDepartures(
            Departures departures,
            Handovers handovers,
            DepartureSignals signals,
            HouseholdNeeds needs,
            Households households,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            Clock clock,
            TraitantProperties properties) {
        this.departures = departures;
        this.handovers = handovers;
        this.signals = signals;
        this.needs = needs;
        this.households = households;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.clock = clock;
        this.count = properties.demo().departures();
        this.seed = properties.demo().seed();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(200)
    void load() {
        if (count <= 0 || exists()) return;
        SplittableRandom random = new SplittableRandom(seed ^ 0xDE9A27L);
        LocalDate today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        List<DepartureSignals.Aged> old =
                new ArrayList<>(signals.generalPractitionersBornBy(today.getYear() - Departures.LIKELY_AGE).stream()
                        .filter(d -> d.communeCode() != null)
                        .limit(2_000)
                        .toList());
        int declared = 0, linked = 0;
        for (int i = 0; i < count && !old.isEmpty(); i++) {
            DepartureSignals.Aged d = old.remove(random.nextInt(old.size()));
            int[] n = {0};
            transactions.executeWithoutResult(status -> {
                for (long h : needs.syntheticHouseholdsWithUnknownDoctorIn(d.communeCode(), 1 + random.nextInt(12))) {
                    households.declareDoctor(h, d.rpps(), "Démonstration : médecin traitant (synthétique) déclaré");
                    n[0]++;
                }
                departures.declare(
                        d.rpps(),
                        today.plusDays(30 + random.nextInt(210)),
                        random.nextInt(5) == 0 ? DepartureReason.MOVE : DepartureReason.RETIREMENT,
                        null,
                        null,
                        Departures.Source.IMPORT,
                        "Démonstration (synthétique)");
            });
            declared++;
            linked += n[0];
        }
        int opened = handovers.openDue();
        log.warn(
                "DEMO ONLY — {} synthetic departures declared, {} synthetic households given a departing doctor, {} handovers opened",
                declared,
                linked,
                opened);
    }

    private boolean exists() {
        return jdbc.sql("select exists (select 1 from doctor_departure)")
                .query((rs, i) -> rs.getBoolean(1))
                .single();
    }
}
