package fr.traitant.app.platform;

/** A requested record does not exist (or must look as if it did not): answered with 404 problem details. */
public class NotFoundException extends RuntimeException {

    public NotFoundException(String message) {
        super(message);
    }
}
