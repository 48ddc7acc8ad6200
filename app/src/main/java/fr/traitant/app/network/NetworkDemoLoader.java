package fr.traitant.app.network;

import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.geo.GeoPoint;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Demo data: when {@code traitant.demo.network-members} is positive and no synthetic signature exists, signs the
 * charter for that many synthetic general practitioners near {@link GarrisonTowns} (nearest first, within 40 km),
 * with seeded commitments and signature dates spread over 2024. Labelled synthetic.
 */
@Component
class NetworkDemoLoader {

    private static final Logger log = LoggerFactory.getLogger(NetworkDemoLoader.class);

    private final Charter charter;
    private final NetworkDoctors search;
    private final Territory territory;
    private final TransactionTemplate transactions;
    private final int count;
    private final long seed;

    NetworkDemoLoader(
            Charter charter,
            NetworkDoctors search,
            Territory territory,
            TransactionTemplate transactions,
            Clock clock,
            fr.traitant.app.platform.TraitantProperties platformSettings) {
        int count = platformSettings.demo().networkMembers();
        long seed = platformSettings.demo().seed();
        this.charter = charter;
        this.search = search;
        this.territory = territory;
        this.transactions = transactions;
        this.count = count;
        this.seed = seed;
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(0)
    void load() {
        if (count <= 0 || charter.anySynthetic()) {
            return;
        }
        long start = System.nanoTime();
        SplittableRandom random = new SplittableRandom(seed ^ 0x4E37_3057L);
        int totalWeight =
                GarrisonTowns.ALL.stream().mapToInt(GarrisonTowns::weight).sum();
        Instant first = Instant.parse("2024-01-20T09:00:00Z");
        int[] signed = {0};
        transactions.executeWithoutResult(status -> {
            for (GarrisonTowns town : GarrisonTowns.ALL) {
                CommuneSummary commune = resolve(town);
                if (commune == null) {
                    log.warn(
                            "Garrison town {} ({}) not found in the reference data: skipped",
                            town.commune(),
                            town.departement());
                    continue;
                }
                int quota = (int) Math.round((double) count * town.weight() / totalWeight);
                List<String> ids =
                        search.nearestGeneralPractitioners(new GeoPoint(commune.lat(), commune.lon()), 40, quota * 2);
                int n = 0;
                for (String id : ids) {
                    if (n == quota) {
                        break;
                    }
                    if (random.nextInt(3) == 0) {
                        continue; // not every nearby GP signs
                    }
                    CharterCommitments commitments =
                            new CharterCommitments(true, random.nextInt(10) < 6, 5 + random.nextInt(26));
                    Instant at = first.plus(Duration.ofMinutes(random.nextInt(340 * 24 * 60)));
                    if (charter.signSynthetic(id, commitments, at)) {
                        n++;
                    }
                }
                signed[0] += n;
            }
        });
        log.info(
                "Signed the charter for {} SYNTHETIC doctors around {} garrison towns in {} ms — demo data",
                signed[0],
                GarrisonTowns.ALL.size(),
                (System.nanoTime() - start) / 1_000_000);
    }

    private @Nullable CommuneSummary resolve(GarrisonTowns town) {
        return territory.searchCommunes(town.commune(), 20).stream()
                .filter(c -> c.departement().equals(town.departement()))
                .findFirst()
                .orElse(null);
    }
}
