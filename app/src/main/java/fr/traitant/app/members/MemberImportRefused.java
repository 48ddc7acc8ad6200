package fr.traitant.app.members;

import java.util.List;

/** A member file refused whole: nothing was written. Each error reads {@code ligne N : raison}. */
public class MemberImportRefused extends fr.traitant.app.platform.SemicolonCsv.Refused {

    public MemberImportRefused(List<String> errors) {
        super(
                "Fichier refusé, rien n'a été importé — "
                        + String.join(" ; ", errors.subList(0, Math.min(20, errors.size())))
                        + (errors.size() > 20 ? " ; … (" + errors.size() + " erreurs)" : ""),
                errors);
    }
}
