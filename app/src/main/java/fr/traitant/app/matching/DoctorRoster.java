package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.network.Charter;
import fr.traitant.engine.directory.NewPatients;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * The workflow's doctors ({@code doctor_capacity}, ADR 0050 and 0051): where the practice used for matching is, how
 * many places are committed, and how to reach the doctor — a directory doctor (by RPPS), a DOCTOR account, or both
 * once linked. Before a run, {@link #refresh(String)}:
 * <ul>
 *   <li>ensures a row for every directory doctor of the département who accepts new patients with a capacity, is a
 *       general practitioner and has an MSSanté address (batch upsert; synthetic doctors only when
 *       {@code traitant.matching.synthetic-doctors} is true, i.e. in the demo), so that a doctor without an account
 *       receives proposals by e-mail;</li>
 *   <li>mirrors the directory's availability, the source of truth ({@code accepting}, {@code capacity}, never below
 *       what is already committed), next to the {@code committed} counter that the database guards;</li>
 *   <li>reads network membership from the network module's charter (signed and not withdrawn), never a caller's
 *       flag;</li>
 * </ul>
 * and gives the engine each doctor's capabilities: wheelchair access and languages from the directory profile;
 * paediatrics for general practitioners and paediatricians. A row without RPPS, or whose RPPS is not in the
 * directory, keeps its own capacity, counts as accepting, outside the network, with a general practice's capabilities.
 */
@Component
class DoctorRoster {

    private static final Logger log = LoggerFactory.getLogger(DoctorRoster.class);

    /** What the matching needs to know about a doctor beyond capacity and place. */
    record Capabilities(boolean paediatrics, boolean wheelchair, Set<String> languages) {
        static final Capabilities GENERAL = new Capabilities(true, false, Set.of());
    }

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final Charter charter;
    private final Clock clock;
    private final boolean syntheticDoctors;

    DoctorRoster(JdbcClient jdbc, Doctors doctors, Charter charter, Clock clock,
                 @Value("${traitant.matching.synthetic-doctors:false}") boolean syntheticDoctors) {
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.charter = charter;
        this.clock = clock;
        this.syntheticDoctors = syntheticDoctors;
    }

    /** The directory doctor linked to this RPPS, if any (invalid numbers link to nobody). */
    Optional<DoctorProfile> directoryDoctor(String rpps) {
        if (rpps == null) {
            return Optional.empty();
        }
        try {
            return doctors.findByRpps(rpps).filter(DoctorProfile::active);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean networkMember(String rpps) {
        return rpps != null && charter.membership(rpps).isPresent();
    }

    /**
     * Ensures a row for every accepting directory doctor of a département and refreshes the availability and network
     * flag of every row of the département, in a few statements whatever the number of doctors.
     *
     * @return the département's directory doctors with an RPPS, by RPPS (for their capabilities)
     */
    @Transactional
    Map<String, DoctorProfile> refresh(String departement) {
        long started = System.nanoTime();
        Map<String, DoctorProfile> byRpps = new HashMap<>();
        for (DoctorProfile p : doctors.activeWithRppsInDepartement(departement)) {
            byRpps.put(p.rpps().orElseThrow(), p);
        }
        Set<String> network = charter.membersAmong(byRpps.keySet());
        Timestamp now = Timestamp.from(clock.instant());
        // 1. a mirror row for each accepting general practitioner reachable by MSSanté, unless the RPPS has a row
        List<DoctorProfile> accepting = byRpps.values().stream()
                .filter(p -> p.newPatients() == NewPatients.ACCEPTING && p.capacity() > 0 && !p.mssante().isBlank())
                .filter(p -> p.specialty().isGeneralPractice())
                .filter(p -> syntheticDoctors || !p.synthetic())
                .toList();
        int created = 0;
        if (!accepting.isEmpty()) {
            created = jdbc.sql("""
                            insert into doctor_capacity (directory_doctor_id, rpps, commune_code, departement, lat, lon, capacity,
                                                         accepting, network_member, email, updated_at)
                            select t.id, t.rpps, t.commune, :dep, t.lat, t.lon, t.cap, true, t.net, t.email, :now
                              from unnest(:ids::text[], :rpps::text[], :communes::text[], :lats::float8[], :lons::float8[], :caps::int[],
                                          :nets::boolean[], :emails::text[])
                                   as t (id, rpps, commune, lat, lon, cap, net, email)
                             where not exists (select 1 from doctor_capacity c where c.rpps = t.rpps)
                            on conflict (directory_doctor_id) do nothing""")
                    .param("dep", departement).param("now", now)
                    .param("ids", accepting.stream().map(DoctorProfile::id).toArray(String[]::new))
                    .param("rpps", accepting.stream().map(p -> p.rpps().orElseThrow()).toArray(String[]::new))
                    .param("communes", accepting.stream().map(p -> p.mainLocation().communeCode()).toArray(String[]::new))
                    .param("lats", accepting.stream().mapToDouble(p -> p.mainLocation().lat()).toArray())
                    .param("lons", accepting.stream().mapToDouble(p -> p.mainLocation().lon()).toArray())
                    .param("caps", accepting.stream().mapToInt(DoctorProfile::capacity).toArray())
                    .param("nets", toBooleans(accepting.stream().map(p -> network.contains(p.rpps().orElseThrow())).toList()))
                    .param("emails", accepting.stream().map(p -> p.mssante().strip().toLowerCase(Locale.ROOT)).toArray(String[]::new))
                    .update();
        }
        // 2. the directory's availability and the charter on every row of the département linked to one of its doctors
        List<DoctorProfile> all = List.copyOf(byRpps.values());
        int updated = 0;
        if (!all.isEmpty()) {
            updated = jdbc.sql("""
                            update doctor_capacity c set accepting = t.acc, capacity = greatest(t.cap, c.committed),
                                   network_member = t.net, updated_at = :now
                              from unnest(:rpps::text[], :acc::boolean[], :caps::int[], :nets::boolean[]) as t (rpps, acc, cap, net)
                             where c.departement = :dep and c.rpps = t.rpps
                               and (c.accepting, c.capacity, c.network_member) is distinct from (t.acc, greatest(t.cap, c.committed), t.net)""")
                    .param("dep", departement).param("now", now)
                    .param("rpps", all.stream().map(p -> p.rpps().orElseThrow()).toArray(String[]::new))
                    .param("acc", toBooleans(all.stream().map(p -> p.newPatients() == NewPatients.ACCEPTING).toList()))
                    .param("caps", all.stream().mapToInt(DoctorProfile::capacity).toArray())
                    .param("nets", toBooleans(all.stream().map(p -> network.contains(p.rpps().orElseThrow())).toList()))
                    .update();
        }
        // 3. the few rows whose directory doctor practises elsewhere (a commune chosen by the doctor) or who has none
        List<Long> others = jdbc.sql("""
                        select id from doctor_capacity where departement = :d and (rpps is null or rpps <> all(:rpps::text[])) order by id""")
                .param("d", departement).param("rpps", byRpps.keySet().toArray(String[]::new)).query(Long.class).list();
        for (long id : others) {
            refresh(id);
        }
        log.info("Doctors of département {}: {} directory doctors, {} mirror rows created, {} refreshed, {} other rows, in {} ms",
                departement, byRpps.size(), created, updated, others.size(), (System.nanoTime() - started) / 1_000_000);
        return byRpps;
    }

    private static boolean[] toBooleans(List<Boolean> values) {
        boolean[] a = new boolean[values.size()];
        for (int i = 0; i < a.length; i++) {
            a[i] = values.get(i);
        }
        return a;
    }

    /** Refreshes one doctor's mirrored availability and network flag. */
    @Transactional
    void refresh(long doctorId) {
        String rpps = jdbc.sql("select rpps from doctor_capacity where id = :d").param("d", doctorId)
                .query(String.class).optional().orElse(null);
        Optional<DoctorProfile> doctor = directoryDoctor(rpps);
        boolean network = networkMember(rpps);
        if (doctor.isPresent()) {
            DoctorProfile p = doctor.get();
            jdbc.sql("""
                            update doctor_capacity set accepting = :a, capacity = greatest(:cap, committed), network_member = :n,
                                   updated_at = :now where id = :d""")
                    .param("a", p.newPatients() == NewPatients.ACCEPTING).param("cap", p.capacity()).param("n", network)
                    .param("now", Timestamp.from(clock.instant())).param("d", doctorId).update();
        } else {
            jdbc.sql("update doctor_capacity set network_member = :n where id = :d")
                    .param("n", network).param("d", doctorId).update();
        }
    }

    /** Capabilities of the doctor linked to this RPPS. */
    Capabilities capabilities(String rpps) {
        return directoryDoctor(rpps).map(DoctorRoster::capabilities).orElse(Capabilities.GENERAL);
    }

    /** Capabilities of a directory doctor. */
    static Capabilities capabilities(DoctorProfile p) {
        return new Capabilities(seesChildren(p), p.wheelchairAccess(), Set.copyOf(lower(p.languages())));
    }

    private static boolean seesChildren(DoctorProfile p) {
        return p.specialty().isGeneralPractice() || p.specialty().group() == fr.traitant.engine.supply.Specialty.PAEDIATRICS;
    }

    private static List<String> lower(List<String> languages) {
        return languages.stream().map(l -> l.strip().toLowerCase(java.util.Locale.ROOT)).filter(l -> !l.isEmpty()).toList();
    }
}
