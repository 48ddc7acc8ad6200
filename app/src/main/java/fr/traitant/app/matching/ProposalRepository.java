package fr.traitant.app.matching;

import fr.traitant.app.territory.Commune;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the proposal workflow: proposals and the workflow doctors' capacity ({@code proposal},
 * {@code doctor_capacity}), in one place (issue 13, point 5). {@link ProposalWorkflow} decides; this class reads and
 * writes, with the conditional updates that keep the invariants under concurrency (a status moves only from the one
 * read; places are committed only while some are left).
 */
@Repository
class ProposalRepository {

    /** A case worker's proposal to an account made before the account had a workflow doctor row: resolved now. */
    private static final String COLUMNS = """
            id, household_id, coalesce(doctor_id, (select c.id from doctor_capacity c where c.doctor_account_id = proposal.doctor_account_id))
            as doctor_id, doctor_account_id, status, waiting_entry_id, people, deadline""";

    private final JdbcClient jdbc;

    ProposalRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    private static ProposalWorkflow.Row row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        return new ProposalWorkflow.Row(
                rs.getLong("id"),
                rs.getLong("household_id"),
                (Long) rs.getObject("doctor_id"),
                (Long) rs.getObject("doctor_account_id"),
                rs.getString("status"),
                (Long) rs.getObject("waiting_entry_id"),
                rs.getInt("people"),
                deadline == null ? null : deadline.toInstant());
    }

    // ---- proposals

    Optional<ProposalWorkflow.Row> find(long proposalId) {
        return jdbc.sql("select " + COLUMNS + " from proposal where id = :id")
                .param("id", proposalId)
                .query(ProposalRepository::row)
                .optional();
    }

    /** A new PENDING proposal to a workflow doctor; empty if that doctor does not exist. */
    Optional<Long> insertPending(
            long householdId, long entryId, int people, Instant deadline, String reason, Instant now, long doctorId) {
        return jdbc.sql("""
                        insert into proposal (household_id, doctor_id, doctor_account_id, status, waiting_entry_id, people, deadline, reason, created_at)
                        select :h, c.id, c.doctor_account_id, 'PENDING', :e, :n, :deadline, :reason, :now
                          from doctor_capacity c where c.id = :d returning id""")
                .param("h", householdId)
                .param("e", entryId)
                .param("n", people)
                .param("deadline", Timestamp.from(deadline))
                .param("reason", reason)
                .param("now", Timestamp.from(now))
                .param("d", doctorId)
                .query(Long.class)
                .optional();
    }

    /** Compare-and-set on the status; false if another answer came first. */
    boolean move(long proposalId, ProposalStatus from, ProposalStatus to, Instant now) {
        return jdbc.sql("update proposal set status = :to, decided_at = :now where id = :id and status = :from")
                        .param("to", to.name())
                        .param("now", Timestamp.from(now))
                        .param("id", proposalId)
                        .param("from", from.name())
                        .update()
                > 0;
    }

    Optional<Long> attached(long householdId) {
        return jdbc.sql("select id from proposal where household_id = :h and status = 'ATTACHED'")
                .param("h", householdId)
                .query(Long.class)
                .optional();
    }

    Optional<Long> open(long householdId) {
        return jdbc.sql("select id from proposal where household_id = :h and status in ('PENDING', 'ACCEPTED')")
                .param("h", householdId)
                .query(Long.class)
                .optional();
    }

    Optional<Long> latest(long householdId) {
        return jdbc.sql("select id from proposal where household_id = :h order by id desc limit 1")
                .param("h", householdId)
                .query(Long.class)
                .optional();
    }

    Optional<String> status(long proposalId) {
        return jdbc.sql("select status from proposal where id = :id")
                .param("id", proposalId)
                .query(String.class)
                .optional();
    }

    /** Serialises proposals to one household until the transaction ends. */
    void lockHousehold(long householdId) {
        jdbc.sql("select pg_advisory_xact_lock(7301, :h)")
                .param("h", (int) householdId)
                .query((rs, i) -> 1)
                .list();
    }

    /** Whether the proposal is addressed to this DOCTOR account (to it, to its workflow doctor, or to its RPPS: ADR 0051). */
    boolean addressedTo(long proposalId, long doctorAccountId, String rpps) {
        return jdbc.sql("select exists (select 1 from proposal p left join doctor_capacity c on c.id = p.doctor_id"
                        + " where p.id = :id and " + Proposals.ADDRESSED_TO_ME + ")")
                .param("id", proposalId)
                .param("me", doctorAccountId)
                .param("myRpps", rpps)
                .query(Boolean.class)
                .single();
    }

    /** Records the declaration date once; false if it was already recorded (or the family has not chosen). */
    boolean recordDeclaration(long proposalId, Instant now) {
        return jdbc.sql(
                                "update proposal set declared_at = :now where id = :id and status = 'ATTACHED' and declared_at is null")
                        .param("now", Timestamp.from(now))
                        .param("id", proposalId)
                        .update()
                > 0;
    }

    /** Proposals chosen before {@code limit} whose declaration is neither recorded nor reminded, locked. */
    List<ProposalWorkflow.Row> declarationsDue(Instant limit) {
        return jdbc.sql("select " + COLUMNS + " " + """
                         from proposal where status = 'ATTACHED' and declared_at is null and declaration_reminded_at is null
                          and decided_at < :limit for update skip locked""")
                .param("limit", Timestamp.from(limit))
                .query(ProposalRepository::row)
                .list();
    }

    void markReminded(long proposalId, Instant now) {
        jdbc.sql("update proposal set declaration_reminded_at = :now where id = :id")
                .param("now", Timestamp.from(now))
                .param("id", proposalId)
                .update();
    }

    /** Open proposals past their deadline, locked. */
    List<ProposalWorkflow.Row> overdue(Instant now) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from proposal where status in ('PENDING', 'ACCEPTED') and deadline < :now for update skip locked")
                .param("now", Timestamp.from(now))
                .query(ProposalRepository::row)
                .list();
    }

    // ---- the workflow doctors' capacity

    /** The capacity of this DOCTOR account's workflow doctor: its own row, else the directory doctor's with its RPPS. */
    Optional<DoctorCapacities.Capacity> capacity(long doctorAccountId, String rpps) {
        return jdbc.sql("""
                        select id, commune_code, departement, capacity, committed, network_member, accepting from doctor_capacity
                         where doctor_account_id = :d or (doctor_account_id is null and rpps = :rpps)
                         order by doctor_account_id nulls last, id limit 1""")
                .param("d", doctorAccountId)
                .param("rpps", rpps)
                .query((rs, i) -> new DoctorCapacities.Capacity(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getInt(4),
                        rs.getInt(5),
                        rs.getBoolean(6),
                        rs.getBoolean(7)))
                .optional();
    }

    Optional<String> rppsOfAccount(long doctorAccountId) {
        return jdbc.sql("select rpps from doctor_capacity where doctor_account_id = :d")
                .param("d", doctorAccountId)
                .query(String.class)
                .optional();
    }

    /** The directory doctor's mirror row (proposals already addressed to it, places committed) becomes this account's. */
    void adoptMirrorRow(long doctorAccountId, String rpps) {
        jdbc.sql("""
                        update doctor_capacity set doctor_account_id = :d
                         where id = (select id from doctor_capacity where rpps = :rpps and doctor_account_id is null order by id limit 1)
                           and not exists (select 1 from doctor_capacity where doctor_account_id = :d)""").param("d", doctorAccountId).param("rpps", rpps).update();
    }

    void upsertCapacity(
            long doctorAccountId,
            String rpps,
            Commune commune,
            double lat,
            double lon,
            int capacity,
            boolean accepting,
            Instant now,
            String email) {
        jdbc.sql("""
                        insert into doctor_capacity (doctor_account_id, rpps, commune_code, departement, lat, lon, capacity, accepting, updated_at, email)
                        values (:d, :rpps, :c, :dep, :lat, :lon, :cap, :accepting, :now, :email)
                        on conflict (doctor_account_id) do update set rpps = coalesce(excluded.rpps, doctor_capacity.rpps),
                            email = coalesce(excluded.email, doctor_capacity.email),
                            commune_code = excluded.commune_code, departement = excluded.departement, lat = excluded.lat,
                            lon = excluded.lon, capacity = excluded.capacity, accepting = excluded.accepting,
                            updated_at = excluded.updated_at""")
                .param("d", doctorAccountId)
                .param("rpps", rpps)
                .param("c", commune.code())
                .param("dep", commune.departement())
                .param("lat", lat)
                .param("lon", lon)
                .param("cap", capacity)
                .param("accepting", accepting)
                .param("now", Timestamp.from(now))
                .param("email", email)
                .update();
    }

    /**
     * Places a doctor has left for a new proposal — capacity, less places committed, less places held by pending
     * proposals — read under a lock of the doctor's row, so that two runs published at once (of the same or of
     * neighbouring départements) never propose more than the places.
     */
    int placesLeftLocked(long doctorId) {
        return jdbc.sql("""
                        select c.capacity - c.committed - coalesce((select sum(p.people) from proposal p
                                                                     where p.doctor_id = c.id and p.status = 'PENDING'), 0)
                          from doctor_capacity c where c.id = :d for update""")
                .param("d", doctorId)
                .query(Integer.class)
                .optional()
                .orElse(0);
    }

    /** Commits places while some are left; false when the doctor is full. */
    boolean commit(long doctorId, int people, Instant now) {
        return jdbc.sql("""
                        update doctor_capacity set committed = committed + :n, updated_at = :now
                         where id = :d and committed + :n <= capacity""")
                        .param("n", people)
                        .param("now", Timestamp.from(now))
                        .param("d", doctorId)
                        .update()
                > 0;
    }

    void release(long doctorId, int people) {
        jdbc.sql("update doctor_capacity set committed = greatest(0, committed - :n) where id = :d")
                .param("n", people)
                .param("d", doctorId)
                .update();
    }

    Optional<String> rppsOf(long doctorId) {
        return jdbc.sql("select rpps from doctor_capacity where id = :d")
                .param("d", doctorId)
                .query(String.class)
                .optional();
    }

    Optional<Long> accountOf(long doctorId) {
        return jdbc.sql("select doctor_account_id from doctor_capacity where id = :d and doctor_account_id is not null")
                .param("d", doctorId)
                .query(Long.class)
                .optional();
    }

    Optional<String> emailOf(long doctorId) {
        return jdbc.sql("select email from doctor_capacity where id = :d and email is not null")
                .param("d", doctorId)
                .query(String.class)
                .optional();
    }

    // ---- the pages' reads (Proposals)

    private static final String VIEW_COLUMNS =
            "p.id, p.household_id, coalesce(p.doctor_account_id, c.doctor_account_id) as doctor_account_id,"
                    + " p.status, p.created_at";
    private static final String VIEW_FROM = " from proposal p left join doctor_capacity c on c.id = p.doctor_id ";

    private static ProposalView view(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new ProposalView(
                rs.getLong("id"),
                rs.getLong("household_id"),
                (Long) rs.getObject("doctor_account_id"),
                rs.getString("status"),
                rs.getTimestamp("created_at").toInstant());
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The proposals addressed to a DOCTOR account (see {@link Proposals#ADDRESSED_TO_ME}), most recent first. */
    List<ProposalView> addressedTo(long doctorAccountId, String rpps) {
        return jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + "where " + Proposals.ADDRESSED_TO_ME
                        + " order by p.created_at desc, p.id desc")
                .param("me", doctorAccountId)
                .param("myRpps", rpps)
                .query(ProposalRepository::view)
                .list();
    }

    /** One proposal; with {@code doctorAccountId}, only if addressed to that doctor. */
    Optional<ProposalView> view(long proposalId, Long doctorAccountId, String rpps) {
        return jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + "where p.id = :id"
                        + (doctorAccountId == null ? "" : " and " + Proposals.ADDRESSED_TO_ME))
                .param("id", proposalId)
                .param("me", doctorAccountId == null ? -1L : doctorAccountId)
                .param("myRpps", rpps)
                .query(ProposalRepository::view)
                .optional();
    }

    /** What a doctor's page shows of a proposal's household beyond its members: people, priority, place, minutes. */
    record SummaryRow(
            int people,
            Integer priority,
            String priorityReasons,
            String destinationCommune,
            String source,
            Double minutes,
            Double doctorLat,
            Double doctorLon) {}

    SummaryRow summary(long proposalId) {
        return jdbc.sql("""
                        select pr.people, e.priority, e.priority_reasons, coalesce(e.destination_commune, ''), e.source,
                               (select l.minutes from matching_run_line l where l.proposal_id = pr.id limit 1),
                               c.lat, c.lon
                          from proposal pr left join waiting_entry e on e.id = pr.waiting_entry_id
                          left join doctor_capacity c on c.id = coalesce(pr.doctor_id,
                              (select c2.id from doctor_capacity c2 where c2.doctor_account_id = pr.doctor_account_id))
                         where pr.id = :id""")
                .param("id", proposalId)
                .query((rs, i) -> new SummaryRow(
                        rs.getInt(1),
                        (Integer) rs.getObject(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getString(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        (Double) rs.getObject(8)))
                .single();
    }

    /** A proposal with its workflow doctor, as the family's page needs it. */
    record WithDoctor(
            long householdId,
            String status,
            String rpps,
            Long accountId,
            String communeCode,
            Double lat,
            Double lon,
            Instant decidedAt,
            Instant declaredAt) {}

    Optional<WithDoctor> withDoctor(long proposalId) {
        return jdbc.sql("""
                        select p.household_id, p.status, c.rpps, coalesce(p.doctor_account_id, c.doctor_account_id), c.commune_code,
                               c.lat, c.lon, p.decided_at, p.declared_at
                          from proposal p left join doctor_capacity c on c.id = p.doctor_id where p.id = :id""")
                .param("id", proposalId)
                .query((rs, i) -> new WithDoctor(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        (Long) rs.getObject(4),
                        rs.getString(5),
                        (Double) rs.getObject(6),
                        (Double) rs.getObject(7),
                        instant(rs.getTimestamp(8)),
                        instant(rs.getTimestamp(9))))
                .optional();
    }

    /** When the family chose the doctor and when the doctor declared it (either may be null). */
    Instant[] decidedAndDeclared(long proposalId) {
        return jdbc.sql("select decided_at, declared_at from proposal where id = :id")
                .param("id", proposalId)
                .query((rs, i) -> new Instant[] {instant(rs.getTimestamp(1)), instant(rs.getTimestamp(2))})
                .single();
    }

    // ---- one capacity per doctor (CapacityFollowsDirectory) and the doctor's dashboard (MatchingWork)

    /** A workflow doctor row of an RPPS: its id, its account (if any) and the places already committed. */
    record Held(long id, Long accountId, int committed) {}

    List<Held> rowsOfRpps(String rpps) {
        return jdbc.sql("select id, doctor_account_id, committed from doctor_capacity where rpps = :r")
                .param("r", rpps)
                .query((rs, i) -> new Held(rs.getLong(1), rs.getObject(2) == null ? null : rs.getLong(2), rs.getInt(3)))
                .list();
    }

    /** Follows the directory: accepting with that many places, or not accepting (no room left, places taken kept). */
    /** Stops proposing the doctors of these RPPS numbers (they left the national directory); returns rows changed. */
    int stopAccepting(java.util.List<String> rpps, Instant now) {
        if (rpps.isEmpty()) {
            return 0;
        }
        return jdbc.sql("update doctor_capacity set accepting = false, capacity = committed, updated_at = :now"
                        + " where rpps in (:rpps) and accepting")
                .param("now", Timestamp.from(now))
                .param("rpps", rpps)
                .update();
    }

    void followAvailability(long doctorId, boolean accepting, int capacity, Instant now) {
        jdbc.sql("""
                        update doctor_capacity set capacity = case when :accepting then :capacity else committed end,
                               accepting = :accepting, updated_at = :now
                         where id = :id""")
                .param("accepting", accepting)
                .param("capacity", capacity)
                .param("now", Timestamp.from(now))
                .param("id", doctorId)
                .update();
    }

    /** Proposals of a DOCTOR account's workflow doctor in this status (and, for ATTACHED, not yet declared if asked). */
    long countForDoctorAccount(long doctorAccountId, ProposalStatus status, boolean undeclaredOnly) {
        return jdbc.sql("select count(*) from proposal p join doctor_capacity c on c.id = p.doctor_id"
                        + " where c.doctor_account_id = :a and p.status = :s"
                        + (undeclaredOnly ? " and p.declared_at is null" : ""))
                .param("a", doctorAccountId)
                .param("s", status.name())
                .query(Long.class)
                .single();
    }

    // ---- the directory's mirror (DoctorRoster) and the engine's inputs (ZoneInputs)

    /** A mirror row to create for an accepting directory doctor reachable by MSSanté. */
    record Mirror(
            String directoryId,
            String rpps,
            String commune,
            double lat,
            double lon,
            int capacity,
            boolean network,
            String email) {}

    /** Creates the mirror rows whose RPPS has none yet; returns how many. */
    int createMirrorRows(String departement, List<Mirror> rows, Instant now) {
        if (rows.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        insert into doctor_capacity (directory_doctor_id, rpps, commune_code, departement, lat, lon, capacity,
                                                     accepting, network_member, email, updated_at)
                        select t.id, t.rpps, t.commune, :dep, t.lat, t.lon, t.cap, true, t.net, t.email, :now
                          from unnest(:ids::text[], :rpps::text[], :communes::text[], :lats::float8[], :lons::float8[], :caps::int[],
                                      :nets::boolean[], :emails::text[])
                               as t (id, rpps, commune, lat, lon, cap, net, email)
                         where not exists (select 1 from doctor_capacity c where c.rpps = t.rpps)
                        on conflict (directory_doctor_id) do nothing""")
                .param("dep", departement)
                .param("now", Timestamp.from(now))
                .param("ids", rows.stream().map(Mirror::directoryId).toArray(String[]::new))
                .param("rpps", rows.stream().map(Mirror::rpps).toArray(String[]::new))
                .param("communes", rows.stream().map(Mirror::commune).toArray(String[]::new))
                .param("lats", rows.stream().mapToDouble(Mirror::lat).toArray())
                .param("lons", rows.stream().mapToDouble(Mirror::lon).toArray())
                .param("caps", rows.stream().mapToInt(Mirror::capacity).toArray())
                .param("nets", booleans(rows.stream().map(Mirror::network).toList()))
                .param("emails", rows.stream().map(Mirror::email).toArray(String[]::new))
                .update();
    }

    /** The directory's availability and the charter of one doctor, for {@link #followDirectory}. */
    record Availability(String rpps, boolean accepting, int capacity, boolean network) {}

    /** Brings every row of the département linked to one of these doctors in line (never below what is committed). */
    int followDirectory(String departement, List<Availability> doctors, Instant now) {
        if (doctors.isEmpty()) {
            return 0;
        }
        return jdbc.sql("""
                        update doctor_capacity c set accepting = t.acc, capacity = greatest(t.cap, c.committed),
                               network_member = t.net, updated_at = :now
                          from unnest(:rpps::text[], :acc::boolean[], :caps::int[], :nets::boolean[]) as t (rpps, acc, cap, net)
                         where c.departement = :dep and c.rpps = t.rpps
                           and (c.accepting, c.capacity, c.network_member) is distinct from (t.acc, greatest(t.cap, c.committed), t.net)""")
                .param("dep", departement)
                .param("now", Timestamp.from(now))
                .param("rpps", doctors.stream().map(Availability::rpps).toArray(String[]::new))
                .param(
                        "acc",
                        booleans(doctors.stream().map(Availability::accepting).toList()))
                .param("caps", doctors.stream().mapToInt(Availability::capacity).toArray())
                .param(
                        "nets",
                        booleans(doctors.stream().map(Availability::network).toList()))
                .update();
    }

    /** Rows of the département whose RPPS is none of these (a practice chosen by the doctor, or no directory doctor). */
    List<Long> otherRows(String departement, java.util.Collection<String> rpps) {
        return jdbc.sql(
                        "select id from doctor_capacity where departement = :d and (rpps is null or rpps <> all(:rpps::text[])) order by id")
                .param("d", departement)
                .param("rpps", rpps.toArray(String[]::new))
                .query(Long.class)
                .list();
    }

    void mirror(long doctorId, boolean accepting, int capacity, boolean network, Instant now) {
        jdbc.sql("""
                        update doctor_capacity set accepting = :a, capacity = greatest(:cap, committed), network_member = :n,
                               updated_at = :now where id = :d""")
                .param("a", accepting)
                .param("cap", capacity)
                .param("n", network)
                .param("now", Timestamp.from(now))
                .param("d", doctorId)
                .update();
    }

    void setNetwork(long doctorId, boolean network) {
        jdbc.sql("update doctor_capacity set network_member = :n where id = :d")
                .param("n", network)
                .param("d", doctorId)
                .update();
    }

    /**
     * A workflow doctor of a zone as the engine reads it: places left (capacity less places committed and places held by
     * pending proposals, which runs of neighbouring départements may have made), accepting, network, place, RPPS.
     */
    record SupplyRow(
            long doctorId,
            int remaining,
            boolean accepting,
            boolean network,
            double lat,
            double lon,
            String communeCode,
            String rpps) {}

    List<SupplyRow> supply(String departement) {
        return jdbc.sql("""
                        select c.id, c.capacity - c.committed - coalesce((select sum(p.people) from proposal p
                                                                           where p.doctor_id = c.id and p.status = 'PENDING'), 0),
                               c.accepting, c.network_member, c.lat, c.lon, c.commune_code, c.rpps
                          from doctor_capacity c where c.departement = :d order by c.id""")
                .param("d", departement)
                .query((rs, i) -> new SupplyRow(
                        rs.getLong(1),
                        rs.getInt(2),
                        rs.getBoolean(3),
                        rs.getBoolean(4),
                        rs.getDouble(5),
                        rs.getDouble(6),
                        rs.getString(7),
                        rs.getString(8)))
                .list();
    }

    /** Workflow doctor id → RPPS, for the doctors of a département with one. */
    java.util.Map<Long, String> rppsOfDepartement(String departement) {
        java.util.Map<Long, String> rpps = new java.util.HashMap<>();
        jdbc.sql("select id, rpps from doctor_capacity where departement = :d and rpps is not null")
                .param("d", departement)
                .query((rs, i) -> rpps.put(rs.getLong(1), rs.getString(2)))
                .list();
        return rpps;
    }

    /** By household id, the doctors never to propose to it again: declined, refused or expired. */
    java.util.Map<Long, java.util.Set<Long>> excludedDoctors() {
        java.util.Map<Long, java.util.Set<Long>> out = new java.util.HashMap<>();
        jdbc.sql("""
                        select household_id, doctor_id from proposal
                         where status in ('DECLINED', 'REFUSED', 'EXPIRED') and doctor_id is not null""")
                .query((rs, i) -> out.computeIfAbsent(rs.getLong(1), h -> new java.util.HashSet<>())
                        .add(rs.getLong(2)))
                .list();
        return out;
    }

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] a = new boolean[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
