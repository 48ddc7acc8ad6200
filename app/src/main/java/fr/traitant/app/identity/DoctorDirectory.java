package fr.traitant.app.identity;

import java.util.Optional;

/**
 * Port to the national directory, for the first sign-in of a doctor (implemented by the directory module, which
 * depends on identity): is this RPPS number an active doctor, and under which name.
 */
public interface DoctorDirectory {

    /** An active doctor of the directory. */
    record ListedDoctor(String rpps, String displayName, Optional<String> mssante) {}

    /** The active doctor with this RPPS number, if any. */
    Optional<ListedDoctor> activeDoctor(String rpps);
}
