package fr.traitant.app.cases;

import jakarta.validation.constraints.Size;
import java.util.List;

/**
 * A case opened by an agent (a call, a letter, a partner), as typed. The rules that need a table (channel, motive,
 * priority, commune, contact) are checked by {@link CasePages}; the text here.
 */
record CaseForm(
        String channel,
        String motive,
        List<String> vulnerabilities,
        String household,
        String requesterName,
        String phone,
        String email,
        String commune,

        @Size(min = 10, max = 4000, message = "Décrivez votre situation en 10 à 4000 caractères.")
        String summary,

        String priority) {

    /** Binding leaves an absent field null: each becomes its empty value (or the usual channel and priority). */
    CaseForm {
        channel = channel == null ? Channel.PHONE.name() : channel;
        motive = motive == null ? "" : motive;
        vulnerabilities = vulnerabilities == null ? List.of() : List.copyOf(vulnerabilities);
        household = household == null ? "" : household.strip();
        requesterName = requesterName == null ? "" : requesterName.strip();
        phone = phone == null ? "" : phone;
        email = email == null ? "" : email;
        commune = commune == null ? "" : commune;
        summary = summary == null ? "" : summary.strip();
        priority = priority == null ? Priority.NORMAL.name() : priority;
    }

    static CaseForm empty() {
        return new CaseForm(Channel.PHONE.name(), "", List.of(), "", "", "", "", "", "", Priority.NORMAL.name());
    }
}
