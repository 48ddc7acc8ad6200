package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Lockout after repeated failures, per account and per client address (bucket4j). */
@IntegrationTest
class LoginThrottlingTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Value("${traitant.security.login.max-failures-per-account}")
    int perAccount;

    @Value("${traitant.security.login.max-failures-per-address}")
    int perAddress;

    @Test
    void after_n_failures_the_next_attempt_is_refused_even_with_the_right_password() {
        SignedInUser user = TestAccounts.create(accounts, Role.ADVISOR);
        // each attempt from another address, so that only the per-account limit is at play
        for (int i = 0; i < perAccount; i++) {
            WebSession.Response failed = new WebSession(port)
                    .withHeader("X-Forwarded-For", "198.51.100." + (10 + i))
                    .login(user.username(), "Mauvais-Motdepasse-1");
            assertThat(failed.location()).endsWith("/connexion?erreur");
        }
        WebSession session = new WebSession(port).withHeader("X-Forwarded-For", "198.51.100.99");
        WebSession.Response refused = session.login(user.username(), TestAccounts.PASSWORD);
        assertThat(refused.location()).endsWith("/connexion?verrou");
        assertThat(session.follow(refused).body())
                .contains("Trop de tentatives de connexion ont échoué")
                .contains("même avec le bon mot de passe");
        assertThat(session.get("/mon-compte").status()).isEqualTo(302);

        // other accounts are not affected
        SignedInUser other = TestAccounts.create(accounts, Role.ADVISOR);
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", "198.51.100.98")
                        .login(other.username(), TestAccounts.PASSWORD)
                        .location())
                .endsWith("/mon-compte");
    }

    @Test
    void one_address_failing_on_many_accounts_is_blocked_too() {
        String address = "203.0.113.7";
        for (int i = 0; i < perAddress; i++) {
            new WebSession(port)
                    .withHeader("X-Forwarded-For", address)
                    .login("inconnu-" + i + "@test.traitant.fr", "Mauvais-Motdepasse-1");
        }
        SignedInUser user = TestAccounts.create(accounts, Role.DPO);
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", address)
                        .login(user.username(), TestAccounts.PASSWORD)
                        .location())
                .endsWith("/connexion?verrou");
        assertThat(new WebSession(port)
                        .withHeader("X-Forwarded-For", "203.0.113.8")
                        .login(user.username(), TestAccounts.PASSWORD)
                        .location())
                .endsWith("/mon-compte");
    }
}
