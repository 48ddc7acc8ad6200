package fr.traitant.app.cases;

import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import java.sql.Array;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL for cases, their journal, persons and notifications. */
@Repository
class CaseRepository {

    static final String COLUMNS = """
            id, reference, kind, channel, motive, vulnerabilities, household_id, submitted_by, requester_name,
            requester_email, requester_phone, commune_code, summary, assignee_account_id, assignee_name, priority,
            status, waiting_for, outcome, closing_note, received_at, due_on, closed_at, proposal_id, doctor_account_id,
            doctor_name, satisfaction_score, satisfaction_comment, synthetic, version""";

    /** Filters of the agents' list. */
    enum Scope {
        MINE,
        UNASSIGNED,
        OPEN,
        OVERDUE,
        ALL
    }

    private final JdbcClient jdbc;

    CaseRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    String nextReference(CaseKind kind, int year) {
        long n = jdbc.sql("select nextval('case_reference_seq')")
                .query(Long.class)
                .single();
        return "%s-%04d-%06d".formatted(kind.prefix(), year, n % 1_000_000);
    }

    long insert(
            NewCase c,
            String reference,
            @Nullable Long submittedBy,
            Instant receivedAt,
            LocalDate dueOn,
            boolean synthetic) {
        return jdbc.sql("""
                        insert into case_file (reference, kind, channel, motive, vulnerabilities, household_id, submitted_by,
                               requester_name, requester_email, requester_phone, commune_code, summary, priority,
                               received_at, due_on, synthetic)
                        values (:reference, :kind, :channel, :motive, string_to_array(:vulnerabilities, ','), :household,
                                :submittedBy, :name, :email, :phone, :commune, :summary, :priority, :receivedAt, :dueOn, :synthetic)
                        returning id""")
                .param("reference", reference)
                .param("kind", c.kind().name())
                .param("channel", c.channel().name())
                .param("motive", c.motive().name())
                .param(
                        "vulnerabilities",
                        String.join(
                                ",",
                                c.vulnerabilities().stream()
                                        .map(Enum::name)
                                        .sorted()
                                        .toList()))
                .param("household", c.householdId())
                .param("submittedBy", submittedBy)
                .param("name", c.requesterName())
                .param("email", c.email() == null ? null : c.email().value())
                .param("phone", c.phone() == null ? null : c.phone().e164())
                .param("commune", c.commune() == null ? null : c.commune().value())
                .param("summary", c.summary())
                .param("priority", c.priority().name())
                .param("receivedAt", Timestamp.from(receivedAt))
                .param("dueOn", dueOn)
                .param("synthetic", synthetic)
                .query(Long.class)
                .single();
    }

    void addPerson(long caseId, String personRef) {
        jdbc.sql("insert into case_person (case_id, person_ref) values (:c, :p) on conflict do nothing")
                .param("c", caseId)
                .param("p", personRef)
                .update();
    }

    List<String> persons(long caseId) {
        return jdbc.sql("select person_ref from case_person where case_id = :c order by person_ref")
                .param("c", caseId)
                .query((rs, i) -> rs.getString(1))
                .list();
    }

    Optional<CaseView> find(long id) {
        return jdbc.sql("select " + COLUMNS + " from case_file where id = :id")
                .param("id", id)
                .query(CaseRepository::map)
                .optional();
    }

    /** The open cases of a household with this motive, to show (no lock). */
    List<CaseView> openForHouseholdToShow(long householdId, Motive motive) {
        return jdbc.sql("select " + COLUMNS
                        + " from case_file where household_id = :h and motive = :m and status <> 'CLOSED' order by id")
                .param("h", householdId)
                .param("m", motive.name())
                .query(CaseRepository::map)
                .list();
    }

    /** The open cases of a household with this motive, locked for a change. */
    List<CaseView> openForHousehold(long householdId, Motive motive) {
        return jdbc.sql("select " + COLUMNS
                        + " from case_file where household_id = :h and motive = :m and status <> 'CLOSED'"
                        + " order by id for update")
                .param("h", householdId)
                .param("m", motive.name())
                .query(CaseRepository::map)
                .list();
    }

    /** Locks the row for a change (two agents acting at once cannot both move the same state). */
    Optional<CaseView> lock(long id) {
        return jdbc.sql("select " + COLUMNS + " from case_file where id = :id for update")
                .param("id", id)
                .query(CaseRepository::map)
                .optional();
    }

    Optional<Integer> versionIfSubmittedBy(long id, long accountId) {
        return jdbc.sql("select version from case_file where id = :id and submitted_by = :a")
                .param("id", id)
                .param("a", accountId)
                .query(Integer.class)
                .optional();
    }

    void moveTo(
            long id,
            CaseStatus status,
            @Nullable String waitingFor,
            @Nullable Outcome outcome,
            @Nullable String closingNote,
            @Nullable Instant closedAt) {
        jdbc.sql("""
                        update case_file set status = :status, waiting_for = :waiting, outcome = :outcome, closing_note = :note,
                               closed_at = :closedAt, version = version + 1 where id = :id""")
                .param("status", status.name())
                .param("waiting", waitingFor)
                .param("outcome", outcome == null ? null : outcome.name())
                .param("note", closingNote)
                .param("closedAt", closedAt == null ? null : Timestamp.from(closedAt))
                .param("id", id)
                .update();
    }

    void assign(long id, @Nullable Long accountId, @Nullable String name) {
        jdbc.sql(
                        "update case_file set assignee_account_id = :a, assignee_name = :n, version = version + 1 where id = :id")
                .param("a", accountId)
                .param("n", name)
                .param("id", id)
                .update();
    }

    void setPriority(long id, Priority priority, LocalDate dueOn) {
        jdbc.sql("update case_file set priority = :p, due_on = :d where id = :id")
                .param("p", priority.name())
                .param("d", dueOn)
                .param("id", id)
                .update();
    }

    void linkProposal(long id, @Nullable Long proposalId, @Nullable Long doctorAccountId, @Nullable String doctorName) {
        jdbc.sql("""
                        update case_file set proposal_id = :p, doctor_account_id = :d, doctor_name = :n, version = version + 1
                        where id = :id""")
                .param("p", proposalId)
                .param("d", doctorAccountId)
                .param("n", doctorName)
                .param("id", id)
                .update();
    }

    void satisfaction(long id, int score, @Nullable String comment, Instant at) {
        jdbc.sql("""
                        update case_file set satisfaction_score = :s, satisfaction_comment = :c, satisfaction_at = :at,
                               version = version + 1 where id = :id""")
                .param("s", score)
                .param("c", comment)
                .param("at", Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void journal(
            long caseId, String author, @Nullable Long authorAccountId, JournalKind kind, String text, Instant at) {
        jdbc.sql("""
                        insert into case_journal (case_id, occurred_at, author, author_account_id, kind, text)
                        values (:c, :at, :author, :authorId, :kind, :text)""")
                .param("c", caseId)
                .param("at", Timestamp.from(at))
                .param("author", author)
                .param("authorId", authorAccountId)
                .param("kind", kind.name())
                .param("text", text)
                .update();
    }

    List<JournalEntry> journal(long caseId) {
        return jdbc.sql(
                        "select id, occurred_at, author, kind, text from case_journal where case_id = :c order by occurred_at, id")
                .param("c", caseId)
                .query((rs, n) -> new JournalEntry(
                        rs.getLong("id"),
                        rs.getTimestamp("occurred_at").toInstant(),
                        rs.getString("author"),
                        JournalKind.valueOf(rs.getString("kind")),
                        rs.getString("text")))
                .list();
    }

    List<CaseView> submittedBy(long accountId) {
        return jdbc.sql("select " + COLUMNS
                        + " from case_file where submitted_by = :a order by received_at desc, id desc")
                .param("a", accountId)
                .query(CaseRepository::map)
                .list();
    }

    /**
     * The agents' list of one kind: a scope and an optional search text (reference, requester name, commune code),
     * overdue first, then by due date.
     */
    /** The columns an agent may sort the list on (key in the address → SQL); the default puts overdue cases first. */
    static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "echeance", "(status <> 'CLOSED' and due_on < :today) desc, status = 'CLOSED', due_on",
            "reference", "reference",
            "demandeur", "lower(requester_name)",
            "priorite", "case when priority = 'URGENT' then 0 when priority = 'HIGH' then 1 else 2 end",
            "recu", "received_at");

    ListPage<CaseView> list(
            CaseKind kind, Scope scope, long agentAccountId, String text, LocalDate today, ListRequest request) {
        return list(kind, scope, agentAccountId, text, today, request, ListRequest.SIZE);
    }

    ListPage<CaseView> list(
            CaseKind kind,
            Scope scope,
            long agentAccountId,
            String text,
            LocalDate today,
            ListRequest request,
            int size) {
        StringBuilder where = new StringBuilder("kind = :kind and not synthetic");
        switch (scope) {
            case MINE -> where.append(" and status <> 'CLOSED' and assignee_account_id = :agent");
            case UNASSIGNED -> where.append(" and status <> 'CLOSED' and assignee_account_id is null");
            case OPEN -> where.append(" and status <> 'CLOSED'");
            case OVERDUE -> where.append(" and status <> 'CLOSED' and due_on < :today");
            case ALL -> {}
        }
        String q = text == null ? "" : text.strip();
        if (!q.isEmpty()) {
            where.append(" and (upper(reference) = upper(:q) or requester_name ilike :like or commune_code = :q)");
        }
        java.util.Map<String, Object> params = new java.util.HashMap<>();
        params.put("kind", kind.name());
        params.put("agent", agentAccountId);
        params.put("today", today);
        params.put("q", q);
        params.put("like", "%" + q.replace("\\", "\\\\").replace("%", "\\%").replace("_", "\\_") + "%");
        return request.select(
                jdbc,
                COLUMNS,
                "case_file where " + where,
                request.orderBy(SORTABLE, "echeance", false, "id"),
                size,
                sql -> sql.params(params),
                CaseRepository::map);
    }

    /** Open cases per assignee (null = unassigned): open, overdue, waiting for a third party. */
    record Load(Long assigneeAccountId, String assigneeName, int open, int overdue, int waiting, int urgent) {}

    List<Load> workload(CaseKind kind, LocalDate today) {
        return jdbc.sql("""
                        select assignee_account_id, max(assignee_name) as name, count(*) as open,
                               count(*) filter (where due_on < :today) as overdue,
                               count(*) filter (where status = 'WAITING_THIRD_PARTY') as waiting,
                               count(*) filter (where priority = 'URGENT') as urgent
                          from case_file where kind = :kind and status <> 'CLOSED' and not synthetic
                         group by assignee_account_id order by assignee_account_id nulls first""")
                .param("kind", kind.name())
                .param("today", today)
                .query((rs, n) -> new Load(
                        (Long) rs.getObject("assignee_account_id"),
                        rs.getString("name"),
                        rs.getInt("open"),
                        rs.getInt("overdue"),
                        rs.getInt("waiting"),
                        rs.getInt("urgent")))
                .list();
    }

    /** The facts the indicators need, for cases received or closed between the two instants. */
    List<CaseIndicators.Facts> facts(Instant from, Instant to) {
        return jdbc.sql("""
                        select kind, motive, channel, received_at, closed_at, satisfaction_score from case_file
                         where (received_at >= :from and received_at < :to) or (closed_at >= :from and closed_at < :to)""")
                .param("from", Timestamp.from(from))
                .param("to", Timestamp.from(to))
                .query((rs, n) -> new CaseIndicators.Facts(
                        CaseKind.valueOf(rs.getString("kind")),
                        Motive.valueOf(rs.getString("motive")),
                        Channel.valueOf(rs.getString("channel")),
                        rs.getTimestamp("received_at").toInstant(),
                        rs.getTimestamp("closed_at") == null
                                ? null
                                : rs.getTimestamp("closed_at").toInstant(),
                        (Integer) rs.getObject("satisfaction_score")))
                .list();
    }

    /** The latest calendar year before {@code year} in which cases were received (Paris time), if any. */
    Optional<Integer> latestYearBefore(int year) {
        int latest = jdbc.sql("""
                        select coalesce(max(extract(year from received_at at time zone 'Europe/Paris'))::int, 0) from case_file
                         where received_at < make_timestamptz(:year, 1, 1, 0, 0, 0, 'Europe/Paris')""").param("year", year).query(Integer.class).single();
        return latest == 0 ? Optional.empty() : Optional.of(latest);
    }

    boolean anySynthetic() {
        return jdbc.sql("select exists (select 1 from case_file where synthetic)")
                .query(Boolean.class)
                .single();
    }

    /** The synthetic history (no person behind it), written in one go. */
    void insertSynthetic(SyntheticCaseHistory.SyntheticCase c, String reference) {
        jdbc.sql("""
                        insert into case_file (reference, kind, channel, motive, requester_name, summary, priority, status,
                               outcome, received_at, due_on, closed_at, satisfaction_score, assignee_name, synthetic)
                        values (:reference, :kind, :channel, :motive, 'Demandeur synthétique', :summary, :priority, 'CLOSED',
                                :outcome, :receivedAt, :dueOn, :closedAt, :score, :assignee, true)""")
                .param("reference", reference)
                .param("kind", c.kind().name())
                .param("channel", c.channel().name())
                .param("motive", c.motive().name())
                .param(
                        "summary",
                        "Dossier synthétique (démonstration) — " + c.motive().label())
                .param("priority", Priority.NORMAL.name())
                .param("outcome", c.outcome().name())
                .param("receivedAt", Timestamp.from(c.receivedAt()))
                .param(
                        "dueOn",
                        c.receivedAt().atZone(CaseView.PARIS).toLocalDate().plusDays(30))
                .param("closedAt", Timestamp.from(c.closedAt()))
                .param("score", c.satisfaction())
                .param("assignee", c.assignee())
                .update();
    }

    // privacy

    List<CaseView> ofPerson(String personRef) {
        return jdbc.sql(
                        "select " + COLUMNS
                                + " from case_file where id in (select case_id from case_person where person_ref = :p) order by id")
                .param("p", personRef)
                .query(CaseRepository::map)
                .list();
    }

    List<CaseView> closedBefore(Instant cutoff) {
        return jdbc.sql("select " + COLUMNS + " from case_file where closed_at < :cutoff order by id")
                .param("cutoff", Timestamp.from(cutoff))
                .query(CaseRepository::map)
                .list();
    }

    int delete(long id) {
        return jdbc.sql("delete from case_file where id = :id").param("id", id).update();
    }

    private static CaseView map(ResultSet rs, int n) throws SQLException {
        Array array = rs.getArray("vulnerabilities");
        List<CaseSituation> vulnerabilities = new ArrayList<>();
        if (array != null) {
            Arrays.stream((String[]) array.getArray())
                    .map(CaseSituation::valueOf)
                    .sorted()
                    .forEach(vulnerabilities::add);
        }
        Timestamp closed = rs.getTimestamp("closed_at");
        String outcome = rs.getString("outcome");
        return new CaseView(
                rs.getLong("id"),
                rs.getString("reference"),
                CaseKind.valueOf(rs.getString("kind")),
                Channel.valueOf(rs.getString("channel")),
                Motive.valueOf(rs.getString("motive")),
                vulnerabilities,
                (Long) rs.getObject("household_id"),
                (Long) rs.getObject("submitted_by"),
                rs.getString("requester_name"),
                rs.getString("requester_email"),
                rs.getString("requester_phone"),
                rs.getString("commune_code"),
                rs.getString("summary"),
                (Long) rs.getObject("assignee_account_id"),
                rs.getString("assignee_name"),
                Priority.valueOf(rs.getString("priority")),
                CaseStatus.valueOf(rs.getString("status")),
                rs.getString("waiting_for"),
                outcome == null ? null : Outcome.valueOf(outcome),
                rs.getString("closing_note"),
                rs.getTimestamp("received_at").toInstant(),
                rs.getDate("due_on").toLocalDate(),
                closed == null ? null : closed.toInstant(),
                (Long) rs.getObject("proposal_id"),
                (Long) rs.getObject("doctor_account_id"),
                rs.getString("doctor_name"),
                (Integer) rs.getObject("satisfaction_score"),
                rs.getString("satisfaction_comment"),
                rs.getBoolean("synthetic"),
                rs.getInt("version"));
    }
}
