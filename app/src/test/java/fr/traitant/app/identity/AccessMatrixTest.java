package fr.traitant.app.identity;

import static fr.traitant.app.identity.Role.ADMIN;
import static fr.traitant.app.identity.Role.ADVISOR;
import static fr.traitant.app.identity.Role.CONCILIATOR;
import static fr.traitant.app.identity.Role.DOCTOR;
import static fr.traitant.app.identity.Role.DPO;
import static fr.traitant.app.identity.Role.INSURED;
import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * The endpoint × role matrix, written out independently of the rules: for each sample request, who gets through.
 * "Through" means neither 401/403 nor a redirect to the login page (a 404 for an unknown household still counts as
 * having passed the access rule).
 */
@IntegrationTest
class AccessMatrixTest {

    private static final Set<Role> EVERYBODY = null; // anonymous too
    private static final Set<Role> SIGNED_IN = EnumSet.allOf(Role.class);
    private static final Set<Role> HOUSEHOLD_READERS = EnumSet.of(INSURED, ADVISOR, CONCILIATOR, DPO);

    record Row(String path, String accept, Set<Role> allowed) {}

    private static final String JSON = "application/json";
    private static final List<Row> MATRIX = List.of(
            new Row("/", WebSession.HTML, EVERYBODY),
            new Row("/sources", WebSession.HTML, EVERYBODY),
            new Row("/accessibilite", WebSession.HTML, EVERYBODY),
            new Row("/communes?query=toulon", WebSession.HTML, EVERYBODY),
            new Row("/communes/83137", WebSession.HTML, EVERYBODY),
            new Row("/api/v1/communes/83137", JSON, EVERYBODY),
            new Row("/api/v1/regions", JSON, EVERYBODY),
            new Row("/geo/departements.geojson", "application/geo+json", EVERYBODY),
            new Row("/acces-aux-soins/etat", WebSession.HTML, EVERYBODY),
            new Row("/api/v1/accessibility/status", JSON, EVERYBODY),
            new Row("/actuator/health", JSON, EVERYBODY),
            new Row("/v3/api-docs", JSON, EVERYBODY),
            new Row("/dsfr/dsfr.min.css", "text/css", EVERYBODY),
            new Row("/connexion", WebSession.HTML, EVERYBODY),
            new Row("/actuator/prometheus", "text/plain", EnumSet.of(ADMIN)),
            new Row("/mon-compte", WebSession.HTML, SIGNED_IN),
            new Row("/foyers/999999999", WebSession.HTML, HOUSEHOLD_READERS),
            new Row("/api/v1/households/999999999", JSON, HOUSEHOLD_READERS),
            new Row("/mon-foyer", WebSession.HTML, EnumSet.of(INSURED)),
            new Row("/chiffres/population", WebSession.HTML, EVERYBODY),
            new Row("/api/v1/figures/population", JSON, EVERYBODY),
            new Row("/adherents/import", WebSession.HTML, EnumSet.of(ADVISOR, ADMIN)),
            new Row("/annuaire/import/999999999", WebSession.HTML, EnumSet.of(Role.NETWORK_MANAGER, ADMIN)),
            new Row("/api/v1/directory/imports", JSON, EnumSet.of(Role.NETWORK_MANAGER, ADMIN)),
            new Row("/chiffres/attente", WebSession.HTML, EVERYBODY),
            new Row("/chiffres/attente.csv", "text/csv", EVERYBODY),
            new Row("/api/v1/figures/waiting", JSON, EVERYBODY),
            new Row("/liste-attente", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/reponse/0000", WebSession.HTML, EVERYBODY),
            new Row("/appariements", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/mutations/import", WebSession.HTML, EnumSet.of(ADVISOR, ADMIN)),
            new Row("/exploitation/courriels", WebSession.HTML, EnumSet.of(ADMIN)),
            new Row("/admin/comptes", WebSession.HTML, EnumSet.of(ADMIN)),
            new Row("/reseau/invitations", WebSession.HTML, EnumSet.of(Role.NETWORK_MANAGER)),
            new Row("/reseau/charte", WebSession.HTML, EnumSet.of(Role.NETWORK_MANAGER)),
            new Row("/ald", WebSession.HTML, EnumSet.of(ADVISOR)),
            new Row("/activation", WebSession.HTML, EVERYBODY),
            new Row("/invitation/lien-inconnu", WebSession.HTML, EVERYBODY),
            new Row("/dpo", WebSession.HTML, EnumSet.of(DPO)),
            new Row("/dpo/journal?agent=x", WebSession.HTML, EnumSet.of(DPO)),
            new Row("/dpo/journal.csv?agent=x", "text/csv", EnumSet.of(DPO)),
            new Row("/dpo/conservation", WebSession.HTML, EnumSet.of(DPO)),
            new Row("/propositions", WebSession.HTML, EnumSet.of(DOCTOR)),
            new Row("/api/v1/proposals", JSON, EnumSet.of(DOCTOR)),
            new Row("/api/v1/proposals/999999999", JSON, EnumSet.of(DOCTOR, ADVISOR, CONCILIATOR)),
            new Row("/demandes/nouvelle", WebSession.HTML, EnumSet.of(INSURED)),
            new Row("/mes-demandes", WebSession.HTML, EnumSet.of(INSURED)),
            new Row("/mes-demandes/999999999", WebSession.HTML, EnumSet.of(INSURED)),
            new Row("/mes-demandes/999999999/etat?version=0", WebSession.HTML, EnumSet.of(INSURED)),
            new Row("/mes-notifications", WebSession.HTML, SIGNED_IN),
            new Row("/dossiers", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/dossiers/charge", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/dossiers/nouveau", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/dossiers/999999999", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/dossiers/999999999/medecins", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR)),
            new Row("/indicateurs/dossiers", WebSession.HTML, EnumSet.of(ADVISOR, CONCILIATOR, Role.PROGRAMME_MANAGER)),
            new Row("/indicateurs/dossiers.csv", "text/csv", EnumSet.of(ADVISOR, CONCILIATOR, Role.PROGRAMME_MANAGER)));

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void each_role_reaches_exactly_what_the_matrix_says() {
        Map<Role, WebSession> sessions = new EnumMap<>(Role.class);
        for (Role role : Role.values()) {
            sessions.put(role, TestAccounts.signedIn(accounts, role, port));
        }
        WebSession anonymous = new WebSession(port);
        List<String> wrong = new ArrayList<>();
        for (Row row : MATRIX) {
            check(wrong, row, null, anonymous);
            for (Role role : Role.values()) {
                check(wrong, row, role, sessions.get(role));
            }
        }
        assertThat(wrong).as("matrix violations").isEmpty();
    }

    @Test
    void refusals_are_401_for_anonymous_api_calls_login_redirects_for_pages_and_403_for_signed_in() {
        WebSession anonymous = new WebSession(port);
        WebSession.Response api = anonymous.get("/api/v1/households/1", JSON);
        assertThat(api.status()).isEqualTo(401);
        assertThat(api.contentType()).startsWith("application/problem+json");
        WebSession.Response page = anonymous.get("/dpo");
        assertThat(page.status()).isEqualTo(302);
        assertThat(page.location()).endsWith("/connexion");
        assertThat(anonymous.get("/actuator/prometheus", "text/plain").header("WWW-Authenticate"))
                .startsWith("Basic");

        WebSession doctor = TestAccounts.signedIn(accounts, DOCTOR, port);
        WebSession.Response denied = doctor.get("/dpo");
        assertThat(denied.status()).isEqualTo(403);
        assertThat(denied.body()).contains("Accès refusé").contains("fr-header");
        assertThat(doctor.get("/api/v1/households/1", JSON).contentType()).startsWith("application/problem+json");
    }

    @Test
    void what_no_rule_declares_is_not_found_for_everybody() {
        List<WebSession> everybody = new ArrayList<>();
        everybody.add(new WebSession(port));
        everybody.add(TestAccounts.signedIn(accounts, ADMIN, port));
        everybody.add(TestAccounts.signedIn(accounts, DPO, port));
        for (WebSession session : everybody) {
            WebSession.Response page = session.get("/page-non-declaree");
            assertThat(page.status()).isEqualTo(404);
            assertThat(page.body()).contains("Page introuvable").contains("fr-header");
            WebSession.Response api = session.get("/api/v1/non-declaree", JSON);
            assertThat(api.status()).isEqualTo(404);
            assertThat(api.contentType()).startsWith("application/problem+json");
            // a declared path with an undeclared method
            assertThat(session.post("/communes/83137", java.util.Map.of()).status())
                    .isIn(403, 404);
        }
    }

    private static void check(List<String> wrong, Row row, Role role, WebSession session) {
        WebSession.Response response = session.get(row.path(), row.accept());
        boolean passed = response.status() != 401
                && response.status() != 403
                && !(response.status() == 302
                        && response.location() != null
                        && response.location().contains("/connexion"));
        boolean expected =
                row.allowed() == EVERYBODY || (role != null && row.allowed().contains(role));
        if (response.status() >= 500) {
            wrong.add((role == null ? "anonymous" : role.name()) + " GET " + row.path() + " → " + response.status()
                    + " (server error)");
        } else if (passed != expected) {
            wrong.add((role == null ? "anonymous" : role.name()) + " GET " + row.path() + " → " + response.status()
                    + (expected ? " (should pass)" : " (should be refused)"));
        }
    }
}
