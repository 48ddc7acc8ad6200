package fr.traitant.app.platform;

import java.time.Duration;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The one way a module stops its background worker when the application stops: no new task, queued ones dropped, the
 * running one interrupted and given {@link #GRACE} to end — so that its transaction commits or rolls back while the
 * database is still there, instead of dying with the connection pool and logging an error (a normal stop logs none).
 * Work that is cut is recorded as interrupted at the next start (imports, runs) or simply done again (the APL).
 */
public final class BackgroundWorkers {

    /** Within Spring's graceful shutdown: longer than a transaction of the background work usually lasts. */
    public static final Duration GRACE = Duration.ofSeconds(15);

    private static final Logger log = LoggerFactory.getLogger(BackgroundWorkers.class);

    private BackgroundWorkers() {}

    /** Stops {@code worker} (named {@code name} in the log), waiting at most {@link #GRACE} for its running task. */
    public static void stop(ExecutorService worker, String name) {
        worker.shutdownNow();
        try {
            if (!worker.awaitTermination(GRACE.toMillis(), TimeUnit.MILLISECONDS)) {
                log.warn(
                        "Background work '{}' still running after {} s: stopped with the application",
                        name,
                        GRACE.toSeconds());
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
