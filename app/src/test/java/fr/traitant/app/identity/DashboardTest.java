package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 13, point 10: each role lands, after signing in, on a dashboard of its own work ("Mon espace"), each card
 * leading to the page where that work is done.
 */
@IntegrationTest
class DashboardTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    private static final Map<Role, Map<String, String>> CARDS = Map.of(
            Role.INSURED, Map.of("Mon médecin traitant", "/mon-medecin-traitant", "Mes demandes", "/mes-demandes"),
            Role.DOCTOR, Map.of("Propositions à examiner", "/propositions", "Déclarations à faire", "/propositions"),
            Role.ADVISOR, Map.of("Dossiers en retard", "/dossiers?vue=overdue", "Liste d’attente", "/liste-attente"),
            Role.CONCILIATOR,
                    Map.of("Dossiers en retard", "/dossiers?vue=overdue", "Mes dossiers", "/dossiers?vue=mine"),
            Role.NETWORK_MANAGER, Map.of("Réseau des médecins solidaires", "/reseau"),
            Role.PROGRAMME_MANAGER, Map.of("Accès aux soins", "/acces-aux-soins"),
            Role.DPO, Map.of("Accès récents", "/dpo/journal"),
            Role.ADMIN, Map.of("Courriels en échec", "/exploitation/courriels"));

    @Test
    void each_role_lands_on_its_own_work_and_each_card_opens() {
        CARDS.forEach((role, cards) -> {
            SignedInUser user = TestAccounts.create(accounts, role);
            WebSession session = new WebSession(port);
            WebSession.Response login = session.login(user.username(), TestAccounts.PASSWORD);
            assertThat(login.location()).as("%s lands on its dashboard", role).endsWith("/mon-compte");
            Element board = Jsoup.parse(session.get("/mon-compte").body()).getElementById("tableau-de-bord");
            assertThat(board).as("%s dashboard", role).isNotNull();
            cards.forEach((title, href) -> {
                Element link = board.selectFirst("a:containsOwn(" + title + ")");
                assertThat(link).as("%s card %s", role, title).isNotNull();
                assertThat(link.attr("href")).isEqualTo(href);
                assertThat(session.get(href).status())
                        .as("%s opens %s", role, href)
                        .isEqualTo(200);
            });
        });
    }
}
