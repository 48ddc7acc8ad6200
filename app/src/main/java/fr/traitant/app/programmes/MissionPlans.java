package fr.traitant.app.programmes;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.engine.missions.MissionPlan;
import fr.traitant.engine.missions.MissionPlanner;
import fr.traitant.engine.missions.MissionProblem;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the month's plan of mission days. The engine ({@link MissionPlanner}) plans the volunteers' days at the
 * places (exact, the greedy baseline beside it); the programme manager edits the draft (move, remove, add a day — the
 * rules checked), publishes it (each doctor is asked to confirm); a refusal re-plans around the other days; a held day
 * (confirmed by the place) is paid. Every change after publication is audited.
 */
@Service
public class MissionPlans {

    /** A plan's figures beside the greedy's. */
    public record Summary(
            YearMonth month,
            boolean published,
            java.time.Instant plannedAt,
            MissionPlan.Score exact,
            MissionPlan.Score greedy) {}

    /** A planned day. */
    public record PlannedDay(
            long id,
            long volunteerId,
            String rpps,
            String doctor,
            long siteId,
            String site,
            String communeCode,
            LocalDate day,
            double minutes,
            MissionDayStatus status) {}

    private final JdbcClient jdbc;
    private final MissionVolunteers volunteers;
    private final MissionSites sites;
    private final RoadEstimate road;
    private final MissionSlots slots;
    private final Outbox outbox;
    private final Accounts accounts;
    private final AuditTrail audit;
    private final Clock clock;

    MissionPlans(
            JdbcClient jdbc,
            MissionVolunteers volunteers,
            MissionSites sites,
            RoadEstimate road,
            MissionSlots slots,
            Outbox outbox,
            Accounts accounts,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.volunteers = volunteers;
        this.sites = sites;
        this.road = road;
        this.slots = slots;
        this.outbox = outbox;
        this.accounts = accounts;
        this.audit = audit;
        this.clock = clock;
    }

    /**
     * The engine's problem for a month: the volunteers who give days (engine id: their volunteer id), the places open
     * that month (engine id: the place id); a pair is allowed when the road estimate from the doctor's practice is
     * within the doctor's own limit and the place is among those they accept (all when they named none).
     */
    public MissionProblem problem(YearMonth month) {
        List<MissionVolunteers.Volunteer> vs = volunteers.of(month);
        Map<Long, List<LocalDate>> open = sites.openings(month);
        List<MissionSites.Place> places =
                sites.all().stream().filter(p -> open.containsKey(p.id())).toList();
        Map<Long, MissionSites.Need> needs = sites.needs(places);
        List<MissionProblem.Volunteer> ev = new ArrayList<>();
        List<MissionProblem.Travel> travel = new ArrayList<>();
        for (MissionVolunteers.Volunteer v : vs) {
            ev.add(new MissionProblem.Volunteer(Long.toString(v.id()), v.days(), new HashSet<>(v.available())));
            if (v.communeCode() == null) continue;
            for (MissionSites.Place p : places) {
                if (!v.preferredSites().isEmpty() && !v.preferredSites().contains(p.id())) continue;
                double m = Math.round(road.minutes(v.communeCode(), p.communeCode()));
                if (m <= v.maxMinutes())
                    travel.add(new MissionProblem.Travel(Long.toString(v.id()), Long.toString(p.id()), m));
            }
        }
        List<MissionProblem.Site> es = new ArrayList<>();
        for (MissionSites.Place p : places) {
            es.add(new MissionProblem.Site(
                    Long.toString(p.id()),
                    Math.round(
                            java.util.Objects.requireNonNull(needs.get(p.id())).missingConsultations()),
                    p.rooms(),
                    new HashSet<>(java.util.Objects.requireNonNull(open.get(p.id())))));
        }
        return MissionProblem.of(ev, es, travel, MissionVolunteers.MAX_MINUTES);
    }

    /** Plans the month afresh (a draft: replaces the previous draft; refused once published). */
    @Transactional
    public Summary plan(YearMonth month) {
        Optional<Summary> existing = summary(month);
        if (existing.isPresent() && existing.get().published()) {
            throw new ConflictException("Le planning de " + monthName(month) + " est publié : il ne se recalcule plus"
                    + " (un refus replanifie la journée refusée).");
        }
        MissionProblem problem = problem(month);
        MissionPlan exact = MissionPlanner.optimal(problem);
        MissionPlan greedy = MissionPlanner.greedy(problem);
        jdbc.sql("delete from mission_plan where month = ?")
                .param(month.atDay(1))
                .update();
        jdbc.sql("""
                        insert into mission_plan (month, status, planned_at, sites_with_days, value, travel,
                                                  greedy_sites, greedy_value, greedy_travel)
                        values (?, 'DRAFT', ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        month.atDay(1),
                        Timestamp.from(clock.instant()),
                        exact.score().sitesWithDays(),
                        exact.score().value(),
                        exact.score().travelMinutes(),
                        greedy.score().sitesWithDays(),
                        greedy.score().value(),
                        greedy.score().travelMinutes())
                .update();
        insert(month, exact.days(), MissionDayStatus.DRAFT);
        return summary(month).orElseThrow();
    }

    public Optional<Summary> summary(YearMonth month) {
        return jdbc.sql("select * from mission_plan where month = ?")
                .param(month.atDay(1))
                .query((rs, i) -> new Summary(
                        month,
                        rs.getString("status").equals("PUBLISHED"),
                        rs.getTimestamp("planned_at").toInstant(),
                        new MissionPlan.Score(
                                rs.getInt("sites_with_days"), rs.getDouble("value"), rs.getDouble("travel")),
                        new MissionPlan.Score(
                                rs.getInt("greedy_sites"),
                                rs.getDouble("greedy_value"),
                                rs.getDouble("greedy_travel"))))
                .optional();
    }

    /** The month's days, by date, place and doctor. */
    public List<PlannedDay> days(YearMonth month) {
        // one directory read per doctor, not per day
        Map<String, String> names = new HashMap<>();
        return jdbc.sql("""
                        select d.id, d.volunteer_id, v.rpps, d.site_id, s.name, s.commune_code, d.day, d.minutes, d.status
                          from mission_day d join mission_volunteer v on v.id = d.volunteer_id
                          join mission_site s on s.id = d.site_id
                         where d.month = ? order by d.day, s.name, v.rpps, d.id""")
                .param(month.atDay(1))
                .query((rs, i) -> new PlannedDay(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        names.computeIfAbsent(rs.getString(3), volunteers::name),
                        rs.getLong(4),
                        rs.getString(5),
                        rs.getString(6),
                        rs.getObject(7, LocalDate.class),
                        rs.getDouble(8),
                        MissionDayStatus.valueOf(rs.getString(9))))
                .list();
    }

    public PlannedDay day(long id) {
        return jdbc.sql("select month from mission_day where id = ?")
                .param(id)
                .query((rs, i) -> rs.getObject(1, LocalDate.class))
                .optional()
                .flatMap(m -> days(YearMonth.from(m)).stream()
                        .filter(d -> d.id() == id)
                        .findFirst())
                .orElseThrow(() -> new NotFoundException("Aucune journée " + id + "."));
    }

    /** A doctor's days (every month), the newest first. */
    public List<PlannedDay> daysOf(String rpps) {
        List<YearMonth> months = jdbc.sql("""
                        select distinct d.month from mission_day d join mission_volunteer v on v.id = d.volunteer_id
                         where v.rpps = ? and d.status <> 'DRAFT' order by d.month desc""")
                .param(rpps)
                .query((rs, i) -> YearMonth.from(rs.getObject(1, LocalDate.class)))
                .list();
        List<PlannedDay> result = new ArrayList<>();
        for (YearMonth m : months)
            days(m).stream()
                    .filter(d -> d.rpps().equals(rpps) && d.status() != MissionDayStatus.DRAFT)
                    .forEach(result::add);
        return result;
    }

    /** Removes a day of the draft. */
    @Transactional
    public void remove(long dayId) {
        PlannedDay d = draft(dayId);
        jdbc.sql("delete from mission_day where id = ?").param(d.id()).update();
    }

    /** Adds a day to the draft, if the draft with it still follows every rule. */
    @Transactional
    public void add(YearMonth month, long volunteerId, long siteId, LocalDate day) {
        if (summary(month).map(Summary::published).orElse(true)) {
            throw new ConflictException("Seul un brouillon de planning se modifie.");
        }
        List<MissionPlan.Day> draft = new ArrayList<>(engineDays(month));
        MissionProblem problem = problem(month);
        Double minutes = problem.minutes(Long.toString(volunteerId), Long.toString(siteId));
        draft.add(new MissionPlan.Day(
                Long.toString(volunteerId), Long.toString(siteId), day, minutes == null ? 0 : minutes));
        check(problem, draft);
        insert(month, List.of(draft.getLast()), MissionDayStatus.DRAFT);
    }

    /** Moves a day of the draft to another place or date, if the draft then still follows every rule. */
    @Transactional
    public void move(long dayId, long siteId, LocalDate day) {
        PlannedDay d = draft(dayId);
        YearMonth month = YearMonth.from(d.day());
        jdbc.sql("delete from mission_day where id = ?").param(d.id()).update();
        add(month, d.volunteerId(), siteId, day);
    }

    /** Publishes the draft: each doctor is asked (by e-mail) to confirm their days. */
    @Transactional
    public int publish(YearMonth month) {
        Summary s = summary(month).orElseThrow(() -> new ConflictException("Planifiez le mois avant de le publier."));
        if (s.published()) throw new ConflictException("Le planning est déjà publié.");
        jdbc.sql("update mission_plan set status = 'PUBLISHED', published_at = ? where month = ?")
                .params(Timestamp.from(clock.instant()), month.atDay(1))
                .update();
        int n = jdbc.sql(
                        "update mission_day set status = 'PROPOSED', changed_at = ? where month = ? and status = 'DRAFT'")
                .params(Timestamp.from(clock.instant()), month.atDay(1))
                .update();
        notifyDoctors(days(month).stream()
                .filter(d -> d.status() == MissionDayStatus.PROPOSED)
                .toList());
        audit.record(
                null,
                "mission_plan",
                month.toString(),
                AuditAction.UPDATE,
                "Planning des missions publié (" + n + " journées)");
        return n;
    }

    /** The doctor confirms one of their proposed days: its consultation slots open. */
    @Transactional
    public void confirm(long dayId, String rpps) {
        PlannedDay d = own(dayId, rpps, MissionDayStatus.PROPOSED);
        setStatus(d, MissionDayStatus.CONFIRMED, "Journée confirmée par le médecin");
        slots.open(d.id(), d.day());
    }

    /**
     * The doctor refuses one of their proposed days: the date is taken out of their availability for this plan and the
     * month is re-planned around the other days (new days proposed to their doctors). Returns the days added.
     */
    @Transactional
    public int refuse(long dayId, String rpps) {
        PlannedDay d = own(dayId, rpps, MissionDayStatus.PROPOSED);
        setStatus(d, MissionDayStatus.REFUSED, "Journée refusée par le médecin");
        return replan(YearMonth.from(d.day()));
    }

    /** Re-plans a published month around its kept days (every day not refused), refused dates excluded. */
    @Transactional
    public int replan(YearMonth month) {
        MissionProblem problem = problem(month);
        List<PlannedDay> all = days(month);
        List<MissionPlan.Day> kept = new ArrayList<>();
        Set<MissionPlanner.Refusal> refused = new HashSet<>();
        for (PlannedDay d : all) {
            if (d.status() == MissionDayStatus.REFUSED) {
                refused.add(new MissionPlanner.Refusal(Long.toString(d.volunteerId()), d.day()));
            } else {
                kept.add(new MissionPlan.Day(
                        Long.toString(d.volunteerId()), Long.toString(d.siteId()), d.day(), d.minutes()));
            }
        }
        // a kept day that no longer fits (a pledge changed since) stays as it is, and nothing new is planned around it
        if (!problem.violations(kept).isEmpty()) return 0;
        MissionPlan plan = MissionPlanner.replan(problem, kept, refused);
        List<MissionPlan.Day> added = new ArrayList<>(plan.days());
        added.removeAll(kept);
        insert(month, added, MissionDayStatus.PROPOSED);
        Set<String> addedKeys = new HashSet<>();
        added.forEach(a -> addedKeys.add(a.volunteer() + "/" + a.date()));
        notifyDoctors(days(month).stream()
                .filter(d ->
                        d.status() == MissionDayStatus.PROPOSED && addedKeys.contains(d.volunteerId() + "/" + d.day()))
                .toList());
        return added.size();
    }

    /** The place confirms a day held (paid) or not held (not paid); only a confirmed day, on or after its date. */
    @Transactional
    public void record(long dayId, boolean held) {
        PlannedDay d = day(dayId);
        if (d.status() != MissionDayStatus.CONFIRMED) {
            throw new ConflictException("Seule une journée confirmée peut être déclarée tenue ou non tenue.");
        }
        if (d.day().isAfter(LocalDate.now(clock.withZone(FrenchDates.PARIS)))) {
            throw new ConflictException("La journée du " + FrenchDates.day(d.day()) + " n’a pas encore eu lieu.");
        }
        setStatus(
                d,
                held ? MissionDayStatus.HELD : MissionDayStatus.NOT_HELD,
                held ? "Journée tenue (confirmée par le lieu)" : "Journée non tenue");
        if (held) slots.afterHeld(d.id());
    }

    private void setStatus(PlannedDay d, MissionDayStatus status, String purpose) {
        jdbc.sql("update mission_day set status = ?, changed_at = ? where id = ?")
                .params(status.name(), Timestamp.from(clock.instant()), d.id())
                .update();
        audit.record(
                null,
                "mission_day",
                Long.toString(d.id()),
                AuditAction.UPDATE,
                purpose + " : " + d.doctor() + ", " + FrenchDates.day(d.day()) + ", " + d.site());
    }

    private PlannedDay own(long dayId, String rpps, MissionDayStatus expected) {
        PlannedDay d = day(dayId);
        if (!d.rpps().equals(rpps)) throw new NotFoundException("Aucune journée " + dayId + ".");
        if (d.status() != expected) {
            throw new ConflictException(
                    "Cette journée est « " + d.status().label() + " » : elle ne peut plus changer ici.");
        }
        return d;
    }

    private PlannedDay draft(long dayId) {
        PlannedDay d = day(dayId);
        if (d.status() != MissionDayStatus.DRAFT)
            throw new ConflictException("Seul un brouillon de planning se modifie.");
        return d;
    }

    private List<MissionPlan.Day> engineDays(YearMonth month) {
        return days(month).stream()
                .filter(d -> d.status() != MissionDayStatus.REFUSED)
                .map(d -> new MissionPlan.Day(
                        Long.toString(d.volunteerId()), Long.toString(d.siteId()), d.day(), d.minutes()))
                .toList();
    }

    private static void check(MissionProblem problem, List<MissionPlan.Day> days) {
        List<String> broken = problem.violations(days);
        if (!broken.isEmpty())
            throw new ConflictException("Cette journée enfreint une règle : " + String.join(" ; ", broken) + ".");
    }

    private void insert(YearMonth month, List<MissionPlan.Day> days, MissionDayStatus status) {
        for (MissionPlan.Day d : days) {
            jdbc.sql("""
                            insert into mission_day (month, volunteer_id, site_id, day, minutes, status, changed_at)
                            values (?, ?, ?, ?, ?, ?, ?)""")
                    .params(
                            month.atDay(1),
                            Long.parseLong(d.volunteer()),
                            Long.parseLong(d.site()),
                            Date.valueOf(d.date()),
                            d.minutes(),
                            status.name(),
                            Timestamp.from(clock.instant()))
                    .update();
        }
    }

    private void notifyDoctors(List<PlannedDay> proposed) {
        Map<String, List<PlannedDay>> byDoctor = new HashMap<>();
        proposed.forEach(
                d -> byDoctor.computeIfAbsent(d.rpps(), k -> new ArrayList<>()).add(d));
        byDoctor.forEach((rpps, list) -> accounts.findDoctorByRpps(rpps).ifPresent(account -> {
            StringBuilder body =
                    new StringBuilder("Bonjour,\n\nLe planning « Un médecin près de chez vous » vous propose :\n");
            for (PlannedDay d : list)
                body.append("- le ")
                        .append(FrenchDates.day(d.day()))
                        .append(" : ")
                        .append(d.site())
                        .append('\n');
            body.append("\nConfirmez ou refusez chaque journée dans votre espace médecin, rubrique Missions.\n");
            outbox.enqueue(
                    account.username(), "Journées de consultation proposées", body.toString(), "missions:" + rpps);
        }));
    }

    static String monthName(YearMonth month) {
        return FrenchDates.month(month);
    }
}
