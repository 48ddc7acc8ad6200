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
import org.springframework.beans.factory.annotation.Value;
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
public class Handovers {

    private static final Logger log = LoggerFactory.getLogger(Handovers.class);

    /** A handover and where it stands. */
    public record Handover(
            long id,
            String rpps,
            LocalDate expectedOn,
            java.time.Instant openedAt,
            @org.jspecify.annotations.Nullable Long caseId,
            int households,
            int registered,
            int attached) {
        /** Share of the households re-attached to a new doctor. */
        public double attachedShare() {
            return households == 0 ? 0 : (double) attached / households;
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
            @Value("${traitant.continuity.horizon-months:6}") int horizonMonths) {
        this.jdbc = jdbc;
        this.departures = departures;
        this.needs = needs;
        this.households = households;
        this.waitingList = waitingList;
        this.outbox = outbox;
        this.cases = cases;
        this.transactions = transactions;
        this.clock = clock;
        this.horizonMonths = horizonMonths;
    }

    /** Opens the handovers of the departures now within the horizon; returns how many were opened. */
    @Scheduled(cron = "${traitant.continuity.cron:0 45 6 * * *}", zone = "Europe/Paris")
    public int openDue() {
        LocalDate limit = LocalDate.now(clock.withZone(FrenchDates.PARIS)).plusMonths(horizonMonths);
        int opened = 0;
        for (Departures.Departure d : departures.all()) {
            if (d.certainty() == Certainty.PREDICTED || d.expectedOn().isAfter(limit)) continue;
            Integer done = transactions.execute(status -> open(d) ? 1 : 0);
            if (done != null) opened += done;
        }
        return opened;
    }

    private boolean open(Departures.Departure d) {
        Long id = jdbc.sql("""
                        insert into handover (rpps, expected_on, opened_at) values (?, ?, ?)
                        on conflict (rpps, expected_on) do nothing returning id""")
                .params(d.rpps(), Date.valueOf(d.expectedOn()), Timestamp.from(clock.instant()))
                .query((rs, i) -> rs.getLong(1))
                .optional()
                .orElse(null);
        if (id == null) return false;
        List<Long> group = needs.householdsOfDoctor(d.rpps());
        for (long household : group) {
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
            Optional<String> email = households.contactEmail(household);
            email.ifPresent(to -> outbox.enqueue(
                    to,
                    "Votre médecin traitant cesse d’exercer",
                    "Bonjour,\n\n" + d.name() + ", votre médecin traitant, cesse d’exercer "
                            + (d.certainty() == Certainty.OBSERVED ? "depuis le " : "le ")
                            + FrenchDates.day(d.expectedOn()) + ".\nTraitant vous proposera un nouveau médecin traitant"
                            + " avant cette date : vous serez prévenu(e) de chaque proposition.\n",
                    "handover:" + id + ":" + household));
            jdbc.sql("""
                            insert into handover_household (handover_id, household_id, waiting_entry_id, told)
                            values (:h, :household, :entry, :told)""")
                    .param("h", id)
                    .param("household", household)
                    .param("entry", entry, java.sql.Types.BIGINT)
                    .param("told", email.isPresent())
                    .update();
        }
        if (!group.isEmpty()) {
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
                            + " en ALD, inscrits sur la liste d’attente (source : départ de leur médecin traitant)."
                            + " Leur proposer un nouveau médecin traitant avant la date.",
                    d.patientsInLongTermCondition() > 0
                            ? fr.traitant.app.cases.Priority.HIGH
                            : fr.traitant.app.cases.Priority.NORMAL));
            jdbc.sql("update handover set case_id = ? where id = ?")
                    .params(file.id(), id)
                    .update();
        }
        return true;
    }

    /** A doctor's handovers, the latest first. */
    public List<Handover> of(String rpps) {
        return jdbc.sql(
                        "select id, rpps, expected_on, opened_at, case_id from handover where rpps = ? order by opened_at desc, id desc")
                .param(rpps)
                .query((rs, i) -> {
                    long id = rs.getLong(1);
                    List<Long> entries = jdbc.sql(
                                    "select waiting_entry_id from handover_household where handover_id = ?")
                            .param(id)
                            .query((r, n) -> r.getObject(1) == null ? -1L : r.getLong(1))
                            .list();
                    int registered = 0, attached = 0;
                    for (long e : entries) {
                        if (e < 0) continue;
                        registered++;
                        if (waitingList.get(e).status() == WaitingList.Status.ATTACHED) attached++;
                    }
                    return new Handover(
                            id,
                            rs.getString(2),
                            rs.getObject(3, LocalDate.class),
                            rs.getTimestamp(4).toInstant(),
                            rs.getObject(5) == null ? null : rs.getLong(5),
                            entries.size(),
                            registered,
                            attached);
                })
                .list();
    }
}
