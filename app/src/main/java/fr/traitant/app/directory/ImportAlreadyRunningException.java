package fr.traitant.app.directory;

import java.util.Optional;

/** A directory import was asked for while another one runs (one at a time): HTTP 409. */
public class ImportAlreadyRunningException extends RuntimeException {

    private final transient Optional<ImportProgress> running;

    public ImportAlreadyRunningException(Optional<ImportProgress> running) {
        super(running.map(p ->
                        "Un import de l'annuaire est déjà en cours (n° " + p.id() + ", commencé par " + p.startedBy()
                                + ", " + p.lines() + " lignes lues) : attendez qu'il se termine, puis recommencez.")
                .orElse("Un import de l'annuaire est déjà en cours : attendez qu'il se termine, puis recommencez."));
        this.running = running;
    }

    /** The import that runs, if known on this instance. */
    public Optional<ImportProgress> running() {
        return running;
    }
}
