package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.WebSession;
import fr.traitant.app.directory.DirectoryImports;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.engine.directory.DirectoryFormat;
import fr.traitant.oidcserver.TestAuthorizationServer;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, points 1 and 2: the first sign-in of a real doctor (Pro Santé Connect, checked against the directory) and
 * of a real family (FranceConnect, identity pivot matched against the fund's members), through the whole
 * authorization-code flow against a real OpenID Connect provider sending the claims each real provider sends.
 */
@IntegrationTest
class FirstSignInTest {

    static final String HEADER =
            "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Nom d'exercice|Prénom d'exercice|"
                    + "Code profession|Code savoir-faire|Code commune (coord. structure)|";

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryImports imports;

    @Autowired
    Households households;

    @BeforeEach
    void provider() {
        TestAuthorizationServer.start(port);
    }

    static String rpps(int n) {
        return fr.traitant.app.TestRpps.of("1888", n);
    }

    /** A valid NIR: sex (1 man, 2 woman), year and month of birth, born in Toulon (83137), order number. */
    static String nir(int sex, LocalDate birth, int order) {
        return fr.traitant.app.TestNir.of(sex, birth, "83137", order);
    }

    static String text(String html) {
        return org.jsoup.Jsoup.parse(html).text();
    }

    long accountsWithRpps(String rpps) {
        return jdbc.sql("select count(*) from account where rpps = ?")
                .param(rpps)
                .query(Long.class)
                .single();
    }

    long refusalsAudited(String recordId) {
        return jdbc.sql("select count(*) from audit_event where record_id = ? and purpose like 'Tentative refusée%'")
                .param(recordId)
                .query(Long.class)
                .single();
    }

    @Test
    void pro_sante_connect_creates_exactly_one_doctor_account_for_an_active_doctor_and_refuses_an_unknown_rpps() {
        String known = rpps((int) (System.nanoTime() % 900_000));
        String file = HEADER + "\n8|" + known + "|8" + known + "|PREMIERE|CLAIRE|10|SM54|83137|\n";
        imports.importFile(
                new ByteArrayInputStream(file.getBytes(StandardCharsets.UTF_8)),
                DirectoryFormat.RPPS_EXTRACTION,
                false);
        assertThat(accountsWithRpps(known)).isZero();

        TestAuthorizationServer.CLAIMS.put(
                "psc-nouveau",
                Map.of("preferred_username", "8" + known, "given_name", "Claire", "family_name", "PREMIERE"));
        WebSession browser = new WebSession(port);
        assertThat(OidcLoginTest.signInThroughProvider(browser, "psc", "psc-nouveau")
                        .location())
                .endsWith("/mon-compte");
        assertThat(browser.get("/mon-compte").body())
                .contains("data-role=\"DOCTOR\"")
                .contains("Dr CLAIRE PREMIERE");
        assertThat(accountsWithRpps(known)).isEqualTo(1);
        // the next sign-in finds the same account
        WebSession again = new WebSession(port);
        assertThat(OidcLoginTest.signInThroughProvider(again, "psc", "psc-nouveau")
                        .location())
                .endsWith("/mon-compte");
        assertThat(accountsWithRpps(known)).isEqualTo(1);
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where purpose like 'Compte médecin créé à la première connexion%' and record_id ="
                                        + " (select id::text from account where rpps = ?)")
                        .param(known)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // an RPPS number that is not an active doctor of the directory: a clear page, nothing created, the attempt
        // audited
        String unknown = rpps(999_999);
        TestAuthorizationServer.CLAIMS.put("psc-inconnu", Map.of("preferred_username", "8" + unknown));
        WebSession stranger = new WebSession(port);
        WebSession.Response refused = OidcLoginTest.signInThroughProvider(stranger, "psc", "psc-inconnu");
        assertThat(refused.location()).endsWith("/connexion?refus=medecin_inconnu");
        assertThat(text(stranger.follow(refused).body()))
                .contains("ne correspond à aucun médecin en exercice")
                .contains("Aucun compte n'a été créé");
        assertThat(accountsWithRpps(unknown)).isZero();
        assertThat(refusalsAudited("psc:" + unknown)).isPositive();
    }

    @Test
    void franceconnect_links_a_unique_member_and_refuses_no_match_or_an_ambiguous_identity_with_a_case_for_the_pass() {
        LocalDate birth = LocalDate.of(1991, 5, 12);
        long tag = System.nanoTime() % 100_000;
        String family = "MARTIN-DURAND" + (char) ('A' + tag % 26) + (char) ('A' + tag / 26 % 26)
                + (char) ('A' + tag / 676 % 26);
        long householdId = households.create(
                "Foyer FranceConnect",
                InseeCode.of("83137"),
                List.of(
                        new NewMember(
                                "Élodie", family, birth, Nir.of(nir(2, birth, (int) (tag % 900) + 1)), null, null),
                        new NewMember("Hugo", family, LocalDate.of(2019, 3, 1), null, null, null)));

        // exactly one member: an INSURED account linked to her household, and the next sign-in finds it by its subject
        TestAuthorizationServer.CLAIMS.put(
                "fc-reconnu",
                Map.of(
                        "family_name",
                        family.replace('-', ' '),
                        "given_name",
                        "Elodie Anne",
                        "birthdate",
                        "1991-05-12",
                        "gender",
                        "female",
                        "birthplace",
                        "83137",
                        "birthcountry",
                        "99100"));
        WebSession browser = new WebSession(port);
        assertThat(OidcLoginTest.signInThroughProvider(browser, "franceconnect", "fc-reconnu")
                        .location())
                .endsWith("/mon-compte");
        assertThat(browser.get("/mon-compte").body()).contains("data-role=\"INSURED\"");
        long accountId = jdbc.sql("select id from account where oidc_subject = 'franceconnect|fc-reconnu'")
                .query(Long.class)
                .single();
        assertThat(households.householdsOf(accountId)).containsExactly(householdId);
        assertThat(browser.get("/mon-foyer").location()).endsWith("/foyers/" + householdId);
        WebSession again = new WebSession(port);
        assertThat(OidcLoginTest.signInThroughProvider(again, "franceconnect", "fc-reconnu")
                        .location())
                .endsWith("/mon-compte");
        assertThat(jdbc.sql("select count(*) from account where oidc_subject = 'franceconnect|fc-reconnu'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // no member (another birthplace than the NIR's): nothing created, nothing revealed, a PASS case
        long casesBefore =
                jdbc.sql("select count(*) from case_file").query(Long.class).single();
        TestAuthorizationServer.CLAIMS.put(
                "fc-inconnu",
                Map.of(
                        "family_name",
                        family,
                        "given_name",
                        "Elodie",
                        "birthdate",
                        "1991-05-12",
                        "gender",
                        "female",
                        "birthplace",
                        "75056",
                        "birthcountry",
                        "99100"));
        WebSession stranger = new WebSession(port);
        WebSession.Response none = OidcLoginTest.signInThroughProvider(stranger, "franceconnect", "fc-inconnu");
        assertThat(none.location()).endsWith("/connexion?refus=assure_introuvable");
        assertThat(text(stranger.follow(none).body()))
                .contains("aucun assuré de la caisse ne correspond")
                .doesNotContain(family);
        assertThat(jdbc.sql("select count(*) from account where oidc_subject = 'franceconnect|fc-inconnu'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "select count(*) from case_file where summary like 'Connexion FranceConnect sans correspondance%'"
                                        + " and summary like '%' || ? || '%'")
                        .param(family)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // two members with the same identity (no NIR to tell them apart): ambiguous, nothing created, a PASS case
        households.create(
                "Foyer homonyme",
                InseeCode.of("83137"),
                List.of(new NewMember("Lucas", family, LocalDate.of(1980, 1, 2), null, null, null)));
        households.create(
                "Autre foyer homonyme",
                InseeCode.of("83069"),
                List.of(new NewMember("Lucas", family, LocalDate.of(1980, 1, 2), null, null, null)));
        TestAuthorizationServer.CLAIMS.put(
                "fc-ambigu",
                Map.of("family_name", family, "given_name", "Lucas", "birthdate", "1980-01-02", "gender", "male"));
        WebSession twin = new WebSession(port);
        WebSession.Response ambiguous = OidcLoginTest.signInThroughProvider(twin, "franceconnect", "fc-ambigu");
        assertThat(ambiguous.location()).endsWith("/connexion?refus=assure_ambigu");
        assertThat(text(twin.follow(ambiguous).body())).contains("plusieurs").contains("aucun compte n'a été créé");
        assertThat(jdbc.sql("select count(*) from account where oidc_subject = 'franceconnect|fc-ambigu'")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(jdbc.sql(
                                "select count(*) from case_file where summary like 'Connexion FranceConnect ambiguë : 2 assurés%'"
                                        + " and summary like '%' || ? || '%'")
                        .param(family)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_file").query(Long.class).single())
                .isEqualTo(casesBefore + 2);
    }
}
