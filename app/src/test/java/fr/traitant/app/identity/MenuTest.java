package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** The pages a role may use that were reachable only by typing their address are in its menu (issue 13, point 10). */
@IntegrationTest
class MenuTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private static final Map<Role, List<String>> IN_MENU = Map.of(
            Role.ADVISOR, List.of("/adherents/import", "/mutations/import", "/chiffres/population", "/liste-attente"),
            Role.ADMIN,
                    List.of("/annuaire/import", "/adherents/import", "/mutations/import", "/exploitation/courriels"),
            Role.NETWORK_MANAGER, List.of("/annuaire/import", "/reseau"),
            Role.INSURED, List.of("/mes-demandes", "/chiffres/population"));

    @Test
    void each_role_finds_its_pages_in_the_menu_and_each_link_opens() {
        IN_MENU.forEach((role, paths) -> {
            WebSession session = TestAccounts.signedIn(accounts, role, port);
            String menu = session.get("/").body();
            menu = menu.substring(menu.indexOf("id=\"navigation-principale\""));
            for (String path : paths) {
                assertThat(menu).as("%s menu", role).contains("href=\"" + path + "\"");
                assertThat(session.get(path).status()).as("%s %s", role, path).isEqualTo(200);
            }
        });
        String anonymous = new WebSession(port).get("/").body();
        assertThat(anonymous).contains("href=\"/chiffres/population\"").doesNotContain("href=\"/adherents/import\"");
    }
}
