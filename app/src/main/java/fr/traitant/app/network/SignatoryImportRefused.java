package fr.traitant.app.network;

import java.util.List;

/** A signatories' CSV refused whole: nothing was recorded; each error is "ligne N : raison". */
public class SignatoryImportRefused extends RuntimeException {

    private final List<String> errors;

    public SignatoryImportRefused(List<String> errors) {
        super(errors.size() + " erreur(s) : rien n'a été enregistré.");
        this.errors = List.copyOf(errors);
    }

    public List<String> errors() {
        return errors;
    }
}
