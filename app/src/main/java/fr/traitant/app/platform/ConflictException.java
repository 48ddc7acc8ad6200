package fr.traitant.app.platform;

/**
 * The request collides with the current state (a second submission of the same form, another agent's change, a job
 * already running): answered with 409 problem details and its French message, never a 500.
 */
public class ConflictException extends IllegalStateException {

    public ConflictException(String message) {
        super(message);
    }
}
