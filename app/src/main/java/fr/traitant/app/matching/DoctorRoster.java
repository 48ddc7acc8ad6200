package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.network.Charter;
import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.matching.Capabilities;
import java.time.Clock;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
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

    private final CapacityRepository repository;
    private final Doctors doctors;
    private final Charter charter;
    private final Clock clock;
    private final boolean syntheticDoctors;
    private final io.micrometer.core.instrument.MeterRegistry meters;

    /** Reads of a département's doctors before a match (tag {@code departement}): /actuator/metrics. */
    static final String READS = "traitant.matching.doctors.reads";

    DoctorRoster(
            CapacityRepository repository,
            Doctors doctors,
            Charter charter,
            Clock clock,
            MatchingProperties settings,
            io.micrometer.core.instrument.MeterRegistry meters) {
        this.meters = meters;
        boolean syntheticDoctors = settings.matching().syntheticDoctors();
        this.repository = repository;
        this.doctors = doctors;
        this.charter = charter;
        this.clock = clock;
        this.syntheticDoctors = syntheticDoctors;
    }

    /** The directory doctor linked to this RPPS, if any (invalid numbers link to nobody). */
    Optional<DoctorProfile> directoryDoctor(@Nullable String rpps) {
        if (rpps == null) {
            return Optional.empty();
        }
        try {
            return doctors.findByRpps(rpps).filter(DoctorProfile::active);
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }

    boolean networkMember(@Nullable String rpps) {
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
        meters.counter(READS, "departement", departement).increment();
        long started = System.nanoTime();
        Map<String, DoctorProfile> byRpps = new HashMap<>();
        for (DoctorProfile p : doctors.activeWithRppsInDepartement(departement)) {
            byRpps.put(p.rpps().orElseThrow(), p);
        }
        Set<String> network = charter.membersAmong(byRpps.keySet());
        java.time.Instant now = clock.instant();
        // 1. a mirror row for each accepting general practitioner reachable by MSSanté, unless the RPPS has a row
        List<DoctorProfile> accepting = byRpps.values().stream()
                .filter(p -> p.newPatients() == NewPatients.ACCEPTING
                        && p.capacity() > 0
                        && !p.mssante().isBlank())
                .filter(p -> p.specialty().isGeneralPractice())
                .filter(p -> syntheticDoctors || !p.synthetic())
                .toList();
        int created = repository.createMirrorRows(
                departement,
                accepting.stream()
                        .map(p -> new CapacityRepository.Mirror(
                                p.id(),
                                p.rpps().orElseThrow(),
                                p.mainLocation().communeCode(),
                                p.mainLocation().lat(),
                                p.mainLocation().lon(),
                                p.capacity(),
                                network.contains(p.rpps().orElseThrow()),
                                p.mssante().strip().toLowerCase(Locale.ROOT)))
                        .toList(),
                now);
        // 2. the directory's availability and the charter on every row of the département linked to one of its doctors
        int updated = repository.followDirectory(
                departement,
                byRpps.values().stream()
                        .map(p -> new CapacityRepository.Availability(
                                p.rpps().orElseThrow(),
                                p.newPatients() == NewPatients.ACCEPTING,
                                p.capacity(),
                                network.contains(p.rpps().orElseThrow())))
                        .toList(),
                now);
        // 3. the few rows whose directory doctor practises elsewhere (a commune chosen by the doctor) or who has none
        List<Long> others = repository.otherRows(departement, byRpps.keySet());
        for (long id : others) {
            refresh(id);
        }
        log.info(
                "Doctors of département {}: {} directory doctors, {} mirror rows created, {} refreshed, {} other rows, in {} ms",
                departement,
                byRpps.size(),
                created,
                updated,
                others.size(),
                (System.nanoTime() - started) / 1_000_000);
        return byRpps;
    }

    /** Refreshes one doctor's mirrored availability and network flag. */
    @Transactional
    void refresh(long doctorId) {
        String rpps = repository.rppsOf(doctorId).orElse(null);
        Optional<DoctorProfile> doctor = directoryDoctor(rpps);
        boolean network = networkMember(rpps);
        if (doctor.isPresent()) {
            DoctorProfile p = doctor.get();
            repository.mirror(
                    doctorId, p.newPatients() == NewPatients.ACCEPTING, p.capacity(), network, clock.instant());
        } else {
            repository.setNetwork(doctorId, network);
        }
    }

    /** Capabilities of the doctor linked to this RPPS. */
    Capabilities capabilities(String rpps) {
        return directoryDoctor(rpps).map(DoctorRoster::capabilities).orElse(Capabilities.GENERAL);
    }

    /** Capabilities of a directory doctor. */
    static Capabilities capabilities(DoctorProfile p) {
        return new Capabilities(
                seesChildren(p), p.wheelchairAccess(), Set.copyOf(lower(p.languages())), p.takesComplexCases());
    }

    private static boolean seesChildren(DoctorProfile p) {
        return p.specialty().isGeneralPractice()
                || p.specialty().group() == fr.traitant.engine.supply.Specialty.PAEDIATRICS;
    }

    private static List<String> lower(List<String> languages) {
        return languages.stream()
                .map(l -> l.strip().toLowerCase(java.util.Locale.ROOT))
                .filter(l -> !l.isEmpty())
                .toList();
    }
}
