package fr.traitant.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.SiteCrawler;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.DemoAccounts;
import fr.traitant.app.matching.MatchingRuns;
import fr.traitant.app.matching.ProposalId;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.matching.RunPublication;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.AnnotatedBeanDefinition;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.config.BeanDefinition;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.ClassPathScanningCandidateComponentProvider;
import org.springframework.core.type.filter.AssignableTypeFilter;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, "done when": every page of every role of the demo profile is visited (following the links each page
 * offers, as a person would), and the visible text must not show a raw enum constant, an ISO timestamp, date or
 * duration; every list must say how many rows it has ({@code data-total}, or {@code data-complete} for a table that
 * shows everything by construction) and offer a pager when it shows fewer. Every link a role is offered opens.
 */
@fr.traitant.app.DemoIntegrationTest
class PageTruthTest {

    private static final Pattern ISO_TIMESTAMP = Pattern.compile("\\b\\d{4}-\\d{2}-\\d{2}[T ]\\d{2}:\\d{2}");
    private static final Pattern ISO_DATE = Pattern.compile("\\b(19|20)\\d{2}-\\d{2}-\\d{2}\\b");
    private static final Pattern ISO_DURATION = Pattern.compile("\\bPT?\\d+[YMWDHS](\\d+[YMWDHS])*\\b");
    private static final Pattern UPPER_WORD = Pattern.compile("\\b[A-Z][A-Z0-9_]{2,}\\b");
    /** Upper-case words a French reader knows as such (acronyms), even where an enum constant has the same name. */
    private static final Set<String> ACRONYMS = Set.of(
            "ALD", "PASS", "NIR", "RPPS", "APL", "OPTAM", "FHIR", "DPO", "CPAM", "CNMSS", "EPCI", "SMTP", "CSV", "API",
            "INSEE", "DREES", "SAS", "DSFR", "RGPD", "MSS", "PDF", "HTML", "URL", "CNIL", "SIREN", "FINESS", "ADELI",
            "GP", "ETP");

    private static final int PER_PATTERN = 2;
    private static final int PER_ROLE = 120;

    static Set<String> enumConstants;

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demoAccounts;

    @Autowired
    fr.traitant.app.identity.Permissions permissions;

    @Autowired
    Households households;

    @Autowired
    WaitingList waitingList;

    @Autowired
    MatchingRuns runs;

    @Autowired
    RunPublication publication;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    JdbcClient jdbc;

    private static boolean worldMade;

    /**
     * Lists with something in them: households waiting in the Var from every source, a published run (proposals to the
     * demo doctor, one accepted), so that the crawl meets the pages of a fund at work, not empty tables.
     */
    @BeforeEach
    void makeWorld() {
        if (worldMade) {
            return;
        }
        worldMade = true;
        String[] communes = {"83137", "83061", "83069", "83126"};
        WaitingList.Source[] sources = WaitingList.Source.values();
        for (int i = 0; i < 8; i++) {
            long household = households.create(
                    "Foyer Vérité " + i,
                    InseeCode.of(communes[i % communes.length]),
                    List.of(new NewMember(
                            "Camille", "Vérité" + i, LocalDate.of(1960 + i, 3, 1 + i), null, null, null)));
            waitingList.register(
                    household, sources[i % sources.length], Instant.now().minusSeconds(86_400L * (i + 1)));
        }
        long run = runs.run("83");
        publication.publish(run).made();
        jdbc.sql("""
                        select p.id, c.doctor_account_id from proposal p join doctor_capacity c on c.id = p.doctor_id
                         where p.status = 'PENDING' and c.doctor_account_id is not null order by p.id limit 1""")
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional()
                .ifPresent(p -> workflow.acceptAs(ProposalId.of(p[0]), p[1]));
    }

    @BeforeAll
    static void collectEnumConstants() throws Exception {
        ClassPathScanningCandidateComponentProvider scanner = new ClassPathScanningCandidateComponentProvider(false) {
            @Override
            protected boolean isCandidateComponent(AnnotatedBeanDefinition beanDefinition) {
                return true;
            }
        };
        scanner.addIncludeFilter(new AssignableTypeFilter(Enum.class));
        Set<String> names = new TreeSet<>();
        for (String base : List.of("fr.traitant.app", "fr.traitant.engine")) {
            for (BeanDefinition definition : scanner.findCandidateComponents(base)) {
                Class<?> type = Class.forName(definition.getBeanClassName());
                for (Object constant : type.getEnumConstants()) {
                    String name = ((Enum<?>) constant).name();
                    if (name.length() >= 3 && name.equals(name.toUpperCase()) && !ACRONYMS.contains(name)) {
                        names.add(name);
                    }
                }
            }
        }
        // statuses kept as text in the database (check constraints) are codes too
        names.addAll(List.of(
                "PENDING",
                "ACCEPTED",
                "DECLINED",
                "REFUSED",
                "EXPIRED",
                "WITHDRAWN",
                "WAITING",
                "PAUSED",
                "PROPOSED",
                "DRAFT",
                "PUBLISHED",
                "RUNNING",
                "SUCCEEDED",
                "NEW",
                "IN_PROGRESS",
                "WAITING_THIRD_PARTY"));
        assertThat(names).as("enum constants found on the classpath").contains("ATTACHED", "ADVISOR", "ALD_DATA");
        enumConstants = names;
    }

    @Test
    void no_page_of_any_role_shows_a_raw_enum_an_iso_date_or_a_cut_list() {
        List<String> problems = new ArrayList<>();
        crawl(new WebSession(port), "anonyme", problems);
        for (DemoAccounts.DemoAccount account : demoAccounts.accounts()) {
            WebSession session = new WebSession(port);
            assertThat(session.login(account.email(), account.password()).location())
                    .doesNotContain("/connexion");
            crawl(session, account.role().name(), problems);
        }
        visitedBy.forEach(
                (who, paths) -> System.out.println("PageTruthTest " + who + " visited " + paths.size() + ": " + paths));
        // the crawl must reach each role's own pages, or it proves nothing
        assertThat(visitedBy.get("ADVISOR"))
                .contains("/dossiers", "/liste-attente", "/appariements")
                .anyMatch(p -> p.startsWith("/appariements/"));
        assertThat(visitedBy.get("DOCTOR")).contains("/propositions").anyMatch(p -> p.startsWith("/propositions/"));
        assertThat(visitedBy.get("INSURED")).contains("/mon-medecin-traitant", "/mes-demandes");
        assertThat(visitedBy.get("NETWORK_MANAGER")).contains("/reseau");
        assertThat(visitedBy.get("DPO")).contains("/dpo/conservation");
        assertThat(visitedBy.get("ADMIN")).contains("/exploitation/courriels", "/annuaire/import");
        assertThat(problems).as(String.join("\n", problems)).isEmpty();
    }

    private final Map<String, List<String>> visitedBy = new java.util.TreeMap<>();

    private void crawl(WebSession session, String who, List<String> problems) {
        fr.traitant.app.identity.Role role = "anonyme".equals(who) ? null : fr.traitant.app.identity.Role.valueOf(who);
        List<String> visited = SiteCrawler.crawl(
                session,
                "http://localhost:" + port,
                who,
                SiteCrawler.seeds(who),
                PER_ROLE,
                PER_PATTERN,
                problems,
                (path, response, page) -> {
                    check(who + " " + path, page, problems);
                    // no form the reader may not submit (the conciliator and the run form, issue 13 point 9)
                    for (Element form : page.select("form[method=post]")) {
                        String action = form.attr("action").replaceAll("[?#].*$", "");
                        if (action.startsWith("/")
                                && !action.equals("/connexion")
                                && !action.equals("/deconnexion")
                                && !permissions.allows(role, org.springframework.http.HttpMethod.POST, action)) {
                            problems.add(who + " " + path + ": offers a form to " + action + " it may not submit");
                        }
                    }
                });
        visitedBy.put(who, visited);
    }

    static void check(String where, Document page, List<String> problems) {
        Document copy = page.clone();
        copy.select("script, style, template, noscript").remove();
        String text = copy.body() == null ? "" : copy.body().text();
        find(ISO_TIMESTAMP, text).forEach(m -> problems.add(where + ": ISO timestamp \"" + m + "\""));
        find(ISO_DATE, text).forEach(m -> problems.add(where + ": ISO date \"" + m + "\""));
        find(ISO_DURATION, text).forEach(m -> problems.add(where + ": ISO duration \"" + m + "\""));
        for (String word : find(UPPER_WORD, text)) {
            if (enumConstants.contains(word) || (word.contains("_") && !ACRONYMS.contains(word))) {
                problems.add(where + ": raw code \"" + word + "\"");
            }
        }
        for (Element table : page.select("table")) {
            int rows = table.select("tbody > tr:not([data-empty])").size();
            checkList(where, page, table, "table " + describe(table), rows, problems);
        }
        for (Element list : page.select("[data-total]:not(table)")) {
            checkList(
                    where,
                    page,
                    list,
                    "list " + describe(list),
                    list.select("[data-item]").size(),
                    problems);
        }
    }

    private static void checkList(
            String where, Document page, Element list, String what, int rows, List<String> problems) {
        if (list.hasAttr("data-complete")) {
            return;
        }
        if (!list.hasAttr("data-total")) {
            problems.add(where + ": " + what + " shows " + rows + " rows without saying its total (data-total)");
            return;
        }
        long total = Long.parseLong(list.attr("data-total"));
        if (rows > total) {
            problems.add(where + ": " + what + " shows " + rows + " rows, more than its total " + total);
        } else if (rows < total && page.select(".fr-pagination").isEmpty()) {
            problems.add(where + ": " + what + " shows " + rows + " of " + total + " rows without a pager");
        }
    }

    private static String describe(Element element) {
        Element caption = element.selectFirst("caption");
        return caption != null
                ? "\"" + caption.text() + "\""
                : element.id().isEmpty() ? element.cssSelector() : "#" + element.id();
    }

    private static Set<String> find(Pattern pattern, String text) {
        Set<String> found = new LinkedHashSet<>();
        Matcher matcher = pattern.matcher(text);
        while (matcher.find()) {
            found.add(matcher.group());
        }
        return found;
    }
}
