package fr.traitant.app.members;

import java.util.Collection;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade: how many people of a household need a médecin traitant, and where they live — counts and communes only, no
 * name, no NIR (not audited: nobody's record is read). Used to measure where the network falls short.
 */
@Service
public class HouseholdNeeds {

    /**
     * @param communeCode where the household lives, null when unknown
     * @param members members of the household
     * @param longTermConditionWithoutDoctor members in ALD without a declared médecin traitant
     */
    public record Need(
            long householdId, @Nullable String communeCode, int members, int longTermConditionWithoutDoctor) {}

    private static final String SELECT = """
            select h.id, h.commune_code, count(m.id),
                   count(m.id) filter (where m.long_term_condition is not null and not m.has_declared_doctor)
              from household h left join member m on m.household_id = h.id
             where h.closed_at is null""";

    private final JdbcClient jdbc;

    HouseholdNeeds(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The open households among these ids. */
    public List<Need> of(Collection<Long> householdIds) {
        if (householdIds.isEmpty()) return List.of();
        return jdbc.sql(SELECT + " and h.id = any (?) group by h.id order by h.id")
                .param(householdIds.toArray(Long[]::new))
                .query(HouseholdNeeds::need)
                .list();
    }

    /** How many members (of open households) declared a doctor as médecin traitant, and how many of them are in ALD. */
    public record DeclaredPatients(long members, long inLongTermCondition, long households) {}

    /** The members who declared each of these doctors (by RPPS), counted; doctors nobody declared are absent. */
    public java.util.Map<String, DeclaredPatients> declaredPatients(Collection<String> rpps) {
        java.util.Map<String, DeclaredPatients> result = new java.util.HashMap<>();
        if (rpps.isEmpty()) return result;
        jdbc.sql("""
                        select m.declared_doctor_rpps, count(*), count(*) filter (where m.long_term_condition is not null),
                               count(distinct m.household_id)
                          from member m join household h on h.id = m.household_id
                         where h.closed_at is null and m.declared_doctor_rpps = any (?)
                         group by m.declared_doctor_rpps""")
                .param(rpps.toArray(String[]::new))
                .query((rs, i) ->
                        result.put(rs.getString(1), new DeclaredPatients(rs.getLong(2), rs.getLong(3), rs.getLong(4))))
                .list();
        return result;
    }

    /**
     * Demo data only: synthetic open households of a commune whose members all have a médecin traitant of unknown RPPS
     * (so that a demo departure may be given patients), by id.
     */
    public List<Long> syntheticHouseholdsWithUnknownDoctorIn(String communeCode, int limit) {
        return jdbc.sql("""
                        select h.id from household h where h.synthetic and h.closed_at is null and h.commune_code = ?
                           and exists (select 1 from member m where m.household_id = h.id)
                           and not exists (select 1 from member m where m.household_id = h.id
                                            and (not m.has_declared_doctor or m.declared_doctor_rpps is not null))
                         order by h.id limit ?""")
                .params(communeCode, limit)
                .query((rs, i) -> rs.getLong(1))
                .list();
    }

    /** The open households with at least one member who declared this doctor, by id. */
    public List<Long> householdsOfDoctor(String rpps) {
        return jdbc.sql("""
                        select distinct m.household_id from member m join household h on h.id = m.household_id
                         where h.closed_at is null and m.declared_doctor_rpps = ? order by m.household_id""").param(rpps).query((rs, i) -> rs.getLong(1)).list();
    }

    /** Every open household with a commune and at least one member in ALD without a declared médecin traitant. */
    public List<Need> withLongTermConditionWithoutDoctor() {
        return jdbc.sql(SELECT + " and h.commune_code is not null group by h.id"
                        + " having count(m.id) filter (where m.long_term_condition is not null"
                        + " and not m.has_declared_doctor) > 0 order by h.id")
                .query(HouseholdNeeds::need)
                .list();
    }

    /** The RPPS numbers of the doctors that at least one member of the fund declared as médecin traitant. */
    public java.util.Set<String> declaredDoctors() {
        return new java.util.HashSet<>(
                jdbc.sql("select distinct declared_doctor_rpps from member where declared_doctor_rpps is not null")
                        .query((rs, i) -> rs.getString(1))
                        .list());
    }

    private static Need need(java.sql.ResultSet rs, int row) throws java.sql.SQLException {
        return new Need(rs.getLong(1), rs.getString(2), rs.getInt(3), rs.getInt(4));
    }
}
