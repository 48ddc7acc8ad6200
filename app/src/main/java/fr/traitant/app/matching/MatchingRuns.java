package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: matching runs. An advisor runs the matching for a département (a draft: nothing is sent) — the engine's
 * optimal matching through {@link ZoneMatcher}, doctors' availability from the directory ({@link DoctorRoster}) —
 * in the background with its progress, and reads a run with the engine's explanation of each assignment and the reason
 * of each unserved household. The advisor then reviews the draft ({@link RunReview}) and publishes it
 * ({@link RunPublication}): each assignment whose household is still waiting becomes a proposal (and an e-mail to the
 * doctor). The run page then follows each proposal.
 */
@Service
public class MatchingRuns implements org.springframework.beans.factory.SmartInitializingSingleton {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchingRuns.class);

    private final JdbcClient jdbc;
    private final Households households;
    private final ZoneMatcher matcher;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ZoneInputs inputs;
    private final double maxMinutes;
    private final RunDoctorNames doctorNames;
    private final DoctorRequests doctorRequests;
    private final fr.traitant.app.territory.Territory territory;
    private final org.springframework.transaction.support.TransactionTemplate transactions;
    private final org.springframework.transaction.support.TransactionTemplate stepTransactions;
    /** One run computes at a time, in the background (the engine uses the machine's cores itself). */
    private final java.util.concurrent.ExecutorService background =
            java.util.concurrent.Executors.newSingleThreadExecutor(
                    Thread.ofPlatform().name("matching-run").daemon(true).factory());

    MatchingRuns(
            JdbcClient jdbc,
            Households households,
            ZoneMatcher matcher,
            CurrentUser currentUser,
            AuditTrail auditTrail,
            Clock clock,
            ZoneInputs inputs,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            RunDoctorNames doctorNames,
            fr.traitant.app.territory.Territory territory,
            MatchingProperties settings,
            DoctorRequests doctorRequests) {
        double maxMinutes = settings.matching().maxMinutes();
        this.doctorRequests = doctorRequests;
        this.territory = territory;
        this.doctorNames = doctorNames;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.stepTransactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.stepTransactions.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.inputs = inputs;
        this.maxMinutes = maxMinutes;
        this.jdbc = jdbc;
        this.households = households;
        this.matcher = matcher;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * The zone typed by an advisor: a département's code ("83", "2A"), a région's name or code ("Occitanie", "R76"), or
     * "France"; empty when it is none of them.
     */
    public java.util.Optional<RunZone> zone(String typed) {
        return RunZone.parse(typed, territory);
    }

    private RunZone checkedZone(String typed) {
        return zone(typed)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Zone inconnue : saisissez un département (83, 2A), une région (Occitanie) ou « France »."));
    }

    /**
     * A run over a group of waiting entries rather than a zone (a departing doctor's patients): those entries still
     * waiting, the doctors of their départements and of the neighbours within reach, never the {@code avoided} doctors.
     */
    record Group(String label, List<Long> entries, Set<String> avoidedRpps) {
        Group {
            entries = List.copyOf(entries);
            avoidedRpps = Set.copyOf(avoidedRpps);
        }
    }

    private long insertRunning(RunZone zone, @org.jspecify.annotations.Nullable Group group) {
        return jdbc.sql("""
                        insert into matching_run (departement, scope, zone_departements, created_by, created_at, considered, unserved,
                                                  objective, status, step, group_label, group_entries, avoided_rpps)
                        values (:d, :scope, :deps, :by, :now, 0, 0, '', 'RUNNING', :step, :label, :entries, :avoided)
                        returning id""")
                .param("d", zone.code())
                .param("scope", zone.scope())
                .param("label", group == null ? null : group.label(), java.sql.Types.VARCHAR)
                .param("entries", group == null ? null : group.entries().toArray(Long[]::new), java.sql.Types.ARRAY)
                .param(
                        "avoided",
                        group == null ? null : group.avoidedRpps().toArray(String[]::new),
                        java.sql.Types.ARRAY)
                .param("deps", zone.departements().toArray(String[]::new))
                .param("by", currentUser.find().map(u -> u.username()).orElse("Traitant (automatique)"))
                .param("now", Timestamp.from(clock.instant()))
                .param("step", "En file d'attente")
                .query(Long.class)
                .single();
    }

    /** Runs the engine for a zone (see {@link #zone}) and stores the draft with its explanations, now; returns its id. */
    @Transactional
    public long run(String zoneText) {
        RunZone zone = checkedZone(zoneText);
        long runId = insertRunning(zone, null);
        compute(runId, zone, null);
        return runId;
    }

    /**
     * Starts a run in the background (one at a time) and returns its id at once: its page shows the step under way
     * until the draft is ready, or why it failed.
     */
    public long start(String zoneText) {
        return start(checkedZone(zoneText), null);
    }

    /**
     * Starts, in the background, the run of a group of waiting households (see {@link Group}): a draft the advisor
     * reviews and publishes like any run. Returns its id, or empty when none of the entries is waiting any more.
     */
    public java.util.Optional<Long> startGroup(String label, List<Long> entries, Set<String> avoidedRpps) {
        List<String> departements = entries.isEmpty()
                ? List.of()
                : jdbc.sql("select distinct departement from waiting_entry where id in (:ids) and status = 'WAITING'"
                                + " order by departement")
                        .param("ids", entries)
                        .query((rs, i) -> java.util.Objects.requireNonNull(rs.getString(1)))
                        .list();
        if (departements.isEmpty()) {
            return java.util.Optional.empty();
        }
        RunZone zone = new RunZone("GROUP", departements.getFirst(), departements, label);
        return java.util.Optional.of(start(zone, new Group(label, entries, avoidedRpps)));
    }

    private long start(RunZone zone, @org.jspecify.annotations.Nullable Group group) {
        Long runId = transactions.execute(status -> insertRunning(zone, group));
        background.execute(() -> {
            try {
                transactions.executeWithoutResult(status -> compute(runId, zone, group));
            } catch (RuntimeException e) {
                log.error("Matching run {} over {} failed", runId, zone.label(), e);
                jdbc.sql(
                                "update matching_run set status = 'FAILED', step = null, finished_at = :now, failure = :why where id = :r")
                        .param("now", Timestamp.from(clock.instant()))
                        .param(
                                "why",
                                "Le calcul a échoué (" + e.getClass().getSimpleName() + ") : relancez l'appariement ; "
                                        + "si l'échec se répète, prévenez l'exploitation.")
                        .param("r", runId)
                        .update();
            }
        });
        return runId;
    }

    @jakarta.annotation.PreDestroy
    void stopBackground() {
        fr.traitant.app.platform.BackgroundWorkers.stop(background, "matching runs");
    }

    /** Records the step under way, committed at once so that the run's page sees it. */
    private void step(long runId, String step) {
        stepTransactions.executeWithoutResult(
                status -> jdbc.sql("update matching_run set step = :s where id = :r and status = 'RUNNING'")
                        .param("s", step)
                        .param("r", runId)
                        .update());
    }

    /** Runs interrupted by a stop are failed at the next start, before the web server opens and start-up tasks run. */
    @Override
    public void afterSingletonsInstantiated() {
        int failed = jdbc.sql("""
                        update matching_run set status = 'FAILED', step = null, finished_at = :now,
                               failure = 'Calcul interrompu par un arrêt de l''application : relancez l''appariement.'
                         where status = 'RUNNING'""").param("now", Timestamp.from(clock.instant())).update();
        if (failed > 0) {
            log.warn("{} matching run(s) interrupted by a stop marked failed", failed);
        }
    }

    private void compute(long runId, RunZone zone, @org.jspecify.annotations.Nullable Group group) {
        long started = System.nanoTime();
        // a doctor's own waiting list comes before the general run (issue #20, point 4)
        step(runId, "Propositions aux familles qui attendent un médecin précis");
        doctorRequests.serve();
        step(runId, "Lecture des foyers en attente");
        List<ZoneMatcher.Demand> demands =
                group == null ? inputs.waiting(zone.departements()) : inputs.waitingEntries(group.entries());
        long householdsRead = System.nanoTime();
        step(runId, "Lecture des médecins disponibles (" + demands.size() + " foyers en attente)");
        ZoneInputs.ZoneDoctors zoneDoctors = inputs.doctors(zone.departements(), demands, text -> step(runId, text));
        List<ZoneMatcher.Supply> supplies = zoneDoctors.supplies();
        java.util.Map<Long, Set<Long>> excluded = inputs.excluded();
        if (group != null && !group.avoidedRpps().isEmpty()) {
            Set<Long> avoided = inputs.doctorIdsOf(group.avoidedRpps());
            for (ZoneMatcher.Demand d : demands) {
                excluded.computeIfAbsent(d.householdId(), h -> new java.util.HashSet<>())
                        .addAll(avoided);
            }
        }
        long doctorsRead = System.nanoTime();
        String computing =
                "Calcul de l'appariement optimal : " + demands.size() + " foyers, " + supplies.size() + " médecins";
        step(runId, computing);
        int[] lastPercent = {-1};
        ZoneMatcher.Result result = matcher.match(demands, supplies, excluded, (phase, percent) -> {
            // at most one update of the run's page per 5 % of a phase
            if (percent / 5 != lastPercent[0] / 5 || percent == 0) {
                lastPercent[0] = percent;
                step(runId, computing + " — " + phase + (percent == 0 ? " en cours" : " : " + percent + " %"));
            }
        });
        long matched = System.nanoTime();
        step(runId, "Enregistrement des " + result.assignments().size() + " propositions et de leurs explications");
        List<String> doctorDepartements = new java.util.ArrayList<>(zone.departements());
        doctorDepartements.addAll(zoneDoctors.neighbours());
        Map<Long, String> names = doctorNames.doctorNames(doctorDepartements);
        for (ZoneMatcher.Assignment a : result.assignments()) {
            jdbc.sql("""
                            insert into matching_run_line (run_id, entry_id, doctor_id, distance_km, reason, minutes, rank,
                                                           eligible_doctors, network_member, passed_over)
                            values (:r, :e, :d, :km, :reason, :min, :rank, :eligible, :network, :passed)""")
                    .param("r", runId)
                    .param("e", a.entryId())
                    .param("d", a.doctorId())
                    .param("km", a.distanceKm())
                    .param("reason", Explanations.reason(a))
                    .param("min", a.minutes())
                    .param("rank", a.rank())
                    .param("eligible", a.eligibleDoctors())
                    .param("network", a.networkMember())
                    .param(
                            "passed",
                            Explanations.passedOver(
                                    a.nearerDoctors(), id -> names.getOrDefault(id, "médecin n° " + id)))
                    .update();
        }
        for (ZoneMatcher.Unserved u : result.unserved()) {
            jdbc.sql(
                            "insert into matching_run_unserved (run_id, entry_id, reason, eligible_doctors) values (:r, :e, :reason, :n)")
                    .param("r", runId)
                    .param("e", u.entryId())
                    .param("reason", u.reason())
                    .param("n", u.eligibleDoctors())
                    .update();
        }
        jdbc.sql("""
                        update matching_run set status = 'DRAFT', step = null, finished_at = :now, considered = :considered,
                               unserved = :unserved, objective = :objective, doctor_departements = :deps,
                               across_borders = :across where id = :r""")
                .param("now", Timestamp.from(clock.instant()))
                .param("considered", demands.size())
                .param("unserved", result.unserved().size())
                .param("objective", result.objective())
                .param("deps", doctorDepartements.toArray(String[]::new))
                .param("across", zoneDoctors.acrossBorders())
                .param("r", runId)
                .update();
        long done = System.nanoTime();
        log.info(
                "Matching run {} over {}: {} households, {} doctors ({} across borders, from {}), {} proposed; households {} ms,"
                        + " doctors {} ms, engine {} ms, stored {} ms",
                runId,
                zone.label(),
                demands.size(),
                supplies.size(),
                zoneDoctors.acrossBorders(),
                zoneDoctors.neighbours(),
                result.assignments().size(),
                (householdsRead - started) / 1_000_000,
                (doctorsRead - householdsRead) / 1_000_000,
                (matched - doctorsRead) / 1_000_000,
                (done - matched) / 1_000_000);
    }

    /** Where a run stands, for its page while it computes (no personal data). */
    public record Progress(long id, String status, String step, String failure, Instant createdAt) {
        public boolean running() {
            return "RUNNING".equals(status);
        }
    }

    public Progress progress(long runId) {
        return jdbc.sql("select id, status, step, failure, created_at from matching_run where id = :r")
                .param("r", runId)
                .query((rs, i) -> new Progress(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getTimestamp(5).toInstant()))
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun appariement n° " + runId + "."));
    }

    /** A run with its lines, unserved households and the state of each published proposal; audited per household shown. */
    @Transactional
    public MatchingRun get(long runId) {
        List<MatchingRun.Line> rawLines = jdbc.sql("""
                        select l.entry_id, e.household_id, e.people, e.priority, l.doctor_id, l.distance_km, l.reason,
                               l.proposal_id, p.status, l.minutes, l.rank, l.eligible_doctors, l.passed_over, c.rpps
                          from matching_run_line l join waiting_entry e on e.id = l.entry_id
                          left join proposal p on p.id = l.proposal_id
                          left join doctor_capacity c on c.id = l.doctor_id
                         where l.run_id = :r order by e.priority, e.waiting_since, e.id""")
                .param("r", runId)
                .query((rs, i) -> new MatchingRun.Line(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        (Long) rs.getObject(5),
                        rs.getDouble(6),
                        rs.getString(7),
                        (Long) rs.getObject(8),
                        rs.getString(9),
                        (Double) rs.getObject(10),
                        (Integer) rs.getObject(11),
                        (Integer) rs.getObject(12),
                        rs.getString(13),
                        rs.getString(14)))
                .list();
        List<MatchingRun.Line> lines = doctorNames.labelDoctors(runId, rawLines);
        List<MatchingRun.Unserved> unserved = jdbc.sql("""
                        select u.entry_id, e.household_id, e.people, e.priority, u.reason, u.eligible_doctors
                          from matching_run_unserved u join waiting_entry e on e.id = u.entry_id
                         where u.run_id = :r order by e.priority, e.waiting_since, e.id""")
                .param("r", runId)
                .query((rs, i) -> new MatchingRun.Unserved(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        Explanations.unserved(rs.getString(5), maxMinutes),
                        rs.getInt(6)))
                .list();
        MatchingRun run = jdbc.sql("select " + RUN_COLUMNS + " from matching_run where id = :r")
                .param("r", runId)
                .query((rs, i) -> runRow(rs, lines, unserved))
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun appariement " + runId + "."));
        Set<Long> shown = new java.util.LinkedHashSet<>();
        lines.forEach(l -> shown.add(l.householdId()));
        unserved.forEach(u -> shown.add(u.householdId()));
        for (long household : shown) {
            for (String person : households.personRefs(household)) {
                auditTrail.record(
                        person, "matching_run", Long.toString(runId), AuditAction.READ, "Revue d'un appariement");
            }
        }
        return run;
    }

    /** A run's row (no lines) from a result set of {@link #RUN_COLUMNS}. */
    private MatchingRun runRow(java.sql.ResultSet rs, List<MatchingRun.Line> lines, List<MatchingRun.Unserved> unserved)
            throws java.sql.SQLException {
        String scope = rs.getString(9);
        String code = rs.getString(2);
        String zoneLabel = switch (scope) {
            case "FRANCE" -> "France entière";
            case "REGION" ->
                territory.regions().stream()
                        .filter(r -> r.code().equals(code))
                        .findFirst()
                        .map(r -> "Région " + r.name())
                        .orElse("Région " + code);
            case "GROUP" -> java.util.Objects.requireNonNullElse(rs.getString(13), code);
            default -> territory.departementLabel(code);
        };
        java.sql.Array zoneArray = rs.getArray(10), doctorArray = rs.getArray(11);
        List<String> zoneDeps = zoneArray == null ? List.of(code) : List.of((String[]) zoneArray.getArray());
        List<String> doctorDeps = doctorArray == null ? List.of() : List.of((String[]) doctorArray.getArray());
        String neighbours = doctorDeps.stream()
                .filter(d -> !zoneDeps.contains(d))
                .map(territory::departementLabel)
                .collect(java.util.stream.Collectors.joining(", "));
        return new MatchingRun(
                rs.getLong(1),
                code,
                rs.getString(3),
                rs.getTimestamp(4).toInstant(),
                rs.getString(5),
                rs.getInt(6),
                rs.getInt(7),
                lines,
                unserved,
                rs.getString(8),
                zoneLabel,
                neighbours,
                rs.getInt(12));
    }

    private static final String RUN_COLUMNS =
            "id, departement, created_by, created_at, status, considered, unserved, objective, scope,"
                    + " zone_departements, doctor_departements, across_borders, group_label";

    /** Recent runs, newest first (no personal data). */
    public List<MatchingRun> recent(int limit) {
        return recent(fr.traitant.app.platform.ListRequest.first("/appariements"), limit)
                .rows();
    }

    /** One page of the runs, newest first (no personal data). */
    public fr.traitant.app.platform.ListPage<MatchingRun> recent(
            fr.traitant.app.platform.ListRequest request, int size) {
        return request.select(
                jdbc,
                RUN_COLUMNS,
                "matching_run",
                "id desc",
                size,
                sql -> sql,
                (rs, i) -> runRow(rs, List.of(), List.of()));
    }
}
