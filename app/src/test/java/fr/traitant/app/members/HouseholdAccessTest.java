package fr.traitant.app.members;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Who sees which household, and that every read leaves an audit line with its purpose. */
@IntegrationTest
class HouseholdAccessTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    SignedInUser alice;
    SignedInUser bob;
    long aliceHousehold;
    long bobHousehold;
    long aliceMember;
    String aliceNir;

    /** A fresh valid NIR per test (sequence in the order number), key computed here. */
    static String nir(int seed) {
        String thirteen = String.format("2840583137%03d", seed % 1000);
        return thirteen + String.format("%02d", 97 - Long.parseLong(thirteen) % 97);
    }

    private static int seed = (int) (System.nanoTime() % 500);

    @BeforeEach
    void twoHouseholds() {
        alice = TestAccounts.create(accounts, Role.INSURED);
        bob = TestAccounts.create(accounts, Role.INSURED);
        aliceNir = nir(++seed);
        aliceHousehold = households.create(
                "Foyer Alice",
                InseeCode.of("83137"),
                List.of(new NewMember("Alice", "Test", LocalDate.of(1984, 5, 1), Nir.of(aliceNir), null, null)));
        bobHousehold = households.create(
                "Foyer Bob",
                InseeCode.of("29019"),
                List.of(new NewMember("Bob", "Secret", LocalDate.of(1970, 1, 1), null, null, null)));
        households.link(aliceHousehold, alice.accountId());
        households.link(bobHousehold, bob.accountId());
        aliceMember = jdbc.sql("select id from member where household_id = :h")
                .param("h", aliceHousehold)
                .query(Long.class)
                .single();
    }

    private WebSession signIn(SignedInUser user) {
        WebSession session = new WebSession(port);
        assertThat(session.login(user.username(), TestAccounts.PASSWORD).location())
                .doesNotContain("/connexion");
        return session;
    }

    @Test
    void an_insured_person_sees_their_own_household_with_the_nir_masked() {
        WebSession session = signIn(alice);
        WebSession.Response page = session.get("/foyers/" + aliceHousehold);
        assertThat(page.status()).isEqualTo(200);
        assertThat(page.body())
                .contains("Foyer Alice")
                .contains("Alice")
                .contains("2 84 ** ** *** *** **")
                .doesNotContain(aliceNir)
                .doesNotContain(aliceNir.substring(0, 13));
        WebSession.Response api = session.get("/api/v1/households/" + aliceHousehold, "application/json");
        assertThat(api.status()).isEqualTo(200);
        assertThat(api.body())
                .contains("\"label\":\"Foyer Alice\"")
                .contains("2 84 ** ** *** *** **")
                .doesNotContain(aliceNir);
        assertThat(session.follow(session.get("/mon-foyer")).body()).contains("Foyer Alice");
    }

    @Test
    void an_insured_person_asking_for_another_household_gets_404_and_no_data() {
        WebSession session = signIn(alice);
        WebSession.Response api = session.get("/api/v1/households/" + bobHousehold, "application/json");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.body()).doesNotContain("Bob").doesNotContain("Secret");
        WebSession.Response page = session.get("/foyers/" + bobHousehold);
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.body()).doesNotContain("Secret").contains("Introuvable");
        // the same answer as for a household that does not exist: ids cannot be probed
        WebSession.Response missing = session.get("/api/v1/households/987654321", "application/json");
        assertThat(missing.status()).isEqualTo(404);
        assertThat(countReads(bobHousehold)).isZero();
    }

    @Test
    void each_read_of_a_household_page_writes_an_audit_line_per_member_with_who_and_why() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        long before = countReads(aliceHousehold);
        assertThat(advisor.get("/foyers/" + aliceHousehold
                                + "?motif=Recherche%20d%27un%20m%C3%A9decin%20traitant%20pour%20le%20foyer")
                        .status())
                .isEqualTo(200);
        assertThat(advisor.get("/foyers/" + aliceHousehold).status()).isEqualTo(200);
        assertThat(countReads(aliceHousehold)).isEqualTo(before + 2);
        var rows = jdbc.sql("""
                        select actor_role, person_ref, purpose from audit_event
                        where record_type = 'household' and record_id = :id and action = 'READ' order by id desc limit 2""")
                .param("id", Long.toString(aliceHousehold))
                .query((rs, n) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3)))
                .list();
        assertThat(rows).allSatisfy(r -> {
            assertThat(r.get(0)).isEqualTo("ADVISOR");
            assertThat(r.get(1)).isEqualTo("member:" + aliceMember);
        });
        assertThat(rows)
                .extracting(r -> r.get(2))
                .containsExactly(Households.DEFAULT_AGENT_PURPOSE, "Recherche d'un médecin traitant pour le foyer");

        WebSession owner = signIn(alice);
        owner.get("/api/v1/households/" + aliceHousehold, "application/json");
        assertThat(jdbc.sql(
                                "select purpose from audit_event where record_id = :id and actor = :actor order by id desc limit 1")
                        .param("id", Long.toString(aliceHousehold))
                        .param("actor", alice.username())
                        .query(String.class)
                        .single())
                .isEqualTo(Households.INSURED_PURPOSE);
    }

    @Test
    void other_roles_cannot_read_households() {
        WebSession doctor = TestAccounts.signedIn(accounts, Role.DOCTOR, port);
        assertThat(doctor.get("/api/v1/households/" + aliceHousehold, "application/json")
                        .status())
                .isEqualTo(403);
        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        assertThat(manager.get("/foyers/" + aliceHousehold).status()).isEqualTo(403);
    }

    private long countReads(long householdId) {
        return jdbc.sql(
                        "select count(*) from audit_event where record_type = 'household' and record_id = :id and action = 'READ'")
                .param("id", Long.toString(householdId))
                .query(Long.class)
                .single();
    }
}
