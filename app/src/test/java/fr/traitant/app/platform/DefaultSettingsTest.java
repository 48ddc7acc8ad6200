package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.TestAccounts;
import fr.traitant.app.TraitantApplication;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.boot.web.server.context.WebServerApplicationContext;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The packaged application with its own defaults (no test profile): a client reaching it directly cannot choose its
 * address with X-Forwarded-For, and outside the demo it refuses to start with the public development link key.
 */
class DefaultSettingsTest {

    @TempDir
    Path directory;

    private String[] args(String... more) {
        String[] base = {
            "--server.port=0",
            "--server.shutdown=immediate",
            "--traitant.database.embedded.directory=" + directory.resolve("pg"),
            "--traitant.security.login.max-failures-per-address=3"
        };
        String[] all = new String[base.length + more.length];
        System.arraycopy(base, 0, all, 0, base.length);
        System.arraycopy(more, 0, all, base.length, more.length);
        return all;
    }

    @Test
    void forwarded_addresses_are_not_trusted_by_default_and_the_development_link_key_is_refused() {
        try (ConfigurableApplicationContext app = new SpringApplicationBuilder(TraitantApplication.class)
                .run(args("--traitant.notifications.link-secret=a-real-secret-for-this-test-only-0123456789"))) {
            int port = ((WebServerApplicationContext) app).getWebServer().getPort();
            SignedInUser user = TestAccounts.create(app.getBean(Accounts.class), Role.ADVISOR);
            for (int i = 0; i < 3; i++) { // three failures, each claiming another address
                new WebSession(port)
                        .withHeader("X-Forwarded-For", "198.51.100." + (20 + i))
                        .login("inconnu-" + i + "@test.traitant.fr", "Mauvais-Motdepasse-1");
            }
            // the real address (loopback) reached its limit: a fourth claimed address does not help
            assertThat(new WebSession(port)
                            .withHeader("X-Forwarded-For", "198.51.100.99")
                            .login(user.username(), TestAccounts.PASSWORD)
                            .location())
                    .endsWith("/connexion?verrou");
        }
        assertThatThrownBy(() -> new SpringApplicationBuilder(TraitantApplication.class)
                        .run(args())
                        .close())
                .rootCause()
                .hasMessageContaining("link-secret")
                .hasMessageContaining("development key");
    }
}
