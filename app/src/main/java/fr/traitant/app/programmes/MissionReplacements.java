package fr.traitant.app.programmes;

import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: replacements for the volunteers who need one while they are away — the substitute doctors (remplaçants) who
 * declared themselves free that day, whose practice is within their own travel limit of the volunteer's, and who do
 * not replace anyone else that day, the nearest first; the arrangement recorded.
 */
@Service
public class MissionReplacements {

    /** A substitute who could replace a volunteer on a day. */
    public record Candidate(String rpps, String name, String communeCode, double minutes) {}

    private final JdbcClient jdbc;
    private final MissionPlans plans;
    private final MissionVolunteers volunteers;
    private final RoadEstimate road;
    private final AuditTrail audit;
    private final Clock clock;

    MissionReplacements(
            JdbcClient jdbc,
            MissionPlans plans,
            MissionVolunteers volunteers,
            RoadEstimate road,
            AuditTrail audit,
            Clock clock) {
        this.jdbc = jdbc;
        this.plans = plans;
        this.volunteers = volunteers;
        this.road = road;
        this.audit = audit;
        this.clock = clock;
    }

    /** The candidates for a planned day, the nearest first (none when the volunteer's practice is unknown). */
    public List<Candidate> candidates(long dayId) {
        MissionPlans.PlannedDay day = plans.day(dayId);
        MissionVolunteers.Volunteer v = volunteers.get(day.volunteerId());
        if (v.communeCode() == null) return List.of();
        List<String> busy = jdbc.sql("select substitute_rpps from mission_replacement where day = ?")
                .param(Date.valueOf(day.day()))
                .query((rs, i) -> rs.getString(1))
                .list();
        List<Candidate> result = new ArrayList<>();
        for (MissionVolunteers.Substitute s : volunteers.substitutes()) {
            if (s.rpps().equals(v.rpps())
                    || busy.contains(s.rpps())
                    || !s.available().contains(day.day())) continue;
            double minutes = Math.round(road.minutes(s.communeCode(), v.communeCode()));
            if (minutes <= s.maxMinutes()) result.add(new Candidate(s.rpps(), s.name(), s.communeCode(), minutes));
        }
        result.sort(Comparator.comparingDouble(Candidate::minutes).thenComparing(Candidate::rpps));
        return result;
    }

    /** Records that a substitute replaces the volunteer on that day (one of the candidates). */
    @Transactional
    public void arrange(long dayId, String substituteRpps) {
        MissionPlans.PlannedDay day = plans.day(dayId);
        if (candidates(dayId).stream().noneMatch(c -> c.rpps().equals(substituteRpps))) {
            throw new ConflictException("Ce remplaçant n’est pas disponible ce jour-là (ou déjà pris).");
        }
        jdbc.sql("""
                        insert into mission_replacement (mission_day_id, substitute_rpps, day, recorded_at)
                        values (?, ?, ?, ?)
                        on conflict (mission_day_id) do update set substitute_rpps = excluded.substitute_rpps,
                            recorded_at = excluded.recorded_at""")
                .params(dayId, substituteRpps, Date.valueOf(day.day()), Timestamp.from(clock.instant()))
                .update();
        audit.record(
                null,
                "mission_day",
                Long.toString(dayId),
                AuditAction.UPDATE,
                "Remplacement convenu : " + volunteers.name(substituteRpps) + " remplace " + day.doctor());
    }

    /** Who replaces the volunteer on a day, if arranged. */
    public Optional<String> arranged(long dayId) {
        return jdbc.sql("select substitute_rpps from mission_replacement where mission_day_id = ?")
                .param(dayId)
                .query((rs, i) -> rs.getString(1))
                .optional();
    }
}
