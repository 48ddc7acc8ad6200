package fr.traitant.app.cases;

import jakarta.validation.constraints.AssertTrue;
import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * The insured person's online request, as typed. The rules that need a table (kind, motive, commune, contact) are
 * checked by {@link RequestPages}; the text and the consent here.
 */
record RequestForm(
        String kind,
        String motive,
        List<String> vulnerabilities,
        String commune,
        String phone,
        String email,

        @Size(min = 10, max = 4000, message = "Décrivez votre situation en 10 à 4000 caractères.")
        String summary,

        @AssertTrue(message = "Cochez cette case pour que nous puissions traiter votre demande.")
        boolean consent) {

    /** Binding leaves an absent field null: each becomes its empty value. */
    RequestForm {
        kind = kind == null ? CaseKind.PASS.name() : kind;
        motive = motive == null ? "" : motive;
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        commune = commune == null ? "" : commune;
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        summary = summary == null ? "" : summary.strip();
    }

    /** An empty request, its e-mail prefilled with the signed-in person's address when known. */
    static RequestForm empty(String email) {
        return new RequestForm(CaseKind.PASS.name(), "", List.of(), "", "", email, "", false);
    }
}
