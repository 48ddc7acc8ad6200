package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The operator sees the outbox — failing messages with their error, paged with the total — and resends one. */
@IntegrationTest
class OutboxPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void failing_messages_are_listed_with_their_error_paged_and_can_be_resent() {
        String tag = "echec-" + System.nanoTime();
        for (int i = 0; i < 55; i++) {
            jdbc.sql("""
                    insert into outbox_message (recipient, subject, body, reference, attempts, next_attempt_at, last_error)
                    values (:r, :s, 'corps confidentiel', 'proposal:0', 3, now() + interval '1 day', '550 boîte inconnue')""")
                    .param("r", "dr.secret." + i + "@medecin.mssante.fr")
                    .param("s", "Objet " + tag + " " + i)
                    .update();
        }
        long last =
                jdbc.sql("select max(id) from outbox_message").query(Long.class).single();
        WebSession admin = TestAccounts.signedIn(accounts, Role.ADMIN, port);
        WebSession.Response page = admin.get("/exploitation/courriels");
        assertThat(page.status()).isEqualTo(200);
        long failing = jdbc.sql("select count(*) from outbox_message where sent_at is null and attempts > 0")
                .query(Long.class)
                .single();
        assertThat(page.body())
                .contains("En échec : " + failing)
                .contains(failing + " messages — page 1 sur " + ((failing + 49) / 50))
                .contains("550 boîte inconnue")
                .contains("…@medecin.mssante.fr")
                .contains("Objet " + tag + " 54")
                .doesNotContain("dr.secret.")
                .doesNotContain("corps confidentiel");
        assertThat(admin.get("/exploitation/courriels?page=2").body()).contains("page 2 sur");

        WebSession.Response resent = admin.post(
                "/exploitation/courriels/" + last + "/renvoi", Map.of("_csrf", WebSession.csrfToken(page.body())));
        assertThat(resent.status()).isEqualTo(302);
        assertThat(admin.follow(resent).body()).contains("Le message n° " + last + " repart au prochain passage");
        assertThat(jdbc.sql(
                                "select next_attempt_at < now() + interval '1 hour' or attempts > 3 from outbox_message where id = :id")
                        .param("id", last)
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(TestAccounts.signedIn(accounts, Role.ADVISOR, port)
                        .get("/exploitation/courriels")
                        .status())
                .isEqualTo(403);
    }
}
