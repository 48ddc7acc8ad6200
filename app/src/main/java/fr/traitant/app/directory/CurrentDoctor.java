package fr.traitant.app.directory;

import java.util.Optional;

/**
 * The doctor using the application: the RPPS number linked to the signed-in DOCTOR account (identity module), or
 * empty when the user is anonymous or not a doctor. Pages of a doctor's own data take the RPPS from here, never from
 * the request.
 */
public interface CurrentDoctor {

    /** RPPS number of the signed-in doctor, if the current user is one. */
    Optional<String> rpps();
}
