package fr.traitant.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.playwright.AxeBuilder;
import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Page;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.SiteCrawler;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.DemoAccounts;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue 22 point 6 (RGAA): axe-core, the accessibility engine of Deque, runs in Chromium on every page each role is
 * offered (the page-truth crawl, one page per link shape) and on the error pages, with the WCAG 2.1 A and AA rules
 * (the criteria RGAA 4.1 maps to). No serious or critical violation may remain; the figures (pages, violations by
 * impact) are printed for the accessibility statement ({@code /accessibilite}).
 */
@fr.traitant.app.DemoIntegrationTest
class AccessibilityAuditTest {

    /** The WCAG levels RGAA 4.1 requires. */
    static final List<String> WCAG_A_AA = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa");

    static final Set<String> BLOCKING = Set.of("serious", "critical");

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demoAccounts;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    private final long[] timing = new long[2];

    @Test
    void no_page_of_any_role_has_a_serious_or_critical_accessibility_violation() {
        String base = "http://localhost:" + port;
        Map<String, String> audited = new LinkedHashMap<>(); // link shape -> who
        List<String> problems = new ArrayList<>();
        Map<String, Integer> byImpact = new TreeMap<>();
        int pages = 0;

        pages += audit(
                null,
                "anonyme",
                base,
                audited,
                problems,
                byImpact,
                List.of("/page-inconnue", "/connexion", "/accessibilite"));
        for (DemoAccounts.DemoAccount account : demoAccounts.accounts()) {
            pages += audit(account, account.role().name(), base, audited, problems, byImpact, List.of());
        }
        System.out.printf(
                "AccessibilityAuditTest: %d pages audited (%d link shapes), violations by impact %s; loading %d ms,"
                        + " axe %d ms%n",
                pages, audited.size(), byImpact, timing[0] / 1_000_000, timing[1] / 1_000_000);
        // the audit must reach each role's own pages, or it proves nothing
        assertThat(audited.values()).contains("anonyme", "ADVISOR", "DOCTOR", "INSURED", "NETWORK_MANAGER", "DPO");
        assertThat(pages).isGreaterThan(60);
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    @Test
    void every_page_links_to_the_accessibility_statement_which_states_the_conformity() {
        WebSession visitor = new WebSession(port);
        assertThat(visitor.get("/").body())
                .contains(
                        "<a class=\"fr-footer__bottom-link\" href=\"/accessibilite\">Accessibilité : non conforme</a>");
        String statement = visitor.get("/accessibilite").body();
        assertThat(statement)
                .contains("Déclaration d’accessibilité")
                .contains("<strong>Traitant est non conforme</strong>")
                .contains("accessibilite@traitant.example.fr")
                .contains("Défenseur des droits");
    }

    @Test
    void the_audit_sees_a_violation_planted_in_a_page() {
        try (BrowserContext context = chromium.browser().newContext()) {
            context.addInitScript(AxeBuilder.getAxeScript());
            Page page = context.newPage();
            page.navigate("http://localhost:" + port + "/");
            assertThat(violations(page)).isEmpty();
            page.evaluate(
                    "document.querySelector('main').insertAdjacentHTML('beforeend', '<img src=\"/favicon.ico\">')");
            assertThat(violations(page))
                    .extracting(v -> v.get("id") + " " + v.get("impact"))
                    .containsExactly("image-alt critical");
        }
    }

    /** Audits the pages this person is offered that no one before had of the same shape; returns how many. */
    private int audit(
            DemoAccounts.DemoAccount account,
            String who,
            String base,
            Map<String, String> audited,
            List<String> problems,
            Map<String, Integer> byImpact,
            List<String> extra) {
        WebSession session = new WebSession(port);
        if (account != null) {
            session.login(account.email(), account.password());
        }
        List<String> paths = new ArrayList<>(extra);
        paths.addAll(SiteCrawler.crawl(
                session, base, who, SiteCrawler.seeds(who), 60, 1, new ArrayList<>(), (path, response, page) -> {}));
        try (BrowserContext context = chromium.browser().newContext()) {
            // axe-core itself (from Deque's package) in every page before its own scripts; an init script is not
            // subject to the page's Content-Security-Policy
            context.addInitScript(AxeBuilder.getAxeScript());
            Page page = context.newPage();
            if (account != null) {
                page.navigate(base + "/connexion");
                page.getByLabel("Adresse électronique").fill(account.email());
                page.getByLabel("Mot de passe").fill(account.password());
                page.getByRole(
                                com.microsoft.playwright.options.AriaRole.BUTTON,
                                new Page.GetByRoleOptions().setName("Se connecter"))
                        .click();
                page.waitForURL(url -> !url.contains("/connexion"));
            }
            int count = 0;
            for (String path : paths) {
                String shape = path.replaceAll("\\d+", "#").replaceAll("=[^&]*", "=");
                if (audited.putIfAbsent(shape, who) != null) {
                    continue;
                }
                long t0 = System.nanoTime();
                page.navigate(base + path); // waits for the load event: DSFR's script has set up the page
                long t1 = System.nanoTime();
                List<Map<String, Object>> violations = violations(page);
                timing[0] += t1 - t0;
                timing[1] += System.nanoTime() - t1;
                count++;
                for (Map<String, Object> rule : violations) {
                    String impact = String.valueOf(rule.get("impact"));
                    List<?> nodes = (List<?>) rule.get("nodes");
                    byImpact.merge(impact, nodes.size(), Integer::sum);
                    if (BLOCKING.contains(impact)) {
                        problems.add(who + " " + path + ": " + impact + " " + rule.get("id") + " (" + rule.get("help")
                                + ") on " + describe(nodes));
                    }
                }
            }
            return count;
        }
    }

    /**
     * axe-core's violations of the WCAG 2.1 A and AA rules, and of the accessible-name-matches-visible-text rule, on
     * the page as it stands (only violations are computed).
     */
    @SuppressWarnings("unchecked")
    static List<Map<String, Object>> violations(Page page) {
        Object result = page.evaluate(
                "tags => axe.run(document, {runOnly: {type: 'tag', values: tags}, resultTypes: ['violations'],"
                        // experimental in axe, asked by the issue: a control's accessible name contains its visible
                        // text
                        + " rules: {'label-content-name-mismatch': {enabled: true}}})"
                        + ".then(r => r.violations.map(v => ({id: v.id, impact: v.impact, help: v.help,"
                        + " nodes: v.nodes.map(n => n.html)})))",
                WCAG_A_AA);
        return (List<Map<String, Object>>) result;
    }

    private static String describe(List<?> nodes) {
        List<String> html = new ArrayList<>();
        for (Object node : nodes.subList(0, Math.min(3, nodes.size()))) {
            String h = String.valueOf(node);
            html.add(h.length() > 160 ? h.substring(0, 160) + "…" : h);
        }
        return nodes.size() + " element(s): " + String.join(" | ", html);
    }
}
