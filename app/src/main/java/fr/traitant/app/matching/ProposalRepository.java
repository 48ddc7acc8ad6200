package fr.traitant.app.matching;

import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the proposals ({@code proposal}), in one place (issue 13, point 5); the workflow doctors' capacity is
 * {@link CapacityRepository}'s. {@link ProposalWorkflow} decides; this class reads and writes, with the conditional
 * updates that keep the invariants under concurrency (a status moves only from the one read).
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

    private static ProposalRow row(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        Timestamp deadline = rs.getTimestamp("deadline");
        return new ProposalRow(
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

    Optional<ProposalRow> find(long proposalId) {
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
        return jdbc.sql("select id from proposal where household_id = :h and status = 'ATTACHED' and ended_at is null")
                .param("h", householdId)
                .query(Long.class)
                .optional();
    }

    /** Ends a household's current attachment (the family moved away, the doctor left): it may choose again. */
    Optional<Long> endAttachment(long householdId, Instant now) {
        return jdbc.sql(
                        "update proposal set ended_at = :now where household_id = :h and status = 'ATTACHED' and ended_at is null returning doctor_id")
                .param("now", Timestamp.from(now))
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
    boolean addressedTo(long proposalId, long doctorAccountId, @Nullable String rpps) {
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
    List<ProposalRow> declarationsDue(Instant limit) {
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
    List<ProposalRow> overdue(Instant now) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from proposal where status in ('PENDING', 'ACCEPTED') and deadline < :now for update skip locked")
                .param("now", Timestamp.from(now))
                .query(ProposalRepository::row)
                .list();
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

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }

    /** The proposals addressed to a DOCTOR account (see {@link Proposals#ADDRESSED_TO_ME}), most recent first. */
    List<ProposalView> addressedTo(long doctorAccountId, @Nullable String rpps) {
        return jdbc.sql("select " + VIEW_COLUMNS + VIEW_FROM + "where " + Proposals.ADDRESSED_TO_ME
                        + " order by p.created_at desc, p.id desc")
                .param("me", doctorAccountId)
                .param("myRpps", rpps)
                .query(ProposalRepository::view)
                .list();
    }

    /** One proposal; with {@code doctorAccountId}, only if addressed to that doctor. */
    Optional<ProposalView> view(long proposalId, @Nullable Long doctorAccountId, @Nullable String rpps) {
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
            @Nullable String rpps,
            @Nullable Long accountId,
            @Nullable String communeCode,
            @Nullable Double lat,
            @Nullable Double lon,
            @Nullable Instant decidedAt,
            @Nullable Instant declaredAt) {}

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
}
