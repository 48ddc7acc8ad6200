package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/** The doctors of a run in words: "Dr Prénom NOM" from the directory, by RPPS, for the run's page and its review. */
@Component
class RunDoctorNames {

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final CapacityRepository proposals;

    RunDoctorNames(JdbcClient jdbc, Doctors doctors, CapacityRepository proposals) {
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.proposals = proposals;
    }

    /** RPPS → "Dr Prénom NOM" for the directory doctors of these départements. */
    private Map<String, String> namesByRpps(java.util.Collection<String> departements) {
        Map<String, String> names = new HashMap<>();
        for (String departement : departements) {
            for (DoctorProfile d : doctors.activeWithRppsInDepartement(departement)) {
                d.rpps().ifPresent(r -> names.put(r, d.displayName()));
            }
        }
        return names;
    }

    /** Workflow doctor id → "Dr Prénom NOM" for the doctors of these départements found in the directory by RPPS. */
    Map<Long, String> doctorNames(java.util.Collection<String> departements) {
        Map<String, String> byRpps = namesByRpps(departements);
        Map<Long, String> names = new HashMap<>();
        for (String departement : departements) {
            proposals.rppsOfDepartement(departement).forEach((id, rpps) -> {
                String name = byRpps.get(rpps);
                if (name != null) {
                    names.put(id, name);
                }
            });
        }
        return names;
    }

    /** The départements whose doctors a run considered (its zone and the neighbours within reach). */
    private List<String> doctorDepartements(long runId) {
        return jdbc.sql("select coalesce(doctor_departements, zone_departements) from matching_run where id = :r")
                .param("r", runId)
                .query((rs, i) -> List.of((String[]) rs.getArray(1).getArray()))
                .optional()
                .orElse(List.of());
    }

    /** Replaces the RPPS carried in {@code doctorLabel} by "Dr Prénom NOM (RPPS …)" from the directory, or "n° id". */
    List<MatchingRun.Line> labelDoctors(long runId, List<MatchingRun.Line> lines) {
        Map<String, String> names = lines.stream().anyMatch(l -> l.doctorLabel() != null)
                ? namesByRpps(doctorDepartements(runId))
                : Map.of();
        return lines.stream()
                .map(l -> l.withDoctorLabel(
                        l.doctorLabel() == null
                                ? (l.doctorId() == null ? "—" : "n° " + l.doctorId())
                                : names.getOrDefault(l.doctorLabel(), "n° " + l.doctorId()) + " (RPPS "
                                        + l.doctorLabel() + ")"))
                .toList();
    }
}
