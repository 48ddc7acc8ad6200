package fr.traitant.app.members;

import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;

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
        @Nullable LocalDate birthDate,
        @Nullable String nir,
        @Nullable String email,
        @Nullable String phone,
        MemberCategory category,
        @Nullable LongTermCondition longTermCondition,
        List<Vulnerability> vulnerabilities,
        boolean hasDeclaredDoctor,
        boolean consentToContact) {
    public MemberView {
        vulnerabilities = List.copyOf(vulnerabilities);
    }
}
