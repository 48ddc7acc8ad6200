package fr.traitant.app.matching;

import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchNumbers;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.util.List;
import java.util.Map;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The advisor's review of a draft run before it is published: the doctors a household could be given instead (checked
 * like the engine checks them, places counted with the draft's other lines), another doctor for a household, or a
 * household taken out of the draft. Every read and change of a household is audited.
 */
@Service
public class RunReview {

    private final JdbcClient jdbc;
    private final Households households;
    private final ZoneMatcher matcher;
    private final ZoneInputs inputs;
    private final AuditTrail auditTrail;
    private final RunDoctorNames doctorNames;

    RunReview(
            JdbcClient jdbc,
            Households households,
            ZoneMatcher matcher,
            ZoneInputs inputs,
            AuditTrail auditTrail,
            RunDoctorNames doctorNames) {
        this.jdbc = jdbc;
        this.households = households;
        this.matcher = matcher;
        this.inputs = inputs;
        this.auditTrail = auditTrail;
        this.doctorNames = doctorNames;
    }

    /** A household of a draft and the doctors it could be proposed to instead (nearest first, at most 10). */
    public record Choice(
            long runId,
            long entryId,
            long householdId,
            int people,
            int priority,
            @Nullable Long currentDoctorId,
            @Nullable String currentDoctor,
            @Nullable Double currentMinutes,
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
        Map<Long, String> names = doctorNames.doctorNames(doctorDepartements);
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
                + FrenchNumbers.minutes(chosen.minutes()) + " de trajet estimé";
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
                        : choice.currentDoctor() + " ("
                                + FrenchNumbers.minutes(
                                        java.util.Objects.requireNonNullElse(choice.currentMinutes(), 0.0))
                                + ")")
                + " → " + chosen.doctor() + " ("
                + FrenchNumbers.minutes(chosen.minutes()) + "). Il restera "
                + chosen.placesLeft() + " place(s) à "
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
}
