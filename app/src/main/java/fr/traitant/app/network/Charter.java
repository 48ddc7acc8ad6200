package fr.traitant.app.network;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.territory.DepartementSummary;
import fr.traitant.app.territory.Territory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** The network's facade: the charter, signatures and the manager's figures. */
@Service
public class Charter {

    private final JdbcClient jdbc;
    private final NetworkDoctors doctors;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Territory territory;
    private final Clock clock;
    private final fr.traitant.app.identity.CurrentUser currentUser;
    private final fr.traitant.app.privacy.AuditTrail auditTrail;

    Charter(
            JdbcClient jdbc,
            NetworkDoctors doctors,
            org.springframework.context.ApplicationEventPublisher events,
            Territory territory,
            Clock clock,
            fr.traitant.app.identity.CurrentUser currentUser,
            fr.traitant.app.privacy.AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.events = events;
        this.territory = territory;
        this.clock = clock;
    }

    /** The latest version of the charter. */
    public CharterVersion currentVersion() {
        return jdbc.sql("select version, title, body, published_at from charter_version order by version desc limit 1")
                .query((rs, i) -> new CharterVersion(
                        rs.getInt(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant()))
                .single();
    }

    /** The doctor's current membership, if they signed and have not withdrawn. */
    public Optional<Membership> membership(String rpps) {
        return jdbc.sql(MEMBER_SELECT + " where m.rpps = ?")
                .param(rpps)
                .query(this::member)
                .optional();
    }

    /** Which of these RPPS numbers belong to current members (one query). */
    public java.util.Set<String> membersAmong(java.util.Collection<String> rpps) {
        if (rpps.isEmpty()) {
            return java.util.Set.of();
        }
        return new java.util.HashSet<>(jdbc.sql("select rpps from charter_member where rpps = any(?)")
                .param(rpps.toArray(String[]::new))
                .query(String.class)
                .list());
    }

    /** The logged-in doctor signs the current version with these commitments. */
    @Transactional
    public Membership sign(String rpps, CharterCommitments commitments) {
        NetworkDoctors.Doctor doctor = activeDoctor(rpps);
        if (membership(rpps).isPresent()) {
            throw new IllegalArgumentException(
                    "Vous avez déjà signé la charte : modifiez vos engagements ou retirez votre signature.");
        }
        insertMember(doctor, commitments, false);
        return membership(rpps).orElseThrow();
    }

    /** A signatory changes their commitments (and accepts the current version). */
    @Transactional
    public Membership update(String rpps, CharterCommitments commitments) {
        Membership m =
                membership(rpps).orElseThrow(() -> new IllegalArgumentException("Vous n'avez pas signé la charte."));
        int version = currentVersion().version();
        Instant now = clock.instant();
        jdbc.sql("""
                update charter_member set version = ?, updated_at = ?, takes_transferred_families = ?,
                       willing_declared_doctor = ?, new_patients_per_year = ? where doctor_id = ?""")
                .params(
                        version,
                        Timestamp.from(now),
                        commitments.takesTransferredFamilies(),
                        commitments.willingDeclaredDoctor(),
                        commitments.newPatientsPerYear(),
                        m.doctorId())
                .update();
        event(m.doctorId(), rpps, "UPDATED", version, now, commitments, null, m.synthetic());
        return membership(rpps).orElseThrow();
    }

    /** A signatory withdraws; the history keeps the signature and the withdrawal. */
    @Transactional
    public void withdraw(String rpps, String reason) {
        Membership m =
                membership(rpps).orElseThrow(() -> new IllegalArgumentException("Vous n'avez pas signé la charte."));
        String why = reason == null ? "" : reason.strip();
        if (why.length() > 500) {
            throw new IllegalArgumentException("Le motif dépasse 500 caractères.");
        }
        jdbc.sql("delete from charter_member where doctor_id = ?")
                .param(m.doctorId())
                .update();
        event(
                m.doctorId(),
                rpps,
                "WITHDRAWN",
                m.version(),
                clock.instant(),
                null,
                why.isEmpty() ? null : why,
                m.synthetic());
        events.publishEvent(new CharterWithdrawn(m.doctorId())); // the directory unmarks its member
    }

    /** Signatories, optionally of one département, newest first. */
    public List<Membership> members(Optional<String> departement, int limit, int offset) {
        if (limit < 1 || limit > 500 || offset < 0) {
            throw new IllegalArgumentException("Pagination invalide (limit 1–500, offset ≥ 0).");
        }
        return departement
                .map(d -> jdbc.sql(MEMBER_SELECT
                                + " where m.departement = ? order by m.signed_at desc, m.doctor_id limit ? offset ?")
                        .params(d, limit, offset))
                .orElseGet(() -> jdbc.sql(MEMBER_SELECT + " order by m.signed_at desc, m.doctor_id limit ? offset ?")
                        .params(limit, offset))
                .query(this::member)
                .list();
    }

    /** The columns the signatories may be sorted on. */
    static final java.util.Map<String, String> SORTABLE = java.util.Map.of(
            "signature",
            "m.signed_at",
            "rpps",
            "m.rpps",
            "commune",
            "m.commune_code",
            "patients",
            "m.new_patients_per_year");

    /** One page of the signatories, optionally of one département, newest first unless another order is asked. */
    public fr.traitant.app.platform.ListPage<Membership> members(
            Optional<String> departement, fr.traitant.app.platform.ListRequest request, int size) {
        return members(new MemberSearch.Filter(departement.orElse(null), null, null, null, false), request, size);
    }

    /** One page of the signatories matching the filter, newest first unless another order is asked. */
    public fr.traitant.app.platform.ListPage<Membership> members(
            MemberSearch.Filter filter, fr.traitant.app.platform.ListRequest request, int size) {
        String where = " where (cast(:d as text) is null or m.departement = :d)"
                + " and (cast(:c as text) is null or m.commune_code = :c)"
                + " and m.new_patients_per_year >= :n"
                + " and (cast(:since as date) is null"
                + " or m.signed_at >= (cast(:since as date)::timestamp at time zone 'Europe/Paris'))"
                + " and (not :t or m.takes_transferred_families)";
        return request.select(
                jdbc,
                MEMBER_COLUMNS,
                "charter_member m" + where,
                request.orderBy(SORTABLE, "signature", true, "m.doctor_id"),
                size,
                sql -> sql.param("d", filter.departement())
                        .param("c", filter.commune())
                        .param("n", filter.minPatients() == null ? 0 : filter.minPatients())
                        .param("since", filter.since())
                        .param("t", filter.transferredOnly()),
                this::member);
    }

    /** Every signatory's position, for the map. */
    public List<MemberPoint> points() {
        return jdbc.sql("select lat, lon, departement, synthetic from charter_member order by doctor_id")
                .query((rs, i) -> new MemberPoint(rs.getDouble(1), rs.getDouble(2), rs.getString(3), rs.getBoolean(4)))
                .list();
    }

    /** Every signatory's commune and committed places, by doctor id (no name). */
    public List<MemberPlaces> places() {
        return jdbc.sql("select doctor_id, commune_code, new_patients_per_year from charter_member order by doctor_id")
                .query((rs, i) -> new MemberPlaces(rs.getString(1), rs.getString(2), rs.getInt(3)))
                .list();
    }

    /** Number of current signatories. */
    public int memberCount() {
        return jdbc.sql("select count(*) from charter_member")
                .query(Integer.class)
                .single();
    }

    /** Whether any signature is synthetic (demo). */
    public boolean anySynthetic() {
        return jdbc.sql("select exists (select 1 from charter_member where synthetic)")
                .query(Boolean.class)
                .single();
    }

    /** The charter history of a doctor (by directory id), oldest first. */
    public List<CharterEvent> history(String doctorId) {
        return jdbc.sql(EVENT_SELECT + " where doctor_id = ? order by at, id")
                .param(doctorId)
                .query(Charter::event)
                .list();
    }

    /** Recent events of the whole network, newest first. */
    public List<CharterEvent> recentEvents(int limit) {
        return jdbc.sql(EVENT_SELECT + " order by at desc, id desc limit ?")
                .param(limit)
                .query(Charter::event)
                .list();
    }

    private static final String EVENT_SELECT = """
            select id, doctor_id, rpps, kind, version, at, takes_transferred_families, willing_declared_doctor,
                   new_patients_per_year, coalesce(reason, ''), synthetic from charter_event""";

    /** A charter event from a row of {@link #EVENT_SELECT}. */
    private static CharterEvent event(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new CharterEvent(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getTimestamp(6).toInstant(),
                rs.getObject(9) == null
                        ? Optional.empty()
                        : Optional.of(new CharterCommitments(rs.getBoolean(7), rs.getBoolean(8), rs.getInt(9))),
                rs.getString(10),
                rs.getBoolean(11));
    }

    /** Signatories per département (every département listed, zero included), by code. */
    public List<DepartementCount> countsByDepartement() {
        Map<String, long[]> counts = jdbc
                .sql("""
                select departement, count(*), sum(new_patients_per_year) from charter_member group by departement""")
                .query((rs, i) -> Map.entry(rs.getString(1), new long[] {rs.getLong(2), rs.getLong(3)}))
                .list()
                .stream()
                .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue));
        return territory.departements().stream()
                .map(d -> new DepartementCount(
                        d.code(),
                        d.name(),
                        (int) counts.getOrDefault(d.code(), new long[2])[0],
                        counts.getOrDefault(d.code(), new long[2])[1]))
                .toList();
    }

    /** Signs for a synthetic doctor of the demo network (labelled synthetic); false if not possible. */
    @Transactional
    boolean signSynthetic(String doctorId, CharterCommitments commitments, Instant at) {
        NetworkDoctors.Doctor doctor =
                doctors.find(doctorId).filter(NetworkDoctors.Doctor::active).orElse(null);
        if (doctor == null
                || doctor.rpps().isEmpty()
                || !doctor.synthetic()
                || membership(doctor.rpps().get()).isPresent()) {
            return false;
        }
        insertMember(doctor, commitments, true, at);
        return true;
    }

    private void insertMember(NetworkDoctors.Doctor doctor, CharterCommitments c, boolean synthetic) {
        insertMember(doctor, c, synthetic, clock.instant());
    }

    private void insertMember(NetworkDoctors.Doctor doctor, CharterCommitments c, boolean synthetic, Instant at) {
        insertMember(doctor, c, synthetic, at, "ONLINE", null);
    }

    /** Records a signature of the current version (and its event), then tells the directory ({@link CharterSigned}). */
    void insertMember(
            NetworkDoctors.Doctor doctor,
            CharterCommitments c,
            boolean synthetic,
            Instant at,
            String channel,
            @Nullable String reference) {
        int version = currentVersion().version();
        String departement = territory.getCommune(doctor.communeCode()).departement();
        String rpps = doctor.rpps().orElseThrow();
        jdbc.sql("""
                insert into charter_member (doctor_id, rpps, version, signed_at, updated_at, takes_transferred_families,
                       willing_declared_doctor, new_patients_per_year, commune_code, departement, lat, lon, synthetic, channel,
                       paper_reference)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(
                        doctor.id(),
                        rpps,
                        version,
                        Timestamp.from(at),
                        Timestamp.from(at),
                        c.takesTransferredFamilies(),
                        c.willingDeclaredDoctor(),
                        c.newPatientsPerYear(),
                        doctor.communeCode(),
                        departement,
                        doctor.lat(),
                        doctor.lon(),
                        synthetic,
                        channel)
                .param(reference)
                .update();
        event(doctor.id(), rpps, "SIGNED", version, at, c, null, synthetic, channel, reference);
        events.publishEvent(new CharterSigned(doctor.id(), rpps)); // the directory marks its member
    }

    private void event(
            String doctorId,
            String rpps,
            String kind,
            int version,
            Instant at,
            @Nullable CharterCommitments c,
            @Nullable String reason,
            boolean synthetic) {
        event(doctorId, rpps, kind, version, at, c, reason, synthetic, "ONLINE", null);
    }

    private void event(
            String doctorId,
            String rpps,
            String kind,
            int version,
            Instant at,
            @Nullable CharterCommitments c,
            @Nullable String reason,
            boolean synthetic,
            String channel,
            @Nullable String reference) {
        jdbc.sql("""
                insert into charter_event (doctor_id, rpps, kind, version, at, takes_transferred_families, willing_declared_doctor,
                       new_patients_per_year, reason, synthetic, channel, paper_reference, recorded_by)
                values (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .param(doctorId)
                .param(rpps)
                .param(kind)
                .param(version)
                .param(Timestamp.from(at))
                .param(c == null ? null : c.takesTransferredFamilies())
                .param(c == null ? null : c.willingDeclaredDoctor())
                .param(c == null ? null : c.newPatientsPerYear())
                .param(reason)
                .param(synthetic)
                .param(channel)
                .param(reference)
                .param(currentUser
                        .find()
                        .map(fr.traitant.app.identity.SignedInUser::username)
                        .orElse(null))
                .update();
    }

    private NetworkDoctors.Doctor activeDoctor(String rpps) {
        return doctors.findByRpps(rpps)
                .filter(NetworkDoctors.Doctor::active)
                .orElseThrow(() ->
                        new NotFoundException("Aucun médecin actif de l'annuaire n'a le numéro RPPS " + rpps + "."));
    }

    private static final String MEMBER_COLUMNS = """
            m.doctor_id, m.rpps, m.version, m.signed_at, m.updated_at, m.takes_transferred_families,
                   m.willing_declared_doctor, m.new_patients_per_year, m.commune_code, m.departement, m.lat, m.lon, m.synthetic""";

    private static final String MEMBER_SELECT = "select " + MEMBER_COLUMNS + " from charter_member m";

    private Membership member(ResultSet rs, int i) throws SQLException {
        String doctorId = rs.getString(1);
        String name =
                doctors.find(doctorId).map(NetworkDoctors.Doctor::displayName).orElse(doctorId);
        return new Membership(
                doctorId,
                rs.getString(2),
                name,
                rs.getInt(3),
                rs.getTimestamp(4).toInstant(),
                rs.getTimestamp(5).toInstant(),
                new CharterCommitments(rs.getBoolean(6), rs.getBoolean(7), rs.getInt(8)),
                rs.getString(9),
                rs.getString(10),
                rs.getDouble(11),
                rs.getDouble(12),
                rs.getBoolean(13));
    }

    static Map<String, DepartementSummary> departementsByCode(Territory territory) {
        return territory.departements().stream()
                .collect(Collectors.toMap(DepartementSummary::code, Function.identity()));
    }
}
