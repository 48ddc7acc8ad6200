package fr.traitant.app.matching;

import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the waiting list — households needing a médecin traitant, from a transfer, an advisor's case, the ALD data
 * or their own online request, each with a priority class ({@link PriorityPolicy}) and the date they started
 * waiting. A household has at most one open entry; registering again keeps the earliest waiting-since date. Three
 * unanswered contacts in a row pause an entry; an answer resumes it. Nothing is ever deleted. Every change is
 * audited for each member of the household.
 */
@Service
@EnableConfigurationProperties({PriorityPolicy.class, MatchingProperties.class})
public class WaitingList {

    /** Where a request comes from. */
    public enum Source {
        TRANSFER("Mutation"),
        CASE("Dossier d’accompagnement"),
        ALD_DATA("Données ALD de la caisse"),
        ONLINE("Demande en ligne"),
        MISSION("Vu plusieurs fois en consultation de mission"),
        DEPARTURE("Départ de son médecin traitant");

        private final String label;

        Source(String label) {
            this.label = label;
        }

        public String label() {
            return label;
        }
    }

    /** Where an entry stands. */
    public enum Status {
        WAITING,
        PAUSED,
        PROPOSED,
        ATTACHED,
        WITHDRAWN
    }

    /** How a household was contacted. */
    public enum Channel {
        PHONE,
        EMAIL,
        LETTER,
        SMS
    }

    /** Unanswered contacts in a row that pause an entry. */
    public static final int UNANSWERED_BEFORE_PAUSE = 3;

    /** An entry as shown to advisors (no names: the household is opened through its own audited page). */
    public record Entry(
            long id,
            long householdId,
            Source source,
            String departement,
            int people,
            int priority,
            String priorityReasons,
            Instant waitingSince,
            Status status,
            int unansweredContacts) {
        /** The waiting-since day in France. */
        public java.time.LocalDate waitingSinceDay() {
            return java.time.LocalDate.ofInstant(waitingSince, java.time.ZoneId.of("Europe/Paris"));
        }

        /** The waiting-since day as a French page writes it: "2 décembre 2026". */
        public @Nullable String waitingSinceText() {
            return fr.traitant.app.platform.FrenchDates.day(waitingSinceDay());
        }
    }

    private static final String COLUMNS = """
            id, household_id, source, departement, people, priority, priority_reasons, waiting_since, status, unanswered_contacts,
            help_requested_at""";

    private final JdbcClient jdbc;
    private final Households households;
    private final AuditTrail auditTrail;
    private final PriorityPolicy policy;
    private final Clock clock;

    WaitingList(JdbcClient jdbc, Households households, AuditTrail auditTrail, PriorityPolicy policy, Clock clock) {
        this.jdbc = jdbc;
        this.households = households;
        this.auditTrail = auditTrail;
        this.policy = policy;
        this.clock = clock;
    }

    /**
     * Puts a household on the list (or refreshes its open entry: priority recomputed, earliest waiting-since kept).
     *
     * @param waitingSince when the need started (a transfer's arrival date may be in the future: proposals come before)
     * @return the entry id
     * @throws IllegalArgumentException when nobody in the household needs a doctor, or the household has no commune
     */
    @Transactional
    public long register(long householdId, Source source, Instant waitingSince) {
        return register(householdId, source, waitingSince, null);
    }

    /**
     * A household whose médecin traitant leaves ({@code departingRpps}): the members who declared that doctor need a
     * new one, as do those without one; waiting since the day the departure became known.
     */
    @Transactional
    public long registerDeparture(long householdId, String departingRpps, Instant waitingSince) {
        return register(householdId, Source.DEPARTURE, waitingSince, null, departingRpps);
    }

    /** A transferred household, waiting in the département of its destination commune. */
    @Transactional
    public long registerTransfer(long householdId, String destinationCommune, Instant waitingSince) {
        return register(householdId, Source.TRANSFER, waitingSince, destinationCommune);
    }

    private long register(long householdId, Source source, Instant waitingSince, @Nullable String destinationCommune) {
        return register(householdId, source, waitingSince, destinationCommune, null);
    }

    private long register(
            long householdId,
            Source source,
            Instant waitingSince,
            @Nullable String destinationCommune,
            @Nullable String departingRpps) {
        HouseholdProfile found = households
                .profile(householdId)
                .orElseThrow(() -> new NotFoundException("Aucun foyer " + householdId + "."));
        HouseholdProfile profile = destinationCommune == null
                ? found
                : new HouseholdProfile(
                        found.householdId(),
                        destinationCommune,
                        fr.traitant.app.platform.values.InseeCode.of(destinationCommune)
                                .departement(),
                        null,
                        null,
                        found.members());
        if (profile.departement() == null) {
            throw new IllegalArgumentException(
                    "Le foyer n'a pas de commune : impossible de l'inscrire sur une liste d'attente.");
        }
        // after a transfer the declared GP is far away: everybody needs one; when a doctor leaves, their patients;
        // otherwise those without one
        List<HouseholdProfile.Person> needing = profile.members().stream()
                .filter(p -> source == Source.TRANSFER
                        || !p.hasDeclaredDoctor()
                        || (departingRpps != null && departingRpps.equals(p.declaredDoctorRpps())))
                .toList();
        if (needing.isEmpty()) {
            throw new IllegalArgumentException("Tous les membres du foyer ont déjà un médecin traitant.");
        }
        PriorityPolicy.Priority priority = policy.assess(needing, source == Source.TRANSFER);
        Optional<Entry> open = openEntry(householdId);
        long id;
        if (open.isPresent()) {
            Entry e = open.get();
            Instant since = e.waitingSince().isBefore(waitingSince) ? e.waitingSince() : waitingSince;
            jdbc.sql("""
                            update waiting_entry set priority = :p, priority_reasons = :r, people = :n, departement = :d,
                                   waiting_since = :since, destination_commune = coalesce(:dest, destination_commune)
                             where id = :id""")
                    .param("dest", destinationCommune)
                    .param("p", priority.priorityClass())
                    .param("r", String.join(", ", priority.reasons()))
                    .param("n", needing.size())
                    .param("d", profile.departement())
                    .param("since", Timestamp.from(since))
                    .param("id", e.id())
                    .update();
            id = e.id();
            audit(householdId, id, AuditAction.UPDATE, "Mise à jour de l'inscription sur la liste d'attente");
        } else {
            id = jdbc.sql("""
                            insert into waiting_entry (household_id, source, departement, people, priority, priority_reasons,
                                                       waiting_since, status_changed_at, destination_commune)
                            values (:h, :s, :d, :n, :p, :r, :since, :now, :dest) returning id""")
                    .param("dest", destinationCommune)
                    .param("h", householdId)
                    .param("s", source.name())
                    .param("d", profile.departement())
                    .param("n", needing.size())
                    .param("p", priority.priorityClass())
                    .param("r", String.join(", ", priority.reasons()))
                    .param("since", Timestamp.from(waitingSince))
                    .param("now", Timestamp.from(clock.instant()))
                    .query(Long.class)
                    .single();
            audit(householdId, id, AuditAction.CREATE, "Inscription sur la liste d'attente (" + source.name() + ")");
        }
        return id;
    }

    /** When each of these entries was attached to a médecin traitant (those attached only). */
    public Map<Long, Instant> attachedAt(java.util.Collection<Long> entryIds) {
        Map<Long, Instant> at = new java.util.HashMap<>();
        if (entryIds.isEmpty()) return at;
        jdbc.sql("select id, status_changed_at from waiting_entry where status = 'ATTACHED' and id in (:ids)")
                .param("ids", List.copyOf(entryIds))
                .query((rs, i) -> at.put(rs.getLong(1), rs.getTimestamp(2).toInstant()))
                .list();
        return at;
    }

    /** Registers the households found by the ALD data (members in ALD without a GP who agreed to be contacted). */
    @Transactional
    public int registerFromLongTermConditionData(int limit) {
        int registered = 0;
        for (long householdId : households.withLongTermConditionWithoutDoctor(limit)) {
            if (openEntry(householdId).isEmpty()) {
                register(householdId, Source.ALD_DATA, clock.instant());
                registered++;
            }
        }
        return registered;
    }

    /**
     * Records a contact attempt. The third unanswered one in a row pauses the entry; an answer resets the count
     * and resumes a paused entry.
     */
    @Transactional
    public Entry recordContact(long entryId, Channel channel, boolean answered) {
        Entry entry = get(entryId);
        jdbc.sql("insert into waiting_contact (entry_id, contacted_at, channel, answered) values (:e, :at, :c, :a)")
                .param("e", entryId)
                .param("at", Timestamp.from(clock.instant()))
                .param("c", channel.name())
                .param("a", answered)
                .update();
        int unanswered = answered ? 0 : Math.min(UNANSWERED_BEFORE_PAUSE, entry.unansweredContacts() + 1);
        Status status = entry.status();
        if (unanswered == UNANSWERED_BEFORE_PAUSE && status == Status.WAITING) {
            status = Status.PAUSED;
        } else if (answered && status == Status.PAUSED) {
            status = Status.WAITING;
        }
        jdbc.sql("""
                        update waiting_entry set unanswered_contacts = :u, status = :s,
                               status_changed_at = case when status <> :s then :now else status_changed_at end where id = :id""")
                .param("u", unanswered)
                .param("s", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", entryId)
                .update();
        audit(
                entry.householdId(),
                entryId,
                AuditAction.UPDATE,
                answered
                        ? "Contact de l'assuré (réponse)"
                        : status == Status.PAUSED
                                ? "Inscription mise en pause : trois contacts sans réponse"
                                : "Contact de l'assuré sans réponse");
        return get(entryId);
    }

    /** The household asks an advisor for help (shown on the advisors' list); audited. */
    @Transactional
    public void requestHelp(long householdId) {
        Entry entry = openEntry(householdId)
                .orElseThrow(() -> new IllegalArgumentException("Faites d'abord une demande de médecin traitant."));
        jdbc.sql("update waiting_entry set help_requested_at = :now where id = :id")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", entry.id())
                .update();
        audit(householdId, entry.id(), AuditAction.UPDATE, "Demande d'aide de l'assuré à un conseiller");
    }

    /** Whether the household asked for help on this entry. */
    public boolean helpRequested(long entryId) {
        return jdbc.sql("select help_requested_at is not null from waiting_entry where id = :id")
                .param("id", entryId)
                .query(Boolean.class)
                .optional()
                .orElse(false);
    }

    /** Changes the status of an entry (used by the proposal workflow); audited. */
    @Transactional
    public void changeStatus(long entryId, Status status, String purpose) {
        Entry entry = get(entryId);
        jdbc.sql("update waiting_entry set status = :s, status_changed_at = :now where id = :id")
                .param("s", status.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", entryId)
                .update();
        audit(entry.householdId(), entryId, AuditAction.UPDATE, purpose);
    }

    /** The open entry of a household, if any. */
    public Optional<Entry> openEntry(long householdId) {
        return jdbc.sql("select " + COLUMNS
                        + " from waiting_entry where household_id = :h and status in ('WAITING', 'PAUSED', 'PROPOSED')")
                .param("h", householdId)
                .query(WaitingList::map)
                .optional();
    }

    /** One entry. */
    public Entry get(long entryId) {
        return jdbc.sql("select " + COLUMNS + " from waiting_entry where id = :id")
                .param("id", entryId)
                .query(WaitingList::map)
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucune inscription " + entryId + "."));
    }

    /**
     * The waiting entries of a zone, most urgent first then longest waiting (the order in which matching serves
     * them), optionally of one priority class.
     */
    @Transactional
    public List<Entry> waiting(String departement, @Nullable Integer priority, int limit) {
        return waiting(departement, priority, ListRequest.first("/liste-attente"), limit)
                .rows();
    }

    /** The columns the waiting list may be sorted on; the default is the order in which matching serves households. */
    static final Map<String, String> SORTABLE = Map.of(
            "priorite", "priority, waiting_since",
            "attente", "waiting_since",
            "departement", "departement, priority, waiting_since",
            "personnes", "people");

    /** One page of the waiting list, each entry shown audited. */
    @Transactional
    public ListPage<Entry> waiting(String departement, @Nullable Integer priority, ListRequest request, int size) {
        String where =
                " from waiting_entry where status = 'WAITING' and (:d = '' or departement = :d) and (:p = 0 or priority = :p)";
        Map<String, Object> params =
                Map.of("d", departement == null ? "" : departement, "p", priority == null ? 0 : priority);
        long total = jdbc.sql("select count(*)" + where)
                .params(params)
                .query(Long.class)
                .single();
        List<Entry> entries = jdbc.sql("select " + COLUMNS + where + " order by "
                        + request.orderBy(SORTABLE, "priorite", false, "id") + " limit :limit offset :offset")
                .params(params)
                .param("limit", size)
                .param("offset", request.offset(size))
                .query(WaitingList::map)
                .list();
        // one query for the members and one insert for the trail (a query and an insert per person made a page of 50
        // entries 150 round trips; issue 22)
        Map<Long, List<String>> persons = households.personRefs(
                entries.stream().map(Entry::householdId).distinct().toList());
        List<AuditTrail.Access> accesses = new java.util.ArrayList<>();
        for (Entry e : entries) {
            accesses.addAll(accesses(e.id(), persons.getOrDefault(e.householdId(), List.of())));
        }
        auditTrail.recordAll(accesses, AuditAction.READ, "Consultation de la liste d'attente");
        return request.page(entries, total, size);
    }

    private void audit(long householdId, long entryId, AuditAction action, String purpose) {
        auditTrail.recordAll(accesses(entryId, households.personRefs(householdId)), action, purpose);
    }

    /** An entry read or changed, for each person of its household (the entry alone when it has nobody left). */
    private static List<AuditTrail.Access> accesses(long entryId, List<String> persons) {
        String id = Long.toString(entryId);
        return persons.isEmpty()
                ? List.of(new AuditTrail.Access(null, "waiting_entry", id))
                : persons.stream()
                        .map(person -> new AuditTrail.Access(person, "waiting_entry", id))
                        .toList();
    }

    private static Entry map(ResultSet rs, int n) throws SQLException {
        String reasons = rs.getString("priority_reasons");
        if (rs.getTimestamp("help_requested_at") != null) {
            reasons = (reasons.isBlank() ? "" : reasons + " — ") + "aide demandée par l'assuré";
        }
        return new Entry(
                rs.getLong("id"),
                rs.getLong("household_id"),
                Source.valueOf(rs.getString("source")),
                rs.getString("departement"),
                rs.getInt("people"),
                rs.getInt("priority"),
                reasons,
                rs.getTimestamp("waiting_since").toInstant(),
                Status.valueOf(rs.getString("status")),
                rs.getInt("unanswered_contacts"));
    }
}
