package fr.traitant.app.directory;

import java.time.Instant;
import java.util.List;

/**
 * Doctors of the national directory that a complete extraction no longer lists were deactivated (published inside the
 * import's transaction): they are kept, marked inactive since {@code at}; search, matching and FHIR stop showing them.
 *
 * @param rpps their RPPS numbers, in order
 */
public record DoctorsLeftDirectory(List<String> rpps, Instant at) {
    public DoctorsLeftDirectory {
        rpps = List.copyOf(rpps);
    }
}
