package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PasswordPolicyTest {

    @ParameterizedTest
    @ValueSource(
            strings = {
                "Demo-Conseiller-2026x",
                "correct horse Battery",
                "Un-Long-Mot-De-Passe",
                "motdepasse-tres-long-42"
            })
    void acceptable_passwords(String password) {
        assertThat(PasswordPolicy.problem(password, "marie@exemple.fr")).isEmpty();
    }

    @Test
    void refused_passwords_with_a_french_reason() {
        assertThat(PasswordPolicy.problem("Court-1", "m@x.fr"))
                .hasValueSatisfying(r -> assertThat(r).contains("12 caractères"));
        assertThat(PasswordPolicy.problem("toutenminuscules", "m@x.fr"))
                .hasValueSatisfying(r -> assertThat(r).contains("trois types"));
        assertThat(PasswordPolicy.problem("Marie.Dupont-2026", "marie.dupont@x.fr"))
                .hasValueSatisfying(r -> assertThat(r).contains("identifiant"));
        assertThat(PasswordPolicy.problem("A".repeat(129) + "a1", "m@x.fr")).isPresent();
        assertThat(PasswordPolicy.problem(null, "m@x.fr")).isPresent();
    }

    @Test
    void role_claims_map_to_roles() {
        assertThat(OidcAccountLinker.roleFromClaim(java.util.List.of("offline_access", "advisor")))
                .contains(Role.ADVISOR);
        assertThat(OidcAccountLinker.roleFromClaim("ROLE_DPO")).contains(Role.DPO);
        assertThat(OidcAccountLinker.roleFromClaim("uma_authorization")).isEmpty();
        assertThat(OidcAccountLinker.roleFromClaim(null)).isEmpty();
    }
}
