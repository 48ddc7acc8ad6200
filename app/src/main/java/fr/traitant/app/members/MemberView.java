package fr.traitant.app.members;

import java.time.LocalDate;
import java.util.List;

/**
 * A member as shown on pages and in the API: the NIR is masked.
 *
 * @param longTermCondition ALD group, or null without ALD
 * @param hasDeclaredDoctor whether a médecin traitant is declared
 */
public record MemberView(
        long id,
        String firstName,
        String lastName,
        LocalDate birthDate,
        String nir,
        String email,
        String phone,
        MemberCategory category,
        LongTermCondition longTermCondition,
        List<Vulnerability> vulnerabilities,
        boolean hasDeclaredDoctor,
        boolean consentToContact) {
    public MemberView {
        vulnerabilities = List.copyOf(vulnerabilities);
    }
}
