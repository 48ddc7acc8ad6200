package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.network.Charter;
import fr.traitant.engine.directory.NewPatients;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Transactional;

/**
 * Links the workflow's {@code doctor_capacity} (a DOCTOR account using the platform: where the practice used for
 * matching is, how many places are committed) to the directory doctor with the same RPPS and to the network
 * (ADR 0050):
 * <ul>
 *   <li>new-patient status and capacity: the directory's availability is the source of truth; {@code doctor_capacity}
 *       mirrors it ({@code accepting}, {@code capacity}, never below what is already committed) next to the
 *       {@code committed} counter that the database guards against over-commitment;</li>
 *   <li>network membership: the network module's charter (signed and not withdrawn), never a caller's flag;</li>
 *   <li>capabilities for the engine: wheelchair access and languages from the directory profile; paediatrics for
 *       general practitioners and paediatricians.</li>
 * </ul>
 * A row without RPPS, or whose RPPS is not in the directory, keeps its own capacity, counts as accepting, outside the
 * network, with a general practice's capabilities.
 */
@Component
class DoctorRoster {

    /** What the matching needs to know about a doctor beyond capacity and place. */
    record Capabilities(boolean paediatrics, boolean wheelchair, Set<String> languages) {
        static final Capabilities GENERAL = new Capabilities(true, false, Set.of());
    }

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final Charter charter;
    private final Clock clock;

    DoctorRoster(JdbcClient jdbc, Doctors doctors, Charter charter, Clock clock) {
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.charter = charter;
        this.clock = clock;
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

    /** Refreshes the mirrored availability and the network flag of every doctor of a département. */
    @Transactional
    void refresh(String departement) {
        for (Long account : jdbc.sql("select doctor_account_id from doctor_capacity where departement = :d order by doctor_account_id")
                .param("d", departement).query(Long.class).list()) {
            refresh(account);
        }
    }

    /** Refreshes one doctor's mirrored availability and network flag. */
    @Transactional
    void refresh(long doctorAccountId) {
        String rpps = jdbc.sql("select rpps from doctor_capacity where doctor_account_id = :d").param("d", doctorAccountId)
                .query(String.class).optional().orElse(null);
        Optional<DoctorProfile> doctor = directoryDoctor(rpps);
        boolean network = networkMember(rpps);
        if (doctor.isPresent()) {
            DoctorProfile p = doctor.get();
            jdbc.sql("""
                            update doctor_capacity set accepting = :a, capacity = greatest(:cap, committed), network_member = :n,
                                   updated_at = :now where doctor_account_id = :d""")
                    .param("a", p.newPatients() == NewPatients.ACCEPTING).param("cap", p.capacity()).param("n", network)
                    .param("now", Timestamp.from(clock.instant())).param("d", doctorAccountId).update();
        } else {
            jdbc.sql("update doctor_capacity set network_member = :n where doctor_account_id = :d")
                    .param("n", network).param("d", doctorAccountId).update();
        }
    }

    /** Capabilities of the doctor linked to this RPPS. */
    Capabilities capabilities(String rpps) {
        return directoryDoctor(rpps).map(p -> new Capabilities(
                        seesChildren(p), p.wheelchairAccess(), Set.copyOf(lower(p.languages()))))
                .orElse(Capabilities.GENERAL);
    }

    private static boolean seesChildren(DoctorProfile p) {
        return p.specialty().isGeneralPractice() || p.specialty().group() == fr.traitant.engine.supply.Specialty.PAEDIATRICS;
    }

    private static List<String> lower(List<String> languages) {
        return languages.stream().map(l -> l.strip().toLowerCase(java.util.Locale.ROOT)).filter(l -> !l.isEmpty()).toList();
    }
}
