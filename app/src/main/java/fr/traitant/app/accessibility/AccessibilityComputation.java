package fr.traitant.app.accessibility;

import fr.traitant.app.directory.DirectorySupplyReloaded;
import fr.traitant.app.directory.DoctorSupplyChanged;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.directory.SupplyLine;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.accessibility.AccessibilityCalculator;
import fr.traitant.engine.accessibility.AccessibilityParameters;
import fr.traitant.engine.accessibility.AccessibilityResult;
import fr.traitant.engine.accessibility.DoctorActivity;
import fr.traitant.engine.accessibility.DoctorChange;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.DisposableBean;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Runs the engine's APL computation in the background, one task at a time on a dedicated thread:
 * a full computation at start-up, then one incremental update per doctor whose supply changed, and a full one again
 * after a bulk change of the directory ({@link DirectorySupplyReloaded}: an import).
 *
 * <p>Incremental updates reconcile rather than replay: the doctors as counted in the current result are kept
 * in memory, and a change event only names the doctor; the task reads the doctor's current state and applies
 * the difference. An event for a change the last full computation already saw is therefore a no-op, and
 * nothing is ever counted twice.
 */
@Component
class AccessibilityComputation implements DisposableBean {

    private static final Logger log = LoggerFactory.getLogger(AccessibilityComputation.class);

    private final Territory territory;
    private final Doctors doctors;
    private final AccessibilityStore store;
    private final Clock clock;
    private final ExecutorService worker = Executors.newSingleThreadExecutor(r -> {
        Thread thread = new Thread(r, "accessibility");
        thread.setDaemon(true);
        return thread;
    });

    private final AtomicReference<AccessibilityStatus> status =
            new AtomicReference<>(new AccessibilityStatus(AccessibilityStatus.State.IDLE, "", 0, 0, Optional.empty()));

    // confined to the worker thread
    private @Nullable AccessibilityCalculator calculator;
    private @Nullable AccessibilityResult result;
    private final Map<String, DoctorActivity> counted = new HashMap<>();

    AccessibilityComputation(Territory territory, Doctors doctors, AccessibilityStore store, Clock clock) {
        this.territory = territory;
        this.doctors = doctors;
        this.store = store;
        this.clock = clock;
    }

    AccessibilityStatus status() {
        return status.get();
    }

    @EventListener(ApplicationReadyEvent.class)
    void onStart() {
        store.lastRun()
                .ifPresent(run -> status.set(
                        new AccessibilityStatus(AccessibilityStatus.State.READY, "", 0, 0, Optional.of(run))));
        recomputeAll("démarrage");
    }

    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onSupplyChanged(DoctorSupplyChanged event) {
        String doctorId =
                event.after().or(event::before).map(SupplyLine::doctorId).orElseThrow();
        worker.submit(() -> reconcile(doctorId));
    }

    /** Many doctors changed at once (an import): one full computation over the current supply (ADR 0040). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT, fallbackExecution = true)
    void onSupplyReloaded(DirectorySupplyReloaded event) {
        recomputeAll(event.reason() + " (" + event.changedDoctors() + " médecins)");
    }

    /** Queues a full computation. */
    Future<?> recomputeAll(String trigger) {
        return worker.submit(() -> full(trigger));
    }

    /** Waits until every queued task is done (tests and shutdown). */
    void drain() throws Exception {
        worker.submit(() -> {}).get();
    }

    private void full(String trigger) {
        long start = System.nanoTime();
        long runId = store.startRun("FULL", trigger, clock.instant());
        try {
            progress("neighbours", 0, 1);
            if (calculator == null) {
                Communes communes = territory.engineCommunes();
                calculator = AccessibilityCalculator.prepare(
                        communes,
                        EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT),
                        AccessibilityParameters.DEFAULT,
                        this::progress);
            }
            progress("scores", 0, 1);
            List<SupplyLine> supply = doctors.activeSupply();
            counted.clear();
            for (SupplyLine line : supply) {
                activity(line).ifPresent(a -> counted.put(a.id(), a));
            }
            result = calculator.compute(List.copyOf(counted.values()));
            progress("storing", 0, 1);
            store.replaceAll(runId, result, territory);
            finish(runId, "FULL", trigger, start);
        } catch (RuntimeException e) {
            fail(runId, e);
        }
    }

    private void reconcile(String doctorId) {
        if (result == null) {
            return; // the coming (or failed) full computation reads the current supply anyway
        }
        DoctorActivity before = counted.get(doctorId);
        DoctorActivity after =
                doctors.findSupply(doctorId).flatMap(this::activity).orElse(null);
        if (Objects.equals(before, after)) {
            return;
        }
        long start = System.nanoTime();
        long runId = store.startRun("INCREMENTAL", "médecin " + doctorId, clock.instant());
        try {
            DoctorChange change = before == null
                    ? new DoctorChange.Joined(Objects.requireNonNull(after))
                    : after == null ? new DoctorChange.Left(before) : new DoctorChange.Changed(before, after);
            AccessibilityResult previous = Objects.requireNonNull(result, "no full computation yet");
            result = Objects.requireNonNull(calculator, "no full computation yet")
                    .update(previous, change);
            if (after == null) {
                counted.remove(doctorId);
            } else {
                counted.put(doctorId, after);
            }
            store.replaceChanged(runId, previous, result, territory);
            finish(runId, "INCREMENTAL", "médecin " + doctorId, start);
        } catch (RuntimeException e) {
            fail(runId, e);
        }
    }

    /**
     * What the APL would be without these doctors (on the worker thread, against the current result; nothing stored):
     * the communes whose APL changes, before and after. Empty before the first full computation.
     */
    Optional<List<Accessibility.Change>> without(java.util.Collection<String> doctorIds) {
        try {
            return worker.submit(() -> {
                        if (result == null || calculator == null) return Optional.<List<Accessibility.Change>>empty();
                        AccessibilityResult before = result, after = result;
                        for (String id : doctorIds) {
                            DoctorActivity counted = this.counted.get(id);
                            if (counted != null) after = calculator.update(after, new DoctorChange.Left(counted));
                        }
                        List<Accessibility.Change> changes = new java.util.ArrayList<>();
                        for (int i = 0; i < before.size(); i++) {
                            if (Double.compare(before.apl(i), after.apl(i)) != 0) {
                                changes.add(new Accessibility.Change(
                                        before.communes().get(i).code(),
                                        before.communes().get(i).population(),
                                        before.apl(i),
                                        after.apl(i)));
                            }
                        }
                        return Optional.of(List.copyOf(changes));
                    })
                    .get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Optional.empty();
        } catch (java.util.concurrent.ExecutionException e) {
            throw new IllegalStateException(e.getCause());
        }
    }

    /** A supply line as the indicator counts it: GPs only. */
    private Optional<DoctorActivity> activity(SupplyLine line) {
        if (!line.generalPractitioner()) {
            return Optional.empty();
        }
        return Optional.of(
                line.ageYears() >= 0
                        ? DoctorActivity.of(
                                line.doctorId(), line.communeCode(), line.consultationsPerYear(), line.ageYears())
                        : DoctorActivity.of(line.doctorId(), line.communeCode(), line.consultationsPerYear()));
    }

    private void progress(String stage, long done, long total) {
        AccessibilityStatus current = status.get();
        status.set(new AccessibilityStatus(AccessibilityStatus.State.RUNNING, stage, done, total, current.lastRun()));
    }

    private void finish(long runId, String kind, String trigger, long start) {
        long millis = (System.nanoTime() - start) / 1_000_000;
        AccessibilityStatus.Run run = new AccessibilityStatus.Run(
                runId,
                kind,
                trigger,
                clock.instant(),
                millis,
                counted.size(),
                Objects.requireNonNull(result).populationWeightedApl(),
                Objects.requireNonNull(result).underservedPopulation());
        store.finishRun(run);
        status.set(new AccessibilityStatus(AccessibilityStatus.State.READY, "", 0, 0, Optional.of(run)));
        log.info(
                "Accessibility {} computed in {} ms: {} GPs, national APL {}, {} inhabitants in sous-dense communes",
                kind.toLowerCase(),
                millis,
                counted.size(),
                String.format(java.util.Locale.ROOT, "%.3f", result.populationWeightedApl()),
                result.underservedPopulation());
    }

    /** Set when the application stops: a computation cut by it is not an error (the next start computes again). */
    private volatile boolean stopping;

    private void fail(long runId, RuntimeException e) {
        if (stopping) {
            log.warn(
                    "Accessibility computation interrupted by the stop of the application: computed again at the next start");
            return;
        }
        log.error("Accessibility computation failed", e);
        store.failRun(runId, clock.instant(), String.valueOf(e.getMessage()));
        AccessibilityStatus current = status.get();
        status.set(new AccessibilityStatus(AccessibilityStatus.State.FAILED, "", 0, 0, current.lastRun()));
    }

    @Override
    public void destroy() {
        stopping = true;
        fr.traitant.app.platform.BackgroundWorkers.stop(worker, "accessibility");
    }
}
