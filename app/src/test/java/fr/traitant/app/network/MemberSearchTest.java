package fr.traitant.app.network;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import java.time.LocalDate;
import java.util.List;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue #17, point 1: the network manager searches and exports the signatories by commune, commitments and date. */
@IntegrationTest
class MemberSearchTest {

    @Autowired
    Charter charter;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void the_filters_give_the_same_signatories_on_the_page_in_its_count_and_in_the_csv() {
        // a doctor in Aurillac (15014) signs with 37 places a year, taking transferred families
        String rpps = jdbc.sql("""
                select d.rpps from doctor d
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and not d.network_member
                   and d.commune_code = '15014' order by d.id limit 1""").query(String.class).single();
        charter.sign(rpps, new CharterCommitments(true, false, 37));

        long expected = jdbc.sql("""
                        select count(*) from charter_member where commune_code = '15014' and new_patients_per_year >= 37
                           and takes_transferred_families and signed_at >= date '2026-01-01'""").query(Long.class).single();
        assertThat(expected).isPositive();

        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        String query = "?commune=Aurillac&minPatients=37&since=2026-01-01&transferredOnly=true";
        var page = manager.get("/reseau" + query);
        assertThat(page.status()).isEqualTo(200);
        var doc = Jsoup.parse(page.body());
        assertThat(doc.getElementById("table-signataires").attr("data-total")).isEqualTo(Long.toString(expected));
        assertThat(doc.select("#table-signataires tbody tr").text()).contains(rpps);
        assertThat(doc.getElementById("commune").val()).isEqualTo("Aurillac"); // the values are kept
        assertThat(doc.getElementById("minPatients").val()).isEqualTo("37");

        List<String> csv = manager.get("/reseau/signataires.csv" + query, "text/csv")
                .body()
                .lines()
                .toList();
        assertThat(csv).hasSize((int) expected + 1);
        assertThat(csv.stream().filter(l -> l.contains(rpps)))
                .singleElement()
                .asString()
                .contains(",37,");

        // a later date excludes the signature; an unknown commune is an error next to its field
        String future = LocalDate.now().plusDays(2).toString();
        var none =
                Jsoup.parse(manager.get("/reseau?commune=15014&since=" + future).body());
        assertThat(none.getElementById("table-signataires").attr("data-total")).isEqualTo("0");
        var wrong = manager.get("/reseau?commune=Atlantide&minPatients=3000");
        assertThat(wrong.status()).isEqualTo(422);
        var wrongDoc = Jsoup.parse(wrong.body());
        assertThat(wrongDoc.getElementById("commune-error").text()).contains("Commune inconnue");
        assertThat(wrongDoc.getElementById("minPatients-error").text()).contains("entre 0 et 2 000");
        assertThat(wrongDoc.getElementById("commune").val()).isEqualTo("Atlantide");
    }
}
