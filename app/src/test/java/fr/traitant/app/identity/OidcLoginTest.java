package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.WebSession;
import fr.traitant.engine.directory.Rpps;
import fr.traitant.oidcserver.TestAuthorizationServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * OpenID Connect login against a real authorization server (Spring Authorization Server started in the test), through
 * the whole authorization-code flow: the application redirects to the provider, the person signs in on the
 * provider's form, the provider redirects back with a code, the application exchanges it, checks the ID token
 * signature against the provider's keys and maps the person to an account and role.
 */
@IntegrationTest
class OidcLoginTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @BeforeEach
    void provider() {
        TestAuthorizationServer.start(port);
    }

    /** Runs the flow like a browser: follow redirects across both hosts, fill in the provider's login form. */
    static WebSession.Response signInThroughProvider(WebSession browser, String registration, String user) {
        WebSession.Response response = browser.get("/oauth2/authorization/" + registration);
        assertThat(response.location()).startsWith(TestAuthorizationServer.ISSUER + "/oauth2/authorize");
        response = browser.follow(response); // → the provider's login form
        assertThat(response.body()).contains("password");
        WebSession.Response posted = browser.post(
                TestAuthorizationServer.ISSUER + "/login",
                Map.of(
                        "username",
                        user,
                        "password",
                        TestAuthorizationServer.USER_PASSWORD,
                        "_csrf",
                        WebSession.csrfToken(response.body())));
        assertThat(posted.status()).isEqualTo(302);
        // provider → /oauth2/authorize → back to the application with a code → application → its landing page
        WebSession.Response current = posted;
        for (int hops = 0; hops < 10 && current.status() == 302; hops++) {
            if (current.location().contains("/mon-compte") || current.location().contains("/connexion")) {
                return current;
            }
            current = browser.get(current.location());
        }
        return current;
    }

    @Test
    void an_agent_signs_in_with_the_role_from_the_role_claim() {
        String email = "agent." + System.nanoTime() + "@agents.test.fr";
        TestAuthorizationServer.CLAIMS.put(
                "agent", Map.of("email", email, "name", "Agathe Agent", "roles", List.of("offline_access", "ADVISOR")));
        WebSession browser = new WebSession(port);
        WebSession.Response landing = signInThroughProvider(browser, "agents", "agent");
        assertThat(landing.location()).endsWith("/mon-compte");
        WebSession.Response account = browser.get("/mon-compte");
        assertThat(account.status()).isEqualTo(200);
        assertThat(account.body())
                .contains("data-role=\"ADVISOR\"")
                .contains(email)
                .contains("Agathe Agent");
        // the role is enforced like for a local account
        assertThat(browser.get("/foyers/999999999").status()).isEqualTo(404);
        assertThat(browser.get("/dpo").status()).isEqualTo(403);
        assertThat(accounts.find(email))
                .hasValueSatisfying(u -> assertThat(u.role()).isEqualTo(Role.ADVISOR));
    }

    @Test
    void a_doctor_signs_in_with_pro_sante_connect_onto_the_account_with_their_rpps() {
        String rpps = String.format("%011d", System.nanoTime() % 100_000_000_000L);
        String email = "docteur." + rpps + "@test.traitant.fr";
        accounts.createExternal(email, "Dr Test", Role.DOCTOR, Rpps.of(rpps));
        TestAuthorizationServer.CLAIMS.put("docteur", Map.of("preferred_username", "8" + rpps));
        WebSession browser = new WebSession(port);
        assertThat(signInThroughProvider(browser, "psc", "docteur").location()).endsWith("/mon-compte");
        assertThat(browser.get("/mon-compte").body())
                .contains("data-role=\"DOCTOR\"")
                .contains(email);
    }

    @Test
    void an_insured_person_signs_in_with_franceconnect_onto_the_account_with_their_email_and_only_that() {
        String email = "assure." + System.nanoTime() + "@test.traitant.fr";
        accounts.createExternal(email, "Assurée Test", Role.INSURED, null);
        TestAuthorizationServer.CLAIMS.put("assure", Map.of("email", email));
        WebSession browser = new WebSession(port);
        assertThat(signInThroughProvider(browser, "franceconnect", "assure").location())
                .endsWith("/mon-compte");
        assertThat(browser.get("/mon-compte").body())
                .contains("data-role=\"INSURED\"")
                .contains(email);

        // an e-mail with no insured account: refused, and no account is created from the token
        // (another FranceConnect subject: the first one is now linked to the account above)
        TestAuthorizationServer.CLAIMS.put("fc-inconnu", Map.of("email", "inconnu." + email));
        WebSession stranger = new WebSession(port);
        assertThat(signInThroughProvider(stranger, "franceconnect", "fc-inconnu")
                        .location())
                .endsWith("/connexion?refus=assure_introuvable");
        assertThat(accounts.find("inconnu." + email)).isEmpty();
    }

    @Test
    void a_person_without_a_traitant_role_is_refused() {
        TestAuthorizationServer.CLAIMS.put(
                "sans-role", Map.of("email", "sans.role@agents.test.fr", "roles", List.of("uma_authorization")));
        WebSession browser = new WebSession(port);
        WebSession.Response landing = signInThroughProvider(browser, "agents", "sans-role");
        assertThat(landing.location()).endsWith("/connexion?refus");
        assertThat(browser.follow(landing).body()).contains("refusée");
        assertThat(browser.get("/mon-compte").status()).isEqualTo(302);
        assertThat(accounts.find("sans.role@agents.test.fr")).isEmpty();
    }
}
