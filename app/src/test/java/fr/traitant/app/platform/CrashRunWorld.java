package fr.traitant.app.platform;

import fr.traitant.app.continuity.ContinuityWorld;
import fr.traitant.app.matching.MatchingRuns;
import fr.traitant.app.matching.WaitingList;
import java.time.Instant;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.autoconfigure.condition.ConditionalOnProperty;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * For {@link ApplicationCrashTest}, in the child application only ({@code traitant.test.crash-run-world=true}): at the
 * first start, 40 doctors with 15 places each and 300 families of two waiting in Toulon, and a draft run of the Var
 * ready to publish — logged as "crash run world ready: run N". Made-up names and numbers.
 */
@Component
@ConditionalOnProperty("traitant.test.crash-run-world")
class CrashRunWorld {

    private static final Logger log = LoggerFactory.getLogger(CrashRunWorld.class);

    private final ContinuityWorld world;
    private final WaitingList waitingList;
    private final MatchingRuns runs;
    private final JdbcClient jdbc;

    CrashRunWorld(ContinuityWorld world, WaitingList waitingList, MatchingRuns runs, JdbcClient jdbc) {
        this.world = world;
        this.waitingList = waitingList;
        this.runs = runs;
        this.jdbc = jdbc;
    }

    @EventListener(ApplicationReadyEvent.class)
    void build() {
        if (jdbc.sql("select count(*) from doctor where last_name like 'Crashrun%'")
                        .query(Long.class)
                        .single()
                > 0) {
            return; // a restart: the world is there
        }
        for (int i = 0; i < 40; i++) {
            world.doctor("Crashrun" + letters(i), "83137", "83000", 43.12 + i * 0.001, 5.93, 15);
        }
        for (int i = 0; i < 300; i++) {
            long household = world.family("Crashrun" + letters(i), "83137", null, "crash-family-" + i + "@example.org");
            waitingList.register(household, WaitingList.Source.ONLINE, Instant.now());
        }
        log.info("crash run world ready: run {}", runs.run("83"));
    }

    /** Names hold letters only: i written in base 26 with a…z. */
    private static String letters(int i) {
        StringBuilder name = new StringBuilder();
        do {
            name.append((char) ('a' + i % 26));
            i /= 26;
        } while (i > 0);
        return name.toString();
    }
}
