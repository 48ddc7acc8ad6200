package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.WebSession;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The {@code demo} profile (what {@code ./traitant run} starts): one account per role, idempotently created, listed
 * on the login page and in the log, each able to sign in; the demo insured person sees their synthetic household.
 * Its own application context and database directory (the shared test context has no demo account).
 */
@fr.traitant.app.DemoIntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class DemoProfileTest {

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demoAccounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void one_demo_account_per_role_each_signs_in_and_is_listed_on_the_login_page() {
        assertThat(demoAccounts.accounts())
                .extracting(DemoAccounts.DemoAccount::role)
                .containsExactlyInAnyOrder(Role.values());
        String login = new WebSession(port).get("/connexion").body();
        assertThat(login).contains("Comptes de démonstration").contains("Démonstration uniquement");
        for (DemoAccounts.DemoAccount account : demoAccounts.accounts()) {
            assertThat(login).contains(account.email()).contains(account.password());
            WebSession session = new WebSession(port);
            assertThat(session.login(account.email(), account.password()).location())
                    .as(account.email())
                    .endsWith("/mon-compte");
            assertThat(session.get("/mon-compte").body())
                    .contains("data-role=\"" + account.role().name() + "\"");
        }
    }

    @Test
    void created_once_even_when_started_again() {
        demoAccounts.run(null);
        assertThat(jdbc.sql("select count(*) from account where demo")
                        .query(Long.class)
                        .single())
                .isEqualTo(Role.values().length);
    }

    @Test
    void the_demo_insured_person_sees_their_synthetic_household() {
        WebSession insured = new WebSession(port);
        insured.login("assure@demo.traitant.fr", "Demo-Famille-2026");
        WebSession.Response household = insured.follow(insured.get("/mon-foyer"));
        assertThat(household.status()).isEqualTo(200);
        assertThat(household.body())
                .contains("Foyer Martin (démo, synthétique)")
                .contains("2 84 ** ** *** *** **");
    }

    @Test
    void demo_accounts_are_printed_at_start_up_labelled_demo_only(CapturedOutput output) {
        demoAccounts.run(null);
        assertThat(output.getOut()).contains("DEMO ONLY").contains("dpo@demo.traitant.fr");
    }
}
