package fr.traitant.app.matching;

import fr.traitant.app.territory.CommuneSummary;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The SQL of the workflow doctors ({@code doctor_capacity}): each doctor's places, committed only while some are left
 * (a conditional update and a CHECK constraint), the rows mirroring the directory's accepting doctors, and the supply
 * the engine reads.
 */
@Repository
class CapacityRepository {

    private final JdbcClient jdbc;

    CapacityRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    // ---- the workflow doctors' capacity

    /** The capacity of this DOCTOR account's workflow doctor: its own row, else the directory doctor's with its RPPS. */
    Optional<DoctorCapacities.Capacity> capacity(long doctorAccountId, @Nullable String rpps) {
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

    /** The workflow doctor of this RPPS: the account's row first, else the directory mirror. */
    Optional<Long> doctorOfRpps(String rpps) {
        return jdbc.sql(
                        "select id from doctor_capacity where rpps = :r order by doctor_account_id nulls last, id limit 1")
                .param("r", rpps)
                .query(Long.class)
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
            @Nullable String rpps,
            CommuneSummary commune,
            double lat,
            double lon,
            int capacity,
            boolean accepting,
            Instant now,
            @Nullable String email) {
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

    // ---- one capacity per doctor (CapacityFollowsDirectory) and the doctor's dashboard (MatchingWork)

    /** A workflow doctor row of an RPPS: its id, its account (if any) and the places already committed. */
    record Held(long id, @Nullable Long accountId, int committed) {}

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
                .query((rs, i) -> rs.getLong(1))
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

    private static boolean[] booleans(List<Boolean> values) {
        boolean[] a = new boolean[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }
}
