package fr.traitant.app.continuity;

import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.Outbox;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Facade: handovers. When a declared or observed departure comes within the horizon ({@code
 * traitant.continuity.horizon-months}, 6 by default — the notice a liberal doctor gives), the households of the
 * doctor's patients among the members are put on the waiting list (source DEPARTURE: the members who declared that
 * doctor need a new one, with their priority) and told by e-mail when they agreed to be contacted; the share
 * re-attached to a new doctor before the date is followed. Checked every morning and after each declaration.
 */
@Service
@org.springframework.boot.context.properties.EnableConfigurationProperties(ContinuityProperties.class)
public class Handovers {

    private static final Logger log = LoggerFactory.getLogger(Handovers.class);

    /** A handover and where it stands. */
    public record Handover(
            long id,
            String rpps,
            LocalDate expectedOn,
            java.time.Instant openedAt,
            @org.jspecify.annotations.Nullable Long caseId,
            @org.jspecify.annotations.Nullable Long runId,
            int households,
            int kept,
            int registered,
            int successorProposed,
            int attached,
            int attachedBeforeDate) {
        /** Households who need a new doctor: all of them, less those who can still reach a doctor who moves. */
        public int needing() {
            return households - kept;
        }

        /** Share of the households needing one re-attached to a new doctor before the departure date (the figure). */
        public double attachedBeforeDateShare() {
            return needing() == 0 ? 0 : (double) attachedBeforeDate / needing();
        }
    }

    private final JdbcClient jdbc;
    private final Departures departures;
    private final HouseholdNeeds needs;
    private final Households households;
    private final WaitingList waitingList;
    private final Outbox outbox;
    private final fr.traitant.app.cases.Cases cases;
    private final TransactionTemplate transactions;
    private final Clock clock;
    private final int horizonMonths;
    private final fr.traitant.app.matching.MatchingRuns runs;
    private final fr.traitant.app.matching.DirectProposals direct;
    private final fr.traitant.app.territory.Territory territory;
    private final double maxMinutes;
    private final fr.traitant.app.directory.Doctors doctors;
    private final String baseUrl;

    Handovers(
            JdbcClient jdbc,
            Departures departures,
            HouseholdNeeds needs,
            Households households,
            WaitingList waitingList,
            Outbox outbox,
            fr.traitant.app.cases.Cases cases,
            TransactionTemplate transactions,
            Clock clock,
            ContinuityProperties settings,
            fr.traitant.app.matching.MatchingRuns runs,
            fr.traitant.app.matching.DirectProposals direct,
            fr.traitant.app.territory.Territory territory,
            fr.traitant.app.matching.MatchingProperties matching,
            fr.traitant.app.directory.Doctors doctors,
            fr.traitant.app.platform.TraitantProperties platform) {
        this.doctors = doctors;
        this.baseUrl = platform.notifications().baseUrl();
        this.runs = runs;
        this.direct = direct;
        this.territory = territory;
        this.maxMinutes = matching.matching().maxMinutes();
        this.jdbc = jdbc;
        this.departures = departures;
        this.needs = needs;
        this.households = households;
        this.waitingList = waitingList;
        this.outbox = outbox;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
        this.horizonMonths = settings.horizonMonths();
    }

    /** Opens the handovers of the departures now within the horizon; returns how many were opened. */
    @Scheduled(cron = "${traitant.continuity.cron:0 45 6 * * *}", zone = "Europe/Paris")
    public int openDue() {
        LocalDate limit = LocalDate.now(clock.withZone(FrenchDates.PARIS)).plusMonths(horizonMonths);
        int opened = 0;
        for (Departures.Departure d : departures.all()) {
            if (d.certainty() == Certainty.PREDICTED || d.expectedOn().isAfter(limit)) continue;
            Opened done = transactions.execute(status -> open(d));
            if (done == null) {
                // already open: a successor named since is proposed to the households still waiting
                if (d.successorRpps() != null) transactions.executeWithoutResult(status -> proposeSuccessor(d));
                continue;
            }
            opened++;
            // the run is computed once the group is committed (in the background): the advisor reviews and publishes it
            runs.startGroup("Passation : patients de " + d.name(), done.entries(), java.util.Set.of(d.rpps()))
                    .ifPresent(run -> jdbc.sql("update handover set run_id = ? where id = ?")
                            .params(run, done.id())
                            .update());
        }
        return opened;
    }

    /** Proposes the successor named after the handover opened to its households still waiting; returns how many. */
    int proposeSuccessor(Departures.Departure d) {
        String successorRpps = d.successorRpps();
        if (successorRpps == null) return 0;
        List<long[]> waiting = jdbc.sql("""
                        select hh.handover_id, hh.household_id, hh.waiting_entry_id from handover_household hh
                          join handover h on h.id = hh.handover_id
                         where h.rpps = ? and h.expected_on = ? and hh.waiting_entry_id is not null
                           and not hh.successor_proposed order by hh.household_id""")
                .params(d.rpps(), Date.valueOf(d.expectedOn()))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2), rs.getLong(3)})
                .list();
        int made = 0;
        for (long[] w : waiting) {
            if (direct.propose(w[2], successorRpps, successorReason(d)).isEmpty()) continue;
            jdbc.sql(
                            "update handover_household set successor_proposed = true where handover_id = ? and household_id = ?")
                    .params(w[0], w[1])
                    .update();
            made++;
        }
        return made;
    }

    private static String successorReason(Departures.Departure d) {
        return "Successeur de " + d.name() + ", qui reprend son cabinet (départ le " + FrenchDates.day(d.expectedOn())
                + ")";
    }

    /** A handover just opened and the waiting entries of its group not already proposed to the successor. */
    private record Opened(long id, List<Long> entries) {}

    /** Whether a household's commune is within the travel limit of the commune a moving doctor goes to. */
    private boolean withinReach(long household, String newCommune) {
        String home = households
                .profile(household)
                .map(fr.traitant.app.members.HouseholdProfile::communeCode)
                .orElse(null);
        if (home == null) return false;
        var communes = territory.engineCommunes();
        var from = communes.findIndex(home);
        var to = communes.findIndex(newCommune);
        return from.isPresent()
                && to.isPresent()
                && territory.roadTimes().minutes(from.getAsInt(), to.getAsInt()) <= maxMinutes;
    }

    private @org.jspecify.annotations.Nullable Opened open(Departures.Departure d) {
        Long id = jdbc.sql("""
                        insert into handover (rpps, expected_on, opened_at) values (?, ?, ?)
                        on conflict (rpps, expected_on) do nothing returning id""")
                .params(d.rpps(), Date.valueOf(d.expectedOn()), Timestamp.from(clock.instant()))
                .query((rs, i) -> rs.getLong(1))
                .optional()
                .orElse(null);
        if (id == null) return null;
        List<Long> group = needs.householdsOfDoctor(d.rpps());
        List<Long> toMatch = new java.util.ArrayList<>();
        int needing = 0;
        for (long household : group) {
            if (d.newCommune() != null && withinReach(household, d.newCommune())) {
                // a doctor who moves keeps the patients who can still reach them
                jdbc.sql(
                                "insert into handover_household (handover_id, household_id, told, kept) values (?, ?, false, true)")
                        .params(id, household)
                        .update();
                continue;
            }
            needing++;
            Long entry = null;
            try {
                entry = waitingList.registerDeparture(household, d.rpps(), clock.instant());
            } catch (IllegalArgumentException e) {
                log.info(
                        "Handover of {}: household {} not put on the waiting list: {}",
                        d.rpps(),
                        household,
                        e.getMessage());
            }
            // the successor who takes over the practice is proposed first; the others go to the group's run
            String successorRpps = d.successorRpps();
            boolean successor = entry != null
                    && successorRpps != null
                    && direct.propose(entry, successorRpps, successorReason(d)).isPresent();
            if (entry != null && !successor) toMatch.add(entry);
            String newCommune = d.newCommune();
            Optional<String> email = households.contactEmail(household);
            email.ifPresent(to -> outbox.enqueue(
                    to,
                    "Votre médecin traitant cesse d’exercer",
                    "Bonjour,\n\n" + d.name() + ", votre médecin traitant, "
                            + (newCommune != null
                                    ? "part exercer à " + territory.communeLabel(newCommune) + " "
                                    : "cesse d’exercer ")
                            + (d.certainty() == Certainty.OBSERVED ? "depuis le " : "le ")
                            + FrenchDates.day(d.expectedOn()) + ".\n"
                            + (successor
                                    ? "Son successeur, qui reprend le cabinet, vous est proposé comme nouveau médecin"
                                            + " traitant : vous serez prévenu(e) dès qu’il aura répondu.\n"
                                    : "Traitant vous proposera un nouveau médecin traitant avant cette date : vous serez"
                                            + " prévenu(e) de chaque proposition.\n")
                            + "Suivre votre demande : rubrique « Mon médecin traitant » de votre espace.\n",
                    "handover:" + id + ":" + household));
            jdbc.sql("""
                            insert into handover_household (handover_id, household_id, waiting_entry_id, told, successor_proposed)
                            values (:h, :household, :entry, :told, :successor)""")
                    .param("h", id)
                    .param("household", household)
                    .param("entry", entry, java.sql.Types.BIGINT)
                    .param("told", email.isPresent())
                    .param("successor", successor)
                    .update();
        }
        if (d.successorRpps() == null && d.certainty() == Certainty.DECLARED) askForSuccessor(d, id);
        if (needing > 0) {
            // the PASS follows the group in one case file (unassigned, in the advisors' queue)
            var file = cases.openBySystem(new fr.traitant.app.cases.NewCase(
                    fr.traitant.app.cases.CaseKind.PASS,
                    fr.traitant.app.cases.Channel.AGENT_REPORT,
                    fr.traitant.app.cases.Motive.FIND_DOCTOR,
                    java.util.Set.of(),
                    null,
                    "Passation : patients de " + d.name(),
                    null,
                    null,
                    d.communeCode() == null ? null : fr.traitant.app.platform.values.InseeCode.of(d.communeCode()),
                    "Départ de " + d.name() + " (RPPS " + d.rpps() + ") "
                            + (d.certainty() == Certainty.OBSERVED ? "constaté le " : "prévu le ")
                            + FrenchDates.day(d.expectedOn()) + " : " + d.patients() + " assuré(s) dans "
                            + group.size() + " foyer(s), dont " + d.patientsInLongTermCondition()
                            + " en ALD ; " + needing + " foyer(s) inscrit(s) sur la liste d’attente (source : départ de"
                            + " leur médecin traitant)"
                            + (needing < group.size()
                                    ? ", les autres pouvant encore se rendre à son nouveau cabinet"
                                    : "")
                            + (d.successorRpps() != null ? " ; son successeur leur est proposé d’abord" : "")
                            + ". L’appariement préparé pour le groupe est sur la page du départ (Départs de"
                            + " médecins) : le relire et le publier pour proposer un nouveau médecin traitant avant la"
                            + " date.",
                    d.patientsInLongTermCondition() > 0
                            ? fr.traitant.app.cases.Priority.HIGH
                            : fr.traitant.app.cases.Priority.NORMAL));
            jdbc.sql("update handover set case_id = ? where id = ?")
                    .params(file.id(), id)
                    .update();
        }
        return new Opened(id, toMatch);
    }

    private record HouseholdRow(
            @org.jspecify.annotations.Nullable Long entry, boolean kept, boolean successor) {}

    /**
     * The continuity figure over every handover whose departure date has passed: households who needed a new doctor and
     * how many were re-attached before the date.
     */
    public record Figure(int handovers, int needing, int attachedBeforeDate) {
        public double share() {
            return needing == 0 ? 0 : (double) attachedBeforeDate / needing;
        }
    }

    public Figure figure() {
        LocalDate today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        List<String> doctors = jdbc.sql("select distinct rpps from handover where expected_on < ? order by rpps")
                .param(Date.valueOf(today))
                .query((rs, i) -> java.util.Objects.requireNonNull(rs.getString(1)))
                .list();
        int count = 0, needing = 0, before = 0;
        for (String rpps : doctors) {
            for (Handover h : of(rpps)) {
                if (!h.expectedOn().isBefore(today)) continue;
                count++;
                needing += h.needing();
                before += h.attachedBeforeDate();
            }
        }
        return new Figure(count, needing, before);
    }

    /**
     * Asks the departing doctor (MSSanté address of the directory) whether a successor takes over the practice: named on
     * their page, the successor is proposed first to the patients still waiting.
     */
    private void askForSuccessor(Departures.Departure d, long handover) {
        doctors.findByRpps(d.rpps())
                .map(fr.traitant.app.directory.DoctorProfile::mssante)
                .filter(mail -> !mail.isBlank())
                .ifPresent(mail -> outbox.enqueue(
                        mail,
                        "Votre fin d’activité : un successeur reprend-il votre cabinet ?",
                        "Bonjour,\n\nVotre fin d’activité au " + FrenchDates.day(d.expectedOn()) + " est enregistrée : "
                                + "vos patients assurés de la caisse se verront proposer un nouveau médecin traitant avant"
                                + " cette date.\nSi un confrère ou une consœur reprend votre cabinet, indiquez son numéro"
                                + " RPPS : il sera proposé d’abord à vos patients.\n" + baseUrl
                                + "/espace-medecin/depart\n",
                        "handover:" + handover + ":successor"));
    }

    /** A doctor's handovers, the latest first. */
    public List<Handover> of(String rpps) {
        return jdbc.sql("select id, rpps, expected_on, opened_at, case_id, run_id from handover where rpps = ?"
                        + " order by opened_at desc, id desc")
                .param(rpps)
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    LocalDate expectedOn = rs.getObject(3, LocalDate.class);
                    List<HouseholdRow> rows = jdbc.sql(
                                    "select waiting_entry_id, kept, successor_proposed from handover_household where handover_id = ?")
                            .param(id)
                            .query((r, n) -> new HouseholdRow((Long) r.getObject(1), r.getBoolean(2), r.getBoolean(3)))
                            .list();
                    List<Long> entries = new java.util.ArrayList<>();
                    for (HouseholdRow row : rows) {
                        Long entry = row.entry();
                        if (entry != null) entries.add(entry);
                    }
                    java.util.Map<Long, java.time.Instant> attachedAt = waitingList.attachedAt(entries);
                    java.time.Instant deadline = expectedOn
                            .plusDays(1)
                            .atStartOfDay(FrenchDates.PARIS)
                            .toInstant();
                    int attachedBefore = (int) attachedAt.values().stream()
                            .filter(at -> at.isBefore(deadline))
                            .count();
                    return new Handover(
                            id,
                            rs.getString(2),
                            expectedOn,
                            rs.getTimestamp(4).toInstant(),
                            rs.getObject(5) == null ? null : rs.getLong(5),
                            rs.getObject(6) == null ? null : rs.getLong(6),
                            rows.size(),
                            (int) rows.stream().filter(HouseholdRow::kept).count(),
                            entries.size(),
                            (int) rows.stream().filter(HouseholdRow::successor).count(),
                            attachedAt.size(),
                            attachedBefore);
                })
                .list();
    }
}
