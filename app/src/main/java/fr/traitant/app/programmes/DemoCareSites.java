package fr.traitant.app.programmes;

import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Commune;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: when {@code traitant.demo.care-sites} is positive and the registry holds no synthetic site, that many
 * <strong>fictitious</strong> sites in towns of 3,000 inhabitants or more, seeded: each criterion met 75 % of the
 * time; those meeting all of them labelled or under review, the others candidates; their steps dated over the past
 * year. Labelled synthetic.
 */
@Component
class DemoCareSites {

    private static final Logger log = LoggerFactory.getLogger(DemoCareSites.class);

    private final CareSites sites;
    private final Territory territory;
    private final JdbcClient jdbc;
    private final TransactionTemplate transactions;
    private final int count;
    private final long seed;
    private final Clock clock;

    DemoCareSites(
            CareSites sites,
            Territory territory,
            JdbcClient jdbc,
            TransactionTemplate transactions,
            TraitantProperties properties,
            Clock clock) {
        this.sites = sites;
        this.territory = territory;
        this.jdbc = jdbc;
        this.transactions = transactions;
        this.count = properties.demo().careSites();
        this.seed = properties.demo().seed();
        this.clock = clock;
    }

    @EventListener(ApplicationReadyEvent.class)
    void load() {
        if (count <= 0 || exists()) return;
        List<Commune> towns = new ArrayList<>(territory.engineCommunes().asList().stream()
                .filter(c -> c.population() >= 3_000)
                .toList());
        SplittableRandom random = new SplittableRandom(seed ^ 0x5A17E5L);
        CareSiteKind[] kinds = CareSiteKind.values();
        int[] labelled = {0};
        Instant now = clock.instant();
        transactions.executeWithoutResult(status -> {
            for (int i = 0; i < count && !towns.isEmpty(); i++) {
                Commune town = towns.remove(random.nextInt(towns.size()));
                CareSiteKind kind = kinds[random.nextInt(kinds.length)];
                long id = sites.add(
                        new CareSites.NewSite(
                                kind.label() + of(town.name()),
                                kind,
                                "",
                                town.code(),
                                random.nextInt(4) == 0 ? 4 : 5 + random.nextInt(2),
                                random.nextInt(4) != 0,
                                random.nextInt(4) != 0,
                                random.nextInt(4) != 0,
                                random.nextInt(4) != 0),
                        true);
                CareSite site = sites.get(id);
                // a history over the past year, so that the coverage has a past: registered 6 to 12 months ago,
                // reviewed 2 to 8 weeks later, labelled 2 to 12 weeks after that (never in the future)
                Instant registered = now.minus(Duration.ofDays(180 + random.nextInt(186)));
                Instant reviewed = registered.plus(Duration.ofDays(14 + random.nextInt(43)));
                Instant decided = min(reviewed.plus(Duration.ofDays(14 + random.nextInt(71))), now);
                backDate(id, CareSiteStatus.CANDIDATE, registered);
                if (site.meetsEveryCriterion()) {
                    sites.move(id, CareSiteStatus.UNDER_REVIEW, "", "Démonstration");
                    backDate(id, CareSiteStatus.UNDER_REVIEW, reviewed);
                    if (random.nextInt(3) != 0) {
                        sites.move(id, CareSiteStatus.LABELLED, "ARS (fictive)", "Démonstration");
                        backDate(id, CareSiteStatus.LABELLED, decided);
                        labelled[0]++;
                    }
                }
            }
        });
        log.warn("DEMO ONLY — {} fictitious France Santé sites ({} labelled)", count, labelled[0]);
    }

    /** Dates a demo site's step (and the site's registration or last change) in the past. */
    private void backDate(long id, CareSiteStatus step, Instant at) {
        jdbc.sql("update care_site_event set at = ? where site_id = ? and status = ?")
                .params(Timestamp.from(at), id, step.name())
                .update();
        jdbc.sql(
                        step == CareSiteStatus.CANDIDATE
                                ? "update care_site set created_at = ?, status_changed_at = ? where id = ?"
                                : "update care_site set status_changed_at = ? where id = ?")
                .params(
                        step == CareSiteStatus.CANDIDATE
                                ? new Object[] {Timestamp.from(at), Timestamp.from(at), id}
                                : new Object[] {Timestamp.from(at), id})
                .update();
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }

    /** " de Cahors", " d’Amiens": French elision before a vowel or a mute h. */
    static String of(String name) {
        return "AEIOUYÂÉÈÊÎÔHaeiouyh".indexOf(name.charAt(0)) >= 0 ? " d’" + name : " de " + name;
    }

    private boolean exists() {
        return jdbc.sql("select exists (select 1 from care_site where synthetic)")
                .query((rs, i) -> rs.getBoolean(1))
                .single();
    }
}
