package fr.traitant.app.directory;

import java.util.Optional;

/**
 * The doctor using the application, as the login says: their RPPS number, or empty when the user is not a
 * logged-in doctor. Implemented by the identity module (a DOCTOR account is linked to an RPPS number); until it is
 * merged, {@link DemoDoctorSession} stands in, and only where {@code traitant.directory.demo-doctor-login=true}.
 */
public interface CurrentDoctor {

    /** RPPS number of the logged-in doctor, if the current user is one. */
    Optional<String> rpps();
}
