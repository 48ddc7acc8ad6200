package fr.traitant.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.EmailAddress;
import java.time.Instant;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.json.JsonMapper;

/** The DPO searches the trail, exports a person's data, rectifies it, and runs the retention policy. */
@IntegrationTest
class DpoPagesTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    private long memberOf(long household) {
        return jdbc.sql("select min(id) from member where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
    }

    @Test
    void audit_trail_by_person_and_by_agent_with_csv_export() {
        long household = households.create(
                "Foyer Journal", null, List.of(new NewMember("Jeanne", "Journal", null, null, null, null)));
        String person = "member:" + memberOf(household);
        SignedInUser advisor = TestAccounts.create(accounts, Role.ADVISOR);
        WebSession advisorSession = new WebSession(port);
        advisorSession.login(advisor.username(), TestAccounts.PASSWORD);
        advisorSession.get("/foyers/" + household + "?motif=Instruction%20d%27une%20saisine%20du%20conciliateur");

        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);
        String byPerson = dpo.get("/dpo/journal?personne=" + person).body();
        assertThat(byPerson)
                .contains(advisor.username())
                .contains("Instruction d&#39;une saisine du conciliateur")
                .contains("Consultation");
        String byAgent = dpo.get("/dpo/journal?agent=" + advisor.username()).body();
        assertThat(byAgent).contains(person);

        WebSession.Response csv = dpo.get("/dpo/journal.csv?agent=" + advisor.username(), "text/csv");
        assertThat(csv.status()).isEqualTo(200);
        assertThat(csv.header("Content-Disposition")).contains("journal-acces.csv");
        assertThat(csv.body().lines().toList()).hasSize(2);
        assertThat(csv.body().lines().findFirst().orElseThrow())
                .isEqualTo("horodatage,agent,role,personne,type,enregistrement,action,motif");
        assertThat(csv.body())
                .contains(advisor.username() + ",ADVISOR," + person + ",household," + household + ",READ,");
    }

    @Test
    void a_person_s_data_exported_as_json_and_html_and_rectified_with_audit() {
        long household = households.create(
                "Foyer Export",
                null,
                List.of(new NewMember(
                        "Paul",
                        "Exporté",
                        LocalDate.of(1980, 2, 3),
                        null,
                        EmailAddress.of("paul.export@exemple.fr"),
                        null)));
        String person = "member:" + memberOf(household);
        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);

        assertThat(dpo.get("/dpo?recherche=paul.export@exemple.fr").body()).contains(person);
        WebSession.Response html = dpo.get("/dpo/personnes/" + person);
        assertThat(html.status()).isEqualTo(200);
        assertThat(html.body())
                .contains("Exporté")
                .contains("3 février 1980")
                .contains("Foyer Export")
                .contains("Rectifier");
        WebSession.Response json = dpo.get("/dpo/personnes/" + person + "/export.json", "application/json");
        assertThat(json.status()).isEqualTo(200);
        var tree = JsonMapper.builder().build().readTree(json.body());
        assertThat(tree.get("person").asString()).isEqualTo(person);
        assertThat(tree.get("data").get("Identité").get("Adresse électronique").asString())
                .isEqualTo("paul.export@exemple.fr");
        assertThat(tree.get("accesses").size()).isGreaterThanOrEqualTo(1);

        WebSession.Response rectified = dpo.submit(
                "/dpo/personnes/" + person,
                "/dpo/personnes/" + person + "/rectification",
                Map.of(
                        "champ",
                        "lastName",
                        "valeur",
                        "Exporte-Rectifié",
                        "motif",
                        "Demande de rectification (RGPD art. 16)"));
        assertThat(rectified.status()).isEqualTo(302);
        assertThat(dpo.follow(rectified).body()).contains("Exporte-Rectifié").contains("Le champ a été rectifié");
        WebSession.Response invalid = dpo.submit(
                "/dpo/personnes/" + person,
                "/dpo/personnes/" + person + "/rectification",
                Map.of("champ", "email", "valeur", "pas-une-adresse"));
        assertThat(dpo.follow(invalid).body()).contains("adresse électronique n&#39;est pas valide");

        List<String> actions = jdbc.sql(
                        "select action || ' ' || purpose from audit_event where person_ref = :p order by id")
                .param("p", person)
                .query(String.class)
                .list();
        assertThat(actions)
                .anyMatch(a -> a.startsWith("EXPORT"))
                .anyMatch(a -> a.equals("UPDATE Demande de rectification (RGPD art. 16) (champ lastName)"));
        assertThat(dpo.get("/dpo/personnes/member:999999999").status()).isEqualTo(404);
    }

    @Test
    void retention_dry_run_lists_closed_households_past_their_period_and_purge_deletes_them() {
        long old = households.create(
                "Foyer Ancien", null, List.of(new NewMember("Ana", "Ancienne", null, null, null, null)));
        long recent = households.create(
                "Foyer Récent", null, List.of(new NewMember("Rémi", "Récent", null, null, null, null)));
        households.close(old, Instant.now().minus(6 * 366, ChronoUnit.DAYS));
        households.close(recent, Instant.now().minus(30, ChronoUnit.DAYS));
        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);

        String report = dpo.get("/dpo/conservation").body();
        assertThat(report)
                .contains("Foyer n° " + old)
                .doesNotContain("Foyer n° " + recent)
                .contains("Foyers et leurs bénéficiaires — conservés 5 ans");
        assertThat(exists(old)).isTrue();

        WebSession.Response purge = dpo.submit("/dpo/conservation", "/dpo/conservation/purge", Map.of());
        assertThat(dpo.follow(purge).body()).contains("supprimé(s)");
        assertThat(exists(old)).isFalse();
        assertThat(exists(recent)).isTrue();
        assertThat(jdbc.sql("select count(*) from audit_event where action = 'PURGE' and record_id = :id")
                        .param("id", Long.toString(old))
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
    }

    private boolean exists(long household) {
        return jdbc.sql("select count(*) from household where id = :id")
                        .param("id", household)
                        .query(Long.class)
                        .single()
                == 1;
    }
}
