package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: matching runs. An advisor runs the matching for a département (a draft: nothing is sent) — the engine's
 * optimal matching through {@link ZoneMatcher}, doctors' availability from the directory ({@link DoctorRoster}) —
 * reviews each assignment with the engine's explanation and each unserved household with its reason, then publishes the run: each assignment whose household is still waiting becomes a proposal (and an
 * e-mail to the doctor). The run page then follows each proposal.
 */
@Service
public class MatchingRuns {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(MatchingRuns.class);

    /**
     * A run.
     *
     * @param departement the zone's code: a département's, a région's, or "FR"
     * @param zoneLabel the zone in words ("Var (83)", "Région Provence-Alpes-Côte d'Azur", "France entière")
     * @param neighbours the neighbouring départements whose doctors within reach were considered, in words
     * @param acrossBorders how many doctors of those départements were considered
     */
    public record Run(
            long id,
            String departement,
            String createdBy,
            Instant createdAt,
            String status,
            int considered,
            int unserved,
            List<Line> lines,
            List<UnservedLine> unservedLines,
            String objective,
            String zoneLabel,
            String neighbours,
            int acrossBorders) {
        public Run {
            lines = List.copyOf(lines);
            unservedLines = List.copyOf(unservedLines);
        }

        /** The state as a French page says it. */
        public String statusLabel() {
            return switch (status) {
                case "PUBLISHED" -> "Publié";
                case "RUNNING" -> "Calcul en cours";
                case "FAILED" -> "Échec du calcul";
                default -> "Brouillon (rien n’est envoyé)";
            };
        }
    }

    /**
     * A proposal of the run and the engine's explanation: travel time, rank of the doctor among the household's
     * eligible doctors (nearest first), nearer doctors passed over and why (French text). Runs made before the engine
     * have no minutes, rank or eligible count.
     */
    public record Line(
            long entryId,
            long householdId,
            int people,
            int priority,
            Long doctorId,
            double distanceKm,
            String reason,
            Long proposalId,
            String proposalStatus,
            Double minutes,
            Integer rank,
            Integer eligibleDoctors,
            String passedOver,
            String doctorLabel) {

        Line withDoctorLabel(String label) {
            return new Line(
                    entryId,
                    householdId,
                    people,
                    priority,
                    doctorId,
                    distanceKm,
                    reason,
                    proposalId,
                    proposalStatus,
                    minutes,
                    rank,
                    eligibleDoctors,
                    passedOver,
                    label);
        }

        public String proposalStatusLabel() {
            return ProposalStatus.labelOf(proposalStatus);
        }
    }

    /** A household of the zone left without a proposal, and why (French text). */
    public record UnservedLine(
            long entryId, long householdId, int people, int priority, String reason, int eligibleDoctors) {}

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final Households households;
    private final ZoneMatcher matcher;
    private final ProposalWorkflow workflow;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final ZoneInputs inputs;
    private final double maxMinutes;
    private final ProposalRepository proposals;
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
            ProposalWorkflow workflow,
            CurrentUser currentUser,
            AuditTrail auditTrail,
            Clock clock,
            ZoneInputs inputs,
            Doctors doctors,
            org.springframework.transaction.PlatformTransactionManager transactionManager,
            ProposalRepository proposals,
            fr.traitant.app.territory.Territory territory,
            MatchingProperties settings) {
        double maxMinutes = settings.matching().maxMinutes();
        this.territory = territory;
        this.proposals = proposals;
        this.transactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.stepTransactions = new org.springframework.transaction.support.TransactionTemplate(transactionManager);
        this.stepTransactions.setPropagationBehavior(
                org.springframework.transaction.TransactionDefinition.PROPAGATION_REQUIRES_NEW);
        this.doctors = doctors;
        this.inputs = inputs;
        this.maxMinutes = maxMinutes;
        this.jdbc = jdbc;
        this.households = households;
        this.matcher = matcher;
        this.workflow = workflow;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
        this.clock = clock;
    }

    /**
     * The zone of a run: a département, a région (all its départements) or France; its households are matched with the
     * doctors of the zone and of the neighbouring départements within reach (ADR 0064).
     */
    public record Zone(String scope, String code, List<String> departements, String label) {
        public Zone {
            departements = List.copyOf(departements);
        }
    }

    /**
     * The zone typed by an advisor: a département's code ("83", "2A"), a région's name or code ("Occitanie", "R76"), or
     * "France"; empty when it is none of them.
     */
    public java.util.Optional<Zone> zone(String typed) {
        String t = typed == null ? "" : typed.strip();
        if (t.isEmpty()) {
            return java.util.Optional.empty();
        }
        String key = java.text.Normalizer.normalize(t, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}+", "")
                .toLowerCase(java.util.Locale.ROOT)
                .replaceAll("[^a-z]+", " ")
                .strip();
        if (key.equals("france") || key.equals("france entiere") || key.equals("fr")) {
            return java.util.Optional.of(new Zone(
                    "FRANCE",
                    "FR",
                    territory.departements().stream()
                            .map(fr.traitant.app.territory.DepartementSummary::code)
                            .toList(),
                    "France entière"));
        }
        String upper = t.toUpperCase(java.util.Locale.ROOT);
        if (territory.isDepartement(upper)) {
            return java.util.Optional.of(
                    new Zone("DEPARTEMENT", upper, List.of(upper), territory.departementLabel(upper)));
        }
        java.util.Optional<String> named = territory.findDepartementByName(t);
        if (named.isPresent()) {
            return java.util.Optional.of(new Zone(
                    "DEPARTEMENT", named.get(), List.of(named.get()), territory.departementLabel(named.get())));
        }
        return territory
                .findRegion(t)
                .map(r -> new Zone(
                        "REGION",
                        r.code(),
                        territory.departements().stream()
                                .filter(d -> r.code().equals(d.region()))
                                .map(fr.traitant.app.territory.DepartementSummary::code)
                                .toList(),
                        "Région " + r.name()));
    }

    private Zone checkedZone(String typed) {
        return zone(typed)
                .orElseThrow(() -> new IllegalArgumentException(
                        "Zone inconnue : saisissez un département (83, 2A), une région (Occitanie) ou « France »."));
    }

    private long insertRunning(Zone zone) {
        return jdbc.sql("""
                        insert into matching_run (departement, scope, zone_departements, created_by, created_at, considered, unserved,
                                                  objective, status, step)
                        values (:d, :scope, :deps, :by, :now, 0, 0, '', 'RUNNING', :step) returning id""")
                .param("d", zone.code())
                .param("scope", zone.scope())
                .param("deps", zone.departements().toArray(String[]::new))
                .param("by", currentUser.find().map(u -> u.username()).orElse("system"))
                .param("now", Timestamp.from(clock.instant()))
                .param("step", "En file d'attente")
                .query(Long.class)
                .single();
    }

    /** Runs the engine for a zone (see {@link #zone}) and stores the draft with its explanations, now; returns its id. */
    @Transactional
    public long run(String zoneText) {
        Zone zone = checkedZone(zoneText);
        long runId = insertRunning(zone);
        compute(runId, zone);
        return runId;
    }

    /**
     * Starts a run in the background (one at a time) and returns its id at once: its page shows the step under way
     * until the draft is ready, or why it failed.
     */
    public long start(String zoneText) {
        Zone zone = checkedZone(zoneText);
        Long runId = transactions.execute(status -> insertRunning(zone));
        background.execute(() -> {
            try {
                transactions.executeWithoutResult(status -> compute(runId, zone));
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
        background.shutdownNow();
    }

    /** Records the step under way, committed at once so that the run's page sees it. */
    private void step(long runId, String step) {
        stepTransactions.executeWithoutResult(
                status -> jdbc.sql("update matching_run set step = :s where id = :r and status = 'RUNNING'")
                        .param("s", step)
                        .param("r", runId)
                        .update());
    }

    /** A run interrupted by a stop of the application is failed at the next start, not left running for ever. */
    @org.springframework.context.event.EventListener(org.springframework.boot.context.event.ApplicationReadyEvent.class)
    void failInterruptedRuns() {
        int failed = jdbc.sql("""
                        update matching_run set status = 'FAILED', step = null, finished_at = :now,
                               failure = 'Calcul interrompu par un arrêt de l''application : relancez l''appariement.'
                         where status = 'RUNNING'""").param("now", Timestamp.from(clock.instant())).update();
        if (failed > 0) {
            log.warn("{} matching run(s) interrupted by a stop marked failed", failed);
        }
    }

    private void compute(long runId, Zone zone) {
        long started = System.nanoTime();
        step(runId, "Lecture des foyers en attente");
        List<ZoneMatcher.Demand> demands = inputs.waiting(zone.departements());
        long householdsRead = System.nanoTime();
        step(runId, "Lecture des médecins disponibles (" + demands.size() + " foyers en attente)");
        ZoneInputs.ZoneDoctors zoneDoctors = inputs.doctors(zone.departements(), demands, text -> step(runId, text));
        List<ZoneMatcher.Supply> supplies = zoneDoctors.supplies();
        java.util.Map<Long, Set<Long>> excluded = inputs.excluded();
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
        Map<Long, String> names = doctorNames(doctorDepartements);
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
    public Run get(long runId) {
        List<Line> rawLines = jdbc.sql("""
                        select l.entry_id, e.household_id, e.people, e.priority, l.doctor_id, l.distance_km, l.reason,
                               l.proposal_id, p.status, l.minutes, l.rank, l.eligible_doctors, l.passed_over, c.rpps
                          from matching_run_line l join waiting_entry e on e.id = l.entry_id
                          left join proposal p on p.id = l.proposal_id
                          left join doctor_capacity c on c.id = l.doctor_id
                         where l.run_id = :r order by e.priority, e.waiting_since, e.id""")
                .param("r", runId)
                .query((rs, i) -> new Line(
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
        List<Line> lines = labelDoctors(runId, rawLines);
        List<UnservedLine> unserved = jdbc.sql("""
                        select u.entry_id, e.household_id, e.people, e.priority, u.reason, u.eligible_doctors
                          from matching_run_unserved u join waiting_entry e on e.id = u.entry_id
                         where u.run_id = :r order by e.priority, e.waiting_since, e.id""")
                .param("r", runId)
                .query((rs, i) -> new UnservedLine(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getInt(3),
                        rs.getInt(4),
                        Explanations.unserved(rs.getString(5), maxMinutes),
                        rs.getInt(6)))
                .list();
        Run run = jdbc.sql("select " + RUN_COLUMNS + " from matching_run where id = :r")
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

    /** RPPS → "Dr Prénom NOM" for the directory doctors of these départements. */
    private Map<String, String> namesByRpps(java.util.Collection<String> departements) {
        Map<String, String> names = new HashMap<>();
        for (String departement : departements) {
            for (DoctorProfile d : doctors.activeWithRppsInDepartement(departement)) {
                d.rpps().ifPresent(r -> names.put(r, d.displayName()));
            }
        }
        return names;
    }

    /** Workflow doctor id → "Dr Prénom NOM" for the doctors of these départements found in the directory by RPPS. */
    private Map<Long, String> doctorNames(java.util.Collection<String> departements) {
        Map<String, String> byRpps = namesByRpps(departements);
        Map<Long, String> names = new HashMap<>();
        for (String departement : departements) {
            proposals.rppsOfDepartement(departement).forEach((id, rpps) -> {
                String name = byRpps.get(rpps);
                if (name != null) {
                    names.put(id, name);
                }
            });
        }
        return names;
    }

    /** The départements whose doctors a run considered (its zone and the neighbours within reach). */
    private List<String> doctorDepartements(long runId) {
        return jdbc.sql("select coalesce(doctor_departements, zone_departements) from matching_run where id = :r")
                .param("r", runId)
                .query((rs, i) -> List.of((String[]) rs.getArray(1).getArray()))
                .optional()
                .orElse(List.of());
    }

    /** Replaces the RPPS carried in {@code doctorLabel} by "Dr Prénom NOM (RPPS …)" from the directory, or "n° id". */
    private List<Line> labelDoctors(long runId, List<Line> lines) {
        Map<String, String> names = lines.stream().anyMatch(l -> l.doctorLabel() != null)
                ? namesByRpps(doctorDepartements(runId))
                : Map.of();
        return lines.stream()
                .map(l -> l.withDoctorLabel(
                        l.doctorLabel() == null
                                ? (l.doctorId() == null ? "—" : "n° " + l.doctorId())
                                : names.getOrDefault(l.doctorLabel(), "n° " + l.doctorId()) + " (RPPS "
                                        + l.doctorLabel() + ")"))
                .toList();
    }

    /** A run's row (no lines) from a result set of {@link #RUN_COLUMNS}. */
    private Run runRow(java.sql.ResultSet rs, List<Line> lines, List<UnservedLine> unserved)
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
            default -> territory.departementLabel(code);
        };
        java.sql.Array zoneArray = rs.getArray(10), doctorArray = rs.getArray(11);
        List<String> zoneDeps = zoneArray == null ? List.of(code) : List.of((String[]) zoneArray.getArray());
        List<String> doctorDeps = doctorArray == null ? List.of() : List.of((String[]) doctorArray.getArray());
        String neighbours = doctorDeps.stream()
                .filter(d -> !zoneDeps.contains(d))
                .map(territory::departementLabel)
                .collect(java.util.stream.Collectors.joining(", "));
        return new Run(
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
                    + " zone_departements, doctor_departements, across_borders";

    /** Recent runs, newest first (no personal data). */
    public List<Run> recent(int limit) {
        return recent(fr.traitant.app.platform.ListRequest.first("/appariements"), limit)
                .rows();
    }

    /** One page of the runs, newest first (no personal data). */
    public fr.traitant.app.platform.ListPage<Run> recent(fr.traitant.app.platform.ListRequest request, int size) {
        long total =
                jdbc.sql("select count(*) from matching_run").query(Long.class).single();
        List<Run> rows = jdbc.sql("select " + RUN_COLUMNS + " from matching_run order by id desc limit :l offset :o")
                .param("l", size)
                .param("o", request.offset(size))
                .query((rs, i) -> runRow(rs, List.of(), List.of()))
                .list();
        return request.page(rows, total, size);
    }

    /** A household of a draft and the doctors it could be proposed to instead (nearest first, at most 10). */
    public record Choice(
            long runId,
            long entryId,
            long householdId,
            int people,
            int priority,
            Long currentDoctorId,
            String currentDoctor,
            Double currentMinutes,
            List<Option> options) {
        public Choice {
            options = List.copyOf(options);
        }
    }

    /** A doctor a household could be proposed to instead: name, minutes, places left in this draft if chosen. */
    public record Option(
            long doctorId, String doctor, double minutes, double distanceKm, boolean networkMember, int placesLeft) {}

    /** The départements whose households a draft matches; refused once published. */
    private List<String> draftZone(long runId) {
        String status = jdbc.sql("select status from matching_run where id = :r")
                .param("r", runId)
                .query(String.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun appariement n° " + runId + "."));
        if (!"DRAFT".equals(status)) {
            throw new ProposalWorkflow.TransitionRefused("Cet appariement est publié : il ne se modifie plus.");
        }
        return jdbc.sql("select coalesce(zone_departements, array[departement]) from matching_run where id = :r")
                .param("r", runId)
                .query((rs, i) -> List.of((String[]) rs.getArray(1).getArray()))
                .single();
    }

    /** Places each doctor has left once every line of this draft but one household's is counted. */
    private Map<Long, Integer> remainingInDraft(long runId, long exceptEntry, List<ZoneMatcher.Supply> supplies) {
        Map<Long, Integer> used = new java.util.HashMap<>();
        jdbc.sql("""
                        select l.doctor_id, sum(e.people) from matching_run_line l join waiting_entry e on e.id = l.entry_id
                         where l.run_id = :r and l.entry_id <> :e and l.doctor_id is not null group by l.doctor_id""")
                .param("r", runId)
                .param("e", exceptEntry)
                .query((rs, i) -> Map.entry(rs.getLong(1), rs.getInt(2)))
                .list()
                .forEach(e -> used.put(e.getKey(), e.getValue()));
        Map<Long, Integer> remaining = new java.util.HashMap<>();
        for (ZoneMatcher.Supply s : supplies) {
            remaining.put(s.doctorId(), s.remaining() - used.getOrDefault(s.doctorId(), 0));
        }
        return remaining;
    }

    /** The doctors a household of a draft could be given instead, checked like the engine checks them. Audited. */
    @Transactional
    public Choice choices(long runId, long entryId) {
        List<String> zone = draftZone(runId);
        ZoneMatcher.Demand demand = inputs.waiting(zone).stream()
                .filter(d -> d.entryId() == entryId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Ce foyer n'attend plus dans cette zone."));
        ZoneInputs.ZoneDoctors zoneDoctors = inputs.doctors(zone, List.of(demand), text -> {});
        List<ZoneMatcher.Supply> supplies = zoneDoctors.supplies();
        Map<Long, Integer> remaining = remainingInDraft(runId, entryId, supplies);
        List<String> doctorDepartements = new java.util.ArrayList<>(zone);
        doctorDepartements.addAll(zoneDoctors.neighbours());
        Map<Long, String> names = doctorNames(doctorDepartements);
        Object[] current = jdbc.sql(
                        "select doctor_id, minutes from matching_run_line where run_id = :r and entry_id = :e")
                .param("r", runId)
                .param("e", entryId)
                .query((rs, i) -> new Object[] {rs.getObject(1), rs.getObject(2)})
                .optional()
                .orElse(new Object[] {null, null});
        Long currentDoctor = current[0] == null ? null : ((Number) current[0]).longValue();
        List<Option> options = matcher.alternatives(demand, supplies, remaining, inputs.excluded()).stream()
                .filter(a -> !java.util.Objects.equals(a.doctorId(), currentDoctor))
                .limit(10)
                .map(a -> new Option(
                        a.doctorId(),
                        names.getOrDefault(a.doctorId(), "médecin n° " + a.doctorId()),
                        a.minutes(),
                        a.distanceKm(),
                        a.networkMember(),
                        remaining.getOrDefault(a.doctorId(), 0) - demand.people()))
                .toList();
        households
                .personRefs(demand.householdId())
                .forEach(person -> auditTrail.record(
                        person, "matching_run", Long.toString(runId), AuditAction.READ, "Révision d'un appariement"));
        return new Choice(
                runId,
                entryId,
                demand.householdId(),
                demand.people(),
                demand.priority(),
                currentDoctor,
                currentDoctor == null ? null : names.getOrDefault(currentDoctor, "médecin n° " + currentDoctor),
                current[1] == null ? null : ((Number) current[1]).doubleValue(),
                options);
    }

    /**
     * The advisor gives a household of a draft another doctor: refused unless that doctor is one of its choices (same
     * rules as the engine, places counted with the draft's other lines). Returns what changed, in French.
     */
    @Transactional
    public String reassign(long runId, long entryId, long doctorId) {
        Choice choice = choices(runId, entryId);
        Option chosen = choice.options().stream()
                .filter(o -> o.doctorId() == doctorId)
                .findFirst()
                .orElseThrow(() ->
                        new ProposalWorkflow.TransitionRefused("Ce médecin ne peut pas recevoir ce foyer : trop loin, "
                                + "sans place ou sans ce dont le foyer a besoin."));
        String reason = "Choisi par le conseiller à la révision : " + chosen.doctor() + ", "
                + Math.round(chosen.minutes()) + " min de trajet estimé";
        int changed = jdbc.sql("""
                        update matching_run_line set doctor_id = :d, minutes = :min, distance_km = :km, reason = :reason, rank = null,
                               eligible_doctors = null, network_member = :network, passed_over = ''
                         where run_id = :r and entry_id = :e""")
                .param("d", doctorId)
                .param("min", chosen.minutes())
                .param("km", chosen.distanceKm())
                .param("reason", reason)
                .param("network", chosen.networkMember())
                .param("r", runId)
                .param("e", entryId)
                .update();
        if (changed == 0) {
            // a household the engine left out: it gets a line, and leaves the unserved list
            jdbc.sql("""
                            insert into matching_run_line (run_id, entry_id, doctor_id, distance_km, reason, minutes, network_member)
                            values (:r, :e, :d, :km, :reason, :min, :network)""")
                    .param("r", runId)
                    .param("e", entryId)
                    .param("d", doctorId)
                    .param("km", chosen.distanceKm())
                    .param("reason", reason)
                    .param("min", chosen.minutes())
                    .param("network", chosen.networkMember())
                    .update();
            jdbc.sql("delete from matching_run_unserved where run_id = :r and entry_id = :e")
                    .param("r", runId)
                    .param("e", entryId)
                    .update();
            jdbc.sql("update matching_run set unserved = greatest(0, unserved - 1) where id = :r")
                    .param("r", runId)
                    .update();
        }
        households
                .personRefs(choice.householdId())
                .forEach(person -> auditTrail.record(
                        person, "matching_run", Long.toString(runId), AuditAction.UPDATE, "Révision d'un appariement"));
        return "Foyer n° " + choice.householdId() + " : "
                + (choice.currentDoctor() == null
                        ? "aucun médecin"
                        : choice.currentDoctor() + " (" + Math.round(choice.currentMinutes()) + " min)")
                + " → " + chosen.doctor() + " ("
                + Math.round(chosen.minutes()) + " min). Il restera " + chosen.placesLeft() + " place(s) à "
                + chosen.doctor()
                + " après ce brouillon.";
    }

    /** The advisor takes a household out of a draft: no proposal for it at publication; it keeps its place on the list. */
    @Transactional
    public String remove(long runId, long entryId) {
        draftZone(runId);
        long household = jdbc.sql("select household_id from waiting_entry where id = :e")
                .param("e", entryId)
                .query(Long.class)
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun foyer " + entryId + " dans cet appariement."));
        int removed = jdbc.sql("delete from matching_run_line where run_id = :r and entry_id = :e")
                .param("r", runId)
                .param("e", entryId)
                .update();
        if (removed == 0) {
            throw new NotFoundException("Ce foyer n'a pas de proposition dans cet appariement.");
        }
        jdbc.sql(
                        "insert into matching_run_unserved (run_id, entry_id, reason, eligible_doctors) values (:r, :e, 'REMOVED_BY_ADVISOR', 0)")
                .param("r", runId)
                .param("e", entryId)
                .update();
        jdbc.sql("update matching_run set unserved = unserved + 1 where id = :r")
                .param("r", runId)
                .update();
        households
                .personRefs(household)
                .forEach(person -> auditTrail.record(
                        person, "matching_run", Long.toString(runId), AuditAction.UPDATE, "Révision d'un appariement"));
        return "Foyer n° " + household
                + " retiré du brouillon : il ne recevra pas de proposition à la publication et garde sa place "
                + "sur la liste d'attente.";
    }

    /** What a publication did: proposals made, and lines left out because the doctor had no places left by then. */
    public record Publication(int made, int doctorFull) {
        /** In French, for the run's page. */
        public String message() {
            return made + " proposition(s) envoyée(s) aux médecins."
                    + (doctorFull == 0
                            ? ""
                            : " " + doctorFull
                                    + " ligne(s) non publiée(s) : le médecin n'avait plus de place (prise entre-temps par un autre "
                                    + "appariement, par exemple d'un département voisin) ; ces foyers restent en attente.");
        }
    }

    /**
     * Publishes a draft: a proposal per line whose household is still waiting and whose doctor still has the places.
     * The doctors' rows are locked first, in id order, then each line's places are re-read: two runs published at once —
     * of the same zone or of neighbouring départements sharing doctors — never propose more than a doctor's places.
     */
    @Transactional
    public Publication publish(long runId) {
        int published = jdbc.sql(
                        "update matching_run set status = 'PUBLISHED', published_at = :now where id = :r and status = 'DRAFT'")
                .param("now", Timestamp.from(clock.instant()))
                .param("r", runId)
                .update();
        if (published == 0) {
            throw new ProposalWorkflow.TransitionRefused("Cet appariement est déjà publié (ou n'existe pas).");
        }
        jdbc.sql("""
                        select id from doctor_capacity where id in (select doctor_id from matching_run_line where run_id = :r)
                         order by id for update""").param("r", runId).query(Long.class).list();
        int made = 0;
        int full = 0;
        for (Object[] line : jdbc.sql("""
                        select l.entry_id, l.doctor_id, l.reason, e.people from matching_run_line l join waiting_entry e on e.id = l.entry_id
                         where l.run_id = :r and l.doctor_id is not null order by l.entry_id""")
                .param("r", runId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)})
                .list()) {
            long entryId = (Long) line[0];
            long doctorId = (Long) line[1];
            // locked: two runs over the same zone published at once propose each household once
            if (!jdbc.sql("select status from waiting_entry where id = :e for update")
                    .param("e", entryId)
                    .query(String.class)
                    .single()
                    .equals("WAITING")) {
                continue;
            }
            if (proposals.placesLeftLocked(doctorId) < (Integer) line[3]) {
                full++;
                continue;
            }
            long proposal = workflow.propose(entryId, WorkflowDoctorId.of(doctorId), (String) line[2])
                    .value();
            jdbc.sql("update matching_run_line set proposal_id = :p where run_id = :r and entry_id = :e")
                    .param("p", proposal)
                    .param("r", runId)
                    .param("e", entryId)
                    .update();
            made++;
        }
        if (full > 0) {
            log.info(
                    "Matching run {} published: {} proposals, {} lines left out (doctor full by then)",
                    runId,
                    made,
                    full);
        }
        return new Publication(made, full);
    }
}
