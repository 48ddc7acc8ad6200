package fr.traitant.app.members;

import fr.traitant.app.platform.values.Nir;
import fr.traitant.app.platform.values.PhoneNumber;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class HouseholdRepository {

    record HouseholdRow(
            long id,
            String label,
            @Nullable String communeCode,
            @Nullable Instant closedAt,
            @Nullable Double lat,
            @Nullable Double lon) {
        HouseholdRow(long id, String label, @Nullable String communeCode, @Nullable Instant closedAt) {
            this(id, label, communeCode, closedAt, null, null);
        }
    }

    record MemberRow(
            long id,
            long householdId,
            String firstName,
            String lastName,
            @Nullable LocalDate birthDate,
            @Nullable String nir,
            @Nullable String email,
            @Nullable String phone,
            MemberCategory category,
            @Nullable LongTermCondition longTermCondition,
            List<Vulnerability> vulnerabilities,
            boolean hasDeclaredDoctor,
            boolean consentToContact,
            @Nullable String declaredDoctorRpps) {
        /** Never the NIR, e-mail or phone in clear (a record's default toString would print them). */
        @Override
        public String toString() {
            return "MemberRow[" + id + ", household " + householdId + "]";
        }

        MemberView view() {
            return new MemberView(
                    id,
                    firstName,
                    lastName,
                    birthDate,
                    nir == null ? null : Nir.of(nir).masked(),
                    email,
                    phone == null ? null : new PhoneNumber(phone).national(),
                    category,
                    longTermCondition,
                    vulnerabilities,
                    hasDeclaredDoctor,
                    consentToContact);
        }
    }

    private static final String MEMBER_COLUMNS = """
            id, household_id, first_name, last_name, birth_date, nir, email, phone, category, long_term_condition,
            vulnerabilities, has_declared_doctor, consent_to_contact, declared_doctor_rpps""";
    private final JdbcClient jdbc;

    private final fr.traitant.app.territory.Territory territory;

    HouseholdRepository(JdbcClient jdbc, fr.traitant.app.territory.Territory territory) {
        this.jdbc = jdbc;
        this.territory = territory;
    }

    long insertHousehold(String label, @Nullable String communeCode) {
        return jdbc.sql("insert into household (label, commune_code) values (:label, :commune) returning id")
                .param("label", label)
                .param("commune", communeCode)
                .query(Long.class)
                .single();
    }

    long insertMember(long householdId, NewMember m) {
        return jdbc.sql("""
                        insert into member (household_id, first_name, last_name, birth_date, nir, email, phone)
                        values (:household, :first, :last, :birth, :nir, :email, :phone) returning id""")
                .param("household", householdId)
                .param("first", m.firstName())
                .param("last", m.lastName())
                .param("birth", m.birthDate())
                .param("nir", m.nir() == null ? null : m.nir().value())
                .param("email", m.email() == null ? null : m.email().value())
                .param("phone", m.phone() == null ? null : m.phone().e164())
                .query(Long.class)
                .single();
    }

    void link(long householdId, long accountId) {
        jdbc.sql("insert into household_account (household_id, account_id) values (:h, :a) on conflict do nothing")
                .param("h", householdId)
                .param("a", accountId)
                .update();
    }

    boolean isLinked(long householdId, long accountId) {
        return jdbc.sql("select exists (select 1 from household_account where household_id = :h and account_id = :a)")
                .param("h", householdId)
                .param("a", accountId)
                .query(Boolean.class)
                .single();
    }

    List<Long> accountsOf(long householdId) {
        return jdbc.sql("select account_id from household_account where household_id = :h order by account_id")
                .param("h", householdId)
                .query((rs, i) -> rs.getLong(1))
                .list();
    }

    List<Long> householdsOf(long accountId) {
        return jdbc.sql("select household_id from household_account where account_id = :a order by household_id")
                .param("a", accountId)
                .query((rs, i) -> rs.getLong(1))
                .list();
    }

    Optional<HouseholdRow> findHousehold(long id) {
        return jdbc.sql("select id, label, commune_code, closed_at, lat, lon from household where id = :id")
                .param("id", id)
                .query((rs, n) -> new HouseholdRow(
                        rs.getLong("id"),
                        rs.getString("label"),
                        rs.getString("commune_code"),
                        rs.getTimestamp("closed_at") == null
                                ? null
                                : rs.getTimestamp("closed_at").toInstant(),
                        (Double) rs.getObject("lat"),
                        (Double) rs.getObject("lon")))
                .optional();
    }

    List<MemberRow> members(long householdId) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from member where household_id = :h order by id")
                .param("h", householdId)
                .query(HouseholdRepository::member)
                .list();
    }

    /** (household id, member id) of the members of these households, by household then member id. */
    List<long[]> memberIds(java.util.Collection<Long> householdIds) {
        if (householdIds.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select household_id, id from member where household_id = any (?) order by household_id, id")
                .param(householdIds.toArray(Long[]::new))
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .list();
    }

    Optional<MemberRow> findMember(long id) {
        return jdbc.sql("select " + MEMBER_COLUMNS + " from member where id = :id")
                .param("id", id)
                .query(HouseholdRepository::member)
                .optional();
    }

    List<MemberRow> searchMembers(String query, @Nullable String nir) {
        return jdbc.sql("select " + MEMBER_COLUMNS + """
                         from member
                        where lower(last_name) = lower(:q) or lower(first_name || ' ' || last_name) = lower(:q)
                           or lower(email) = lower(:q) or nir = :nir
                        order by id limit 50""")
                .param("q", query)
                .param("nir", nir == null ? "" : nir)
                .query(HouseholdRepository::member)
                .list();
    }

    void updateMember(long id, String column, Object value) {
        if (!List.of("first_name", "last_name", "birth_date", "email", "phone").contains(column)) {
            throw new IllegalArgumentException(column);
        }
        jdbc.sql("update member set " + column + " = :v where id = :id")
                .param("v", value)
                .param("id", id)
                .update();
    }

    Optional<Long> findByReferences(String householdRef, String memberRef) {
        return jdbc.sql("""
                        select h.id from household h join member m on m.household_id = h.id
                         where h.external_ref = :h and m.external_ref = :m""")
                .param("h", householdRef)
                .param("m", memberRef)
                .query(Long.class)
                .optional();
    }

    long countAldMembersWithoutDoctor() {
        return jdbc.sql("""
                select count(*) from member m join household h on h.id = m.household_id
                 where m.long_term_condition is not null and not m.has_declared_doctor and h.closed_at is null and h.commune_code is not null""").query(Long.class).single();
    }

    private static final String ALD_MEMBER_SELECT = """
            select m.id, m.household_id, m.first_name || ' ' || m.last_name, h.label, h.commune_code,
                   case when m.consent_to_contact then m.email end, m.synthetic
              from member m join household h on h.id = m.household_id
             where h.commune_code is not null and m.long_term_condition is not null and not m.has_declared_doctor and h.closed_at is null""";

    /**
     * A member in ALD without a doctor; the département comes from the territory (not from its tables). A household
     * whose commune the territory does not know has no département: none is returned for it, as before.
     */
    private java.util.Optional<Households.AldMember> aldMember(java.sql.ResultSet rs, int i)
            throws java.sql.SQLException {
        String commune = rs.getString(5);
        fr.traitant.engine.territory.Communes communes = territory.engineCommunes();
        java.util.OptionalInt at = communes.findIndex(commune);
        if (at.isEmpty()) return java.util.Optional.empty();
        return java.util.Optional.of(new Households.AldMember(
                rs.getLong(1),
                rs.getLong(2),
                rs.getString(3),
                rs.getString(4),
                commune,
                communes.get(at.getAsInt()).departement(),
                java.util.Optional.ofNullable(rs.getString(6)),
                rs.getBoolean(7)));
    }

    List<Households.AldMember> aldMembersWithoutDoctor(java.util.Collection<Long> ids) {
        return jdbc
                .sql(ALD_MEMBER_SELECT + " and m.id in (:ids) order by m.id")
                .param("ids", ids)
                .query(this::aldMember)
                .list()
                .stream()
                .flatMap(java.util.Optional::stream)
                .toList();
    }

    List<Long> aldMemberIdsWithoutDoctor(long afterMemberId, int limit) {
        return jdbc.sql("select m.id from (" + ALD_MEMBER_SELECT + " and m.id > :after) m order by m.id limit :limit")
                .param("after", afterMemberId)
                .param("limit", limit)
                .query((rs, i) -> rs.getLong(1))
                .list();
    }

    List<Long> withLongTermConditionWithoutDoctor(int limit) {
        return jdbc.sql("""
                        select distinct household_id from member
                         where long_term_condition is not null and not has_declared_doctor and consent_to_contact
                         order by household_id limit :limit""")
                .param("limit", limit)
                .query((rs, i) -> rs.getLong(1))
                .list();
    }

    int declareDoctor(long householdId, @Nullable String rpps, LocalDate since) {
        return jdbc.sql("""
                        update member set has_declared_doctor = true, declared_doctor_rpps = :rpps, declared_doctor_since = :since
                         where household_id = :h""")
                .param("rpps", rpps)
                .param("since", since)
                .param("h", householdId)
                .update();
    }

    void close(long householdId, Instant at) {
        jdbc.sql("update household set closed_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(at))
                .param("id", householdId)
                .update();
    }

    List<HouseholdRow> closedBefore(Instant cutoff) {
        return jdbc.sql(
                        "select id, label, commune_code, closed_at from household where closed_at < :cutoff order by id")
                .param("cutoff", java.sql.Timestamp.from(cutoff))
                .query((rs, n) -> new HouseholdRow(
                        rs.getLong("id"),
                        rs.getString("label"),
                        rs.getString("commune_code"),
                        rs.getTimestamp("closed_at").toInstant()))
                .list();
    }

    int deleteHousehold(long id) {
        return jdbc.sql("delete from household where id = :id").param("id", id).update();
    }

    private static MemberRow member(ResultSet rs, int n) throws SQLException {
        java.sql.Date birth = rs.getDate("birth_date");
        return new MemberRow(
                rs.getLong("id"),
                rs.getLong("household_id"),
                rs.getString("first_name"),
                rs.getString("last_name"),
                birth == null ? null : birth.toLocalDate(),
                rs.getString("nir"),
                rs.getString("email"),
                rs.getString("phone"),
                MemberCategory.valueOf(rs.getString("category")),
                rs.getString("long_term_condition") == null
                        ? null
                        : LongTermCondition.valueOf(rs.getString("long_term_condition")),
                java.util.Arrays.stream(
                                (String[]) rs.getArray("vulnerabilities").getArray())
                        .map(Vulnerability::valueOf)
                        .toList(),
                rs.getBoolean("has_declared_doctor"),
                rs.getBoolean("consent_to_contact"),
                rs.getString("declared_doctor_rpps"));
    }

    java.util.Map<Long, String> communesOf(java.util.Collection<Long> householdIds) {
        java.util.Map<Long, String> communes = new java.util.HashMap<>();
        if (householdIds.isEmpty()) return communes;
        jdbc.sql("select id, commune_code from household where id = any(?) and commune_code is not null")
                .param(householdIds.toArray(Long[]::new))
                .query((rs, i) -> communes.put(rs.getLong(1), rs.getString(2)))
                .list();
        return communes;
    }
}
