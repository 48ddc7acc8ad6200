package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** CSRF, security headers, session fixation, secure cookies behind TLS, logout. */
@IntegrationTest
class WebSecurityTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void a_form_post_without_csrf_token_is_refused() {
        SignedInUser user = TestAccounts.create(accounts, Role.ADVISOR);
        WebSession session = new WebSession(port);
        session.get("/connexion");
        WebSession.Response login =
                session.post("/connexion", Map.of("username", user.username(), "password", TestAccounts.PASSWORD));
        assertThat(login.status()).isEqualTo(403);
        assertThat(login.body()).contains("Accès refusé");
        assertThat(session.get("/mon-compte").status()).isEqualTo(302); // still not signed in

        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);
        assertThat(dpo.post("/dpo/conservation/purge", Map.of()).status()).isEqualTo(403);
        assertThat(dpo.post("/dpo/conservation/purge", Map.of("_csrf", "forged"))
                        .status())
                .isEqualTo(403);
        assertThat(dpo.post("/deconnexion", Map.of()).status()).isEqualTo(403);
        assertThat(dpo.get("/dpo").status()).isEqualTo(200); // the forged logout did not sign them out
    }

    @Test
    void every_form_carries_a_csrf_token() {
        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);
        String page = dpo.get("/dpo/conservation").body();
        assertThat(page).contains("action=\"/deconnexion\"");
        assertThat(WebSession.csrfToken(page)).isNotBlank();
        assertThat(WebSession.csrfToken(new WebSession(port).get("/connexion").body()))
                .isNotBlank();
    }

    @Test
    void without_the_demo_profile_there_is_no_demo_account(
            @Autowired org.springframework.jdbc.core.simple.JdbcClient jdbc) {
        assertThat(jdbc.sql("select count(*) from account where demo")
                        .query(Long.class)
                        .single())
                .isZero();
        assertThat(new WebSession(port).get("/connexion").body()).doesNotContain("Comptes de démonstration");
    }

    @Test
    void htmx_requests_carry_the_page_token_in_a_header() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        String page = advisor.get("/mon-compte").body();
        java.util.regex.Matcher meta = java.util.regex.Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"")
                .matcher(page);
        assertThat(meta.find()).isTrue();
        assertThat(page).contains("/js/csrf.js");
        assertThat(advisor.withHeader("X-CSRF-TOKEN", meta.group(1))
                        .post("/deconnexion", Map.of())
                        .status())
                .isEqualTo(302);
        assertThat(advisor.get("/mon-compte").status()).isEqualTo(302); // signed out
        // anonymous visitors get no token, hence no session, on public pages
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/").body()).doesNotContain("csrf-token");
        assertThat(visitor.cookie("JSESSIONID")).isNull();
    }

    @Test
    void security_headers_and_a_strict_content_security_policy() {
        WebSession.Response home = new WebSession(port).get("/");
        String csp = home.header("Content-Security-Policy");
        assertThat(csp)
                .contains("default-src 'self'")
                .contains("script-src 'self'")
                .contains("frame-ancestors 'none'")
                .contains("object-src 'none'")
                .doesNotContain("unsafe-inline")
                .doesNotContain("unsafe-eval");
        assertThat(home.header("X-Content-Type-Options")).isEqualTo("nosniff");
        assertThat(home.header("X-Frame-Options")).isEqualTo("DENY");
        assertThat(home.header("Referrer-Policy")).isEqualTo("strict-origin-when-cross-origin");
        assertThat(home.header("Permissions-Policy")).contains("camera=()");
    }

    @Test
    void the_session_id_changes_at_login_and_logout_ends_the_session() {
        SignedInUser user = TestAccounts.create(accounts, Role.CONCILIATOR);
        WebSession session = new WebSession(port);
        session.get("/mon-compte"); // anonymous session created (saved request)
        String before = session.cookie("JSESSIONID");
        assertThat(before).isNotNull();
        WebSession.Response login = session.login(user.username(), TestAccounts.PASSWORD);
        assertThat(login.location()).contains("/mon-compte");
        assertThat(session.cookie("JSESSIONID")).isNotNull().isNotEqualTo(before);
        WebSession.Response account = session.get("/mon-compte");
        assertThat(account.body())
                .contains(user.username())
                .contains("Conciliateur")
                .contains("Se déconnecter");

        WebSession.Response logout = session.submit("/mon-compte", "/deconnexion", Map.of());
        assertThat(logout.status()).isEqualTo(302);
        assertThat(session.get("/mon-compte").status()).isEqualTo(302);
        assertThat(session.follow(logout).body()).contains("Se connecter");
    }

    @Test
    void session_cookie_is_secure_and_http_only_behind_a_tls_proxy() {
        WebSession.Response viaTls =
                new WebSession(port).withHeader("X-Forwarded-Proto", "https").get("/connexion");
        String cookie = viaTls.headers().allValues("Set-Cookie").stream()
                .filter(c -> c.startsWith("JSESSIONID"))
                .findFirst()
                .orElseThrow();
        assertThat(cookie).contains("Secure").contains("HttpOnly").contains("SameSite=Lax");
        assertThat(viaTls.header("Strict-Transport-Security")).contains("max-age");
        String plain = new WebSession(port)
                .get("/connexion").headers().allValues("Set-Cookie").stream()
                        .filter(c -> c.startsWith("JSESSIONID"))
                        .findFirst()
                        .orElseThrow();
        assertThat(plain).doesNotContain("Secure");
    }
}
