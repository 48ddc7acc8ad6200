package fr.traitant.app;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;

/**
 * Visits the pages a person is offered, as that person would: from a few seed pages (those behind a search form, which
 * no link leads to), every same-site link each page shows, breadth first, at most {@code perPattern} pages per link
 * shape (digits and parameter values ignored) and {@code maxPages} in all. Used by the page-truth check, the hostile
 * input fuzzer and the accessibility audit, so that all three see the same site.
 */
public final class SiteCrawler {

    /** Links the crawl does not follow: APIs, static files, sign-in and sign-out. */
    public static final Set<String> SKIPPED_PREFIXES = Set.of(
            "/api",
            "/fhir",
            "/webjars",
            "/dsfr",
            "/css",
            "/js",
            "/img",
            "/actuator",
            "/deconnexion",
            "/logout",
            "/oauth2",
            "/connexion",
            "/v3/api-docs",
            "/swagger-ui",
            "/favicon");

    /** What the crawl does with each HTML page it reached (after redirects). */
    public interface Visitor {
        void page(String path, WebSession.Response response, Document page);
    }

    private SiteCrawler() {}

    /** The seed pages for a role ({@code "anonyme"} or a role's name): the public searches, and the role's lists. */
    public static List<String> seeds(String who) {
        List<String> seeds = new ArrayList<>(List.of(
                "/",
                "/trouver-un-medecin?place=Toulon",
                "/communes?query=saint",
                "/acces-aux-soins/communes?query=saint",
                "/communes?query=saint&page=2"));
        switch (who) {
            case "DPO" -> seeds.add("/dpo/journal?agent=conseiller%40demo.traitant.fr");
            case "NETWORK_MANAGER" -> seeds.add("/reseau?departement=83");
            case "ADVISOR" -> seeds.add("/liste-attente?departement=83");
            default -> {}
        }
        return seeds;
    }

    /**
     * Crawls from {@code seeds}; a link that sends to the sign-in page or answers anything but 200 is a problem (the
     * person was offered it); returns the paths visited, in order.
     */
    public static List<String> crawl(
            WebSession session,
            String base,
            String who,
            List<String> seeds,
            int maxPages,
            int perPattern,
            List<String> problems,
            Visitor visitor) {
        Deque<String> queue = new ArrayDeque<>(seeds);
        Set<String> seen = new LinkedHashSet<>(queue);
        Map<String, Integer> perShape = new HashMap<>();
        List<String> visited = new ArrayList<>();
        while (!queue.isEmpty() && visited.size() < maxPages) {
            String path = queue.poll();
            WebSession.Response response = session.get(path);
            if (response.status() / 100 == 3) {
                String target = response.location();
                if (target.contains("/connexion") || target.contains("/oauth2")) {
                    problems.add(who + " " + path + ": offered but redirects to sign-in");
                    continue;
                }
                response = session.follow(response);
            }
            visited.add(path);
            if (response.status() != 200) {
                problems.add(who + " " + path + ": status " + response.status());
                continue;
            }
            if (!response.contentType().startsWith("text/html")) {
                continue;
            }
            Document page = Jsoup.parse(response.body(), base);
            visitor.page(path, response, page);
            for (Element link : page.select("a[href]")) {
                String href = link.attr("href");
                if (!href.startsWith("/") || href.startsWith("//") || link.hasAttr("download")) {
                    continue;
                }
                href = href.replaceAll("#.*$", "");
                if (href.isEmpty()
                        || href.contains(".csv")
                        || href.contains(".json")
                        || href.contains("format=csv")
                        || href.endsWith(".pdf")
                        || SKIPPED_PREFIXES.stream().anyMatch(href::startsWith)
                        || !seen.add(href)) {
                    continue;
                }
                String shape = href.replaceAll("\\d+", "#").replaceAll("=[^&]*", "=");
                if (perShape.merge(shape, 1, Integer::sum) <= perPattern) {
                    queue.add(href);
                }
            }
        }
        return visited;
    }
}
