package fr.traitant.app.cases;

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

/** Issue 13, point 6: the agents' list of cases says its total, pages, and downloads whole as CSV (audited). */
@IntegrationTest
class CaseListExportTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_list_downloads_as_csv_with_the_same_rows() {
        fr.traitant.app.identity.SignedInUser agent = TestAccounts.create(accounts, Role.ADVISOR);
        WebSession advisor = new WebSession(port);
        advisor.login(agent.username(), TestAccounts.PASSWORD);
        String name = "Mme Export" + System.nanoTime();
        WebSession.Response created = advisor.submit(
                "/dossiers/nouveau",
                "/dossiers",
                Map.of(
                        "channel",
                        "PHONE",
                        "motive",
                        "FIND_DOCTOR",
                        "requesterName",
                        name,
                        "commune",
                        "Toulon",
                        "summary",
                        "Cherche un médecin traitant",
                        "priority",
                        "NORMAL"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String reference = jdbc.sql("select reference from case_file where requester_name = :n")
                .param("n", name)
                .query(String.class)
                .single();

        String page = advisor.get("/dossiers?vue=mine").body();
        assertThat(page).contains("data-total=").contains("/dossiers.csv?vue=mine");
        WebSession.Response csv = advisor.get("/dossiers.csv?vue=mine", "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("dossiers-mine.csv");
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .endsWith("reference,demandeur,motif,priorite,etat,agent,recu_le,echeance,en_retard");
        assertThat(csv.body()).contains(reference + "," + name + ",Recherche d'un médecin traitant,");
        long mine = jdbc.sql(
                        "select count(*) from case_file where assignee_account_id = :a and status <> 'CLOSED' and not synthetic")
                .param("a", agent.accountId())
                .query(Long.class)
                .single();
        assertThat(csv.body().lines().count() - 1).isEqualTo(mine);
        // the doctor may not
        assertThat(TestAccounts.signedIn(accounts, Role.DOCTOR, port)
                        .get("/dossiers.csv", "text/csv")
                        .status())
                .isEqualTo(403);
    }
}
