package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.SiteCrawler;
import fr.traitant.app.TraitantApplication;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.DemoAccounts;
import fr.traitant.app.identity.Permissions;
import fr.traitant.app.identity.Role;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.HttpMethod;
import org.springframework.test.context.ActiveProfiles;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.ObjectMapper;

/**
 * Issue 22 point 3: a seeded fuzzer sends bad values (empty, huge, NUL, invalid UTF-8, markup, SQL, wrong types,
 * out-of-range numbers and dates… {@link HostileValues}) to every parameter and body field of the OpenAPI document and
 * to every query parameter and form field of the pages each role is offered (found by the same crawl as the page
 * checks), one field at a time, the others keeping their ordinary value, as the role that may send the request. Every
 * answer: no 5xx, no stack trace or class name, no markup reflected unescaped in a page, no header injected.
 *
 * <p>Its own application context and database (the demo profile): what the fuzzer manages to change stays there.
 */
@SpringBootTest(
        classes = TraitantApplication.class,
        webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "traitant.database.embedded.directory=target/test-postgres-fuzz",
            "traitant.demo.synthetic-doctors=0",
            "traitant.demo.synthetic-population-scale=0"
        })
@ActiveProfiles({"test", "demo"})
class HostileInputFuzzTest {

    /** The generator's seed: the same requests on every run. */
    static final long SEED = 20_261_205L;

    /** Values per page field (drawn from the catalogue, markup always included); API fields get the whole catalogue. */
    static final int VALUES_PER_FORM_FIELD = 8;

    private static final Pattern META_CSRF = Pattern.compile("<meta name=\"csrf-token\" content=\"([^\"]+)\"");
    private static final List<String> METHODS = List.of("get", "post", "put", "patch", "delete");

    @LocalServerPort
    int port;

    @Autowired
    DemoAccounts demoAccounts;

    @Autowired
    Permissions permissions;

    private final Random random = new Random(SEED);
    private final List<String> failures = new ArrayList<>();
    private final Set<String> labelsSent = new TreeSet<>();
    private int requests;
    private final Map<Role, WebSession> sessions = new LinkedHashMap<>();

    @BeforeEach
    void signIn() {
        for (DemoAccounts.DemoAccount account : demoAccounts.accounts()) {
            if (sessions.containsKey(account.role())) {
                continue;
            }
            WebSession session = new WebSession(port);
            assertThat(session.login(account.email(), account.password()).location())
                    .doesNotContain("/connexion");
            Matcher token = META_CSRF.matcher(session.get("/mon-compte").body());
            assertThat(token.find()).as("CSRF token of " + account.role()).isTrue();
            session.withHeader("X-CSRF-TOKEN", token.group(1));
            sessions.put(account.role(), session);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The API, from its OpenAPI document

    @Test
    void every_api_parameter_and_body_field_answers_bad_values_cleanly() {
        WebSession anonymous = new WebSession(port);
        JsonNode paths = new ObjectMapper()
                .readTree(anonymous.get("/v3/api-docs", "application/json").body())
                .get("paths");
        JsonNode schemas = new ObjectMapper()
                .readTree(anonymous.get("/v3/api-docs", "application/json").body())
                .path("components")
                .path("schemas");
        int operations = 0;
        int reached = 0;
        List<String> unreached = new ArrayList<>();
        for (Map.Entry<String, JsonNode> path : paths.properties()) {
            for (String method : METHODS) {
                JsonNode operation = path.getValue().get(method);
                if (operation == null) {
                    continue;
                }
                operations++;
                ApiOperation op = new ApiOperation(path.getKey(), method.toUpperCase(), operation, schemas);
                WebSession session = sessionFor(op.method(), op.path(Map.of()), anonymous);
                if (session == null) {
                    unreached.add(op.method() + " " + path.getKey());
                    continue;
                }
                reached++;
                fuzz(session, op);
            }
        }
        int fhirParameters = fuzzFhir(anonymous);
        System.out.printf(
                "HostileInputFuzzTest API: %d operations, %d fuzzed, FHIR %d search parameters, %d requests,"
                        + " no role may send: %s%n",
                operations, reached, fhirParameters, requests, unreached);
        assertThat(fhirParameters).as("FHIR search parameters").isGreaterThan(5);
        assertThat(operations).as("operations in the OpenAPI document").isGreaterThan(30);
        assertThat(reached).as("operations some role may send").isGreaterThan(operations * 3 / 4);
        assertThat(labelsSent)
                .as("every kind of bad value sent")
                .hasSize(HostileValues.catalogue().size());
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /**
     * The FHIR API (outside the OpenAPI document): every search parameter its CapabilityStatement declares, and the
     * resource id of a read. Returns the number of search parameters fuzzed.
     */
    private int fuzzFhir(WebSession anonymous) {
        JsonNode metadata = new ObjectMapper()
                .readTree(
                        anonymous.get("/fhir/metadata", "application/fhir+json").body());
        int parameters = 0;
        for (JsonNode resource : metadata.path("rest").path(0).path("resource")) {
            String type = resource.path("type").asString();
            for (HostileValues value : HostileValues.catalogue()) {
                send(
                        "GET /fhir/" + type + "/{id} = " + value.label(),
                        value,
                        () -> anonymous.get("/fhir/" + type + "/" + value.encoded(), "application/fhir+json"));
            }
            for (JsonNode parameter : resource.path("searchParam")) {
                String name = parameter.path("name").asString();
                parameters++;
                for (HostileValues value : HostileValues.catalogue()) {
                    send(
                            "GET /fhir/" + type + "?" + name + " = " + value.label(),
                            value,
                            () -> anonymous.get(
                                    "/fhir/" + type + "?" + name + "=" + value.encoded(), "application/fhir+json"));
                }
            }
        }
        return parameters;
    }

    /** The session of the first role (anonymous first) the access rules let send this request, or null. */
    private WebSession sessionFor(String method, String path, WebSession anonymous) {
        HttpMethod m = HttpMethod.valueOf(method);
        String bare = path.replaceAll("\\?.*$", "");
        if (permissions.allows(null, m, bare) && "GET".equals(method)) {
            return anonymous;
        }
        for (Map.Entry<Role, WebSession> session : sessions.entrySet()) {
            if (permissions.allows(session.getKey(), m, bare)) {
                return session.getValue();
            }
        }
        return permissions.allows(null, m, bare) ? anonymous : null;
    }

    private void fuzz(WebSession session, ApiOperation op) {
        for (String parameter : op.parameters().keySet()) {
            for (HostileValues value : HostileValues.catalogue()) {
                Map<String, String> encoded = Map.of(parameter, value.encoded());
                String where = op.method() + " " + op.template() + " " + parameter + " = " + value.label();
                if (op.isHeader(parameter)) {
                    if (value.text().chars().anyMatch(c -> c < 0x20 || c > 0x7e)
                            || value.text().isEmpty()) {
                        continue; // not a header an HTTP client can send
                    }
                    send(
                            where,
                            value,
                            () -> session.withHeader(parameter, value.text())
                                    .exchange(
                                            op.method(),
                                            op.path(Map.of()),
                                            "application/json",
                                            op.bodyType(),
                                            op.body()));
                    session.withHeader(parameter, "");
                    continue;
                }
                send(
                        where,
                        value,
                        () -> session.exchange(
                                op.method(), op.path(encoded), "application/json", op.bodyType(), op.body()));
            }
        }
        if (op.bodyType() == null) {
            return;
        }
        if (op.bodyType().contains("json")) {
            for (String field : op.bodyFields()) {
                for (HostileValues value : HostileValues.catalogue()) {
                    byte[] body = op.bodyWith(field, value);
                    send(
                            op.method() + " " + op.template() + " body." + field + " = " + value.label(),
                            value,
                            () -> session.exchange(
                                    op.method(), op.path(Map.of()), "application/json", op.bodyType(), body));
                }
            }
        }
        List<byte[]> bodies = new ArrayList<>();
        for (HostileValues value : HostileValues.catalogue()) {
            bodies.add(value.bytes());
        }
        bodies.add("{".getBytes(StandardCharsets.UTF_8));
        bodies.add("[]".getBytes(StandardCharsets.UTF_8));
        bodies.add("null".getBytes(StandardCharsets.UTF_8));
        bodies.add("[".repeat(5_000).getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i < bodies.size(); i++) {
            byte[] body = bodies.get(i);
            HostileValues label = i < HostileValues.catalogue().size()
                    ? HostileValues.catalogue().get(i)
                    : HostileValues.of("corps JSON malformé", "");
            send(
                    op.method() + " " + op.template() + " whole body = " + label.label(),
                    label,
                    () -> session.exchange(op.method(), op.path(Map.of()), "application/json", op.bodyType(), body));
        }
    }

    private void send(String where, HostileValues value, java.util.function.Supplier<WebSession.Response> request) {
        WebSession.Response response;
        try {
            response = request.get();
        } catch (IllegalArgumentException unsendable) {
            return; // a value java.net.http refuses to put in a request line or header
        }
        requests++;
        labelsSent.add(value.label());
        String problem = HostileValues.problem(response);
        if (problem != null) {
            failures.add(where + ": " + problem);
        }
    }

    // ---------------------------------------------------------------------------------------------------------------
    // The pages, as each role is offered them

    /** A request a page leads to: a link's query, a GET form, or a POST form (its fields and their values). */
    record Target(String who, String method, String action, Map<String, String> fields, boolean multipart) {
        String key() {
            return method + " " + action.replaceAll("\\d+", "#") + " " + new TreeSet<>(fields.keySet());
        }
    }

    @Test
    void every_page_parameter_and_form_field_answers_bad_values_cleanly() {
        Map<String, Target> targets = new LinkedHashMap<>();
        Map<String, WebSession> byWho = new LinkedHashMap<>();
        byWho.put("anonyme", new WebSession(port));
        sessions.forEach((role, session) -> byWho.put(role.name(), session));
        List<String> crawlProblems = new ArrayList<>();
        byWho.forEach((who, session) -> SiteCrawler.crawl(
                session, "http://localhost:" + port, who, seeds(who), 60, 1, crawlProblems, (path, response, page) -> {
                    Map<String, String> query = query(path);
                    if (!query.isEmpty()) {
                        Target t = new Target(who, "GET", path.replaceAll("\\?.*$", ""), query, false);
                        targets.putIfAbsent(t.key(), t);
                    }
                    for (Element form : page.select("form")) {
                        Target t = target(who, path, form);
                        if (t != null) {
                            targets.putIfAbsent(t.key(), t);
                        }
                    }
                }));
        int fields = 0;
        for (Target target : targets.values()) {
            WebSession session = byWho.get(target.who());
            for (String field : target.fields().keySet()) {
                if (field.equals("_csrf")) {
                    continue;
                }
                fields++;
                for (HostileValues value : HostileValues.draw(random, VALUES_PER_FORM_FIELD)) {
                    String where = target.who() + " " + target.method() + " " + target.action() + " " + field + " = "
                            + value.label();
                    send(where, value, () -> submit(session, target, field, value));
                }
            }
        }
        long posts =
                targets.values().stream().filter(t -> t.method().equals("POST")).count();
        System.out.printf(
                "HostileInputFuzzTest pages: %d requests or forms (%d POST forms), %d fields, %d requests%n",
                targets.size(), posts, fields, requests);
        targets.values().forEach(t -> System.out.println("  " + t.who() + " " + t.key()));
        assertThat(posts).as("POST forms found").isGreaterThan(20);
        assertThat(fields).as("fields fuzzed").isGreaterThan(100);
        assertThat(failures).as(String.join("\n", failures)).isEmpty();
    }

    /** The crawl's seeds, and for anonymous visitors the sign-in and account-activation forms. */
    private static List<String> seeds(String who) {
        List<String> seeds = new ArrayList<>(SiteCrawler.seeds(who));
        if (who.equals("anonyme")) {
            seeds.addAll(List.of("/connexion", "/activation"));
        }
        return seeds;
    }

    private static Map<String, String> query(String path) {
        Map<String, String> query = new LinkedHashMap<>();
        int q = path.indexOf('?');
        if (q < 0) {
            return query;
        }
        for (String pair : path.substring(q + 1).split("&")) {
            int eq = pair.indexOf('=');
            String name = java.net.URLDecoder.decode(eq < 0 ? pair : pair.substring(0, eq), StandardCharsets.UTF_8);
            String value = eq < 0 ? "" : java.net.URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8);
            query.put(name, value);
        }
        return query;
    }

    /** The request this form sends, with each field's ordinary value; null for sign-out and other sites. */
    private static Target target(String who, String page, Element form) {
        String method = form.attr("method").equalsIgnoreCase("post") ? "POST" : "GET";
        String action = form.attr("action").isEmpty() ? page : form.attr("action");
        action = action.replaceAll("#.*$", "");
        if (!action.startsWith("/") || action.startsWith("/deconnexion") || action.startsWith("/oauth2")) {
            return null;
        }
        Map<String, String> fields = new LinkedHashMap<>(query(action));
        action = action.replaceAll("\\?.*$", "");
        for (Element input : form.select("input[name], select[name], textarea[name], button[name]")) {
            String name = input.attr("name");
            String type = input.attr("type").toLowerCase(java.util.Locale.ROOT);
            String value;
            if (input.tagName().equals("select")) {
                Element option = input.selectFirst("option[selected]");
                option = option != null ? option : input.selectFirst("option");
                value = option == null ? "" : option.attr("value");
            } else if (input.tagName().equals("textarea")) {
                value = input.text();
            } else if ((type.equals("checkbox") || type.equals("radio")) && !input.hasAttr("checked")) {
                if (fields.containsKey(name) || type.equals("checkbox")) {
                    continue;
                }
                value = input.attr("value");
            } else if (type.equals("file")) {
                value = "nom;prenom\n";
            } else {
                value = input.attr("value");
            }
            if (input.tagName().equals("button") || type.equals("submit")) {
                fields.putIfAbsent(name, value);
            } else {
                fields.put(name, value);
            }
        }
        boolean multipart = form.attr("enctype").equalsIgnoreCase("multipart/form-data");
        return new Target(who, method, action, fields, multipart);
    }

    private WebSession.Response submit(WebSession session, Target target, String field, HostileValues value) {
        Map<String, String> encoded = new LinkedHashMap<>();
        target.fields()
                .forEach((name, ordinary) ->
                        encoded.put(name, java.net.URLEncoder.encode(ordinary, StandardCharsets.UTF_8)));
        if (encoded.containsKey(IdempotentSubmissions.FIELD)) {
            encoded.put(IdempotentSubmissions.FIELD, new UUID(random.nextLong(), random.nextLong()).toString());
        }
        encoded.put(field, value.encoded());
        String form = encoded.entrySet().stream()
                .map(e -> java.net.URLEncoder.encode(e.getKey(), StandardCharsets.UTF_8) + "=" + e.getValue())
                .collect(Collectors.joining("&"));
        if (target.method().equals("GET")) {
            return session.exchange("GET", target.action() + "?" + form, WebSession.HTML, "", new byte[0]);
        }
        if (target.multipart()) {
            return session.exchange(
                    "POST",
                    target.action(),
                    WebSession.HTML,
                    "multipart/form-data; boundary=fuzz",
                    multipart(target.fields(), field, value));
        }
        return session.exchange(
                "POST",
                target.action(),
                WebSession.HTML,
                "application/x-www-form-urlencoded",
                form.getBytes(StandardCharsets.US_ASCII));
    }

    /** The form as a browser's multipart body, the fuzzed field (a file field too) holding the raw value. */
    private byte[] multipart(Map<String, String> fields, String fuzzed, HostileValues value) {
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        fields.forEach((name, ordinary) -> {
            boolean file = ordinary.equals("nom;prenom\n");
            body.writeBytes(("--fuzz\r\nContent-Disposition: form-data; name=\"" + name + "\""
                            + (file ? "; filename=\"fichier.csv\"\r\nContent-Type: text/csv" : "") + "\r\n\r\n")
                    .getBytes(StandardCharsets.UTF_8));
            if (name.equals(fuzzed)) {
                body.writeBytes(value.bytes());
            } else if (name.equals(IdempotentSubmissions.FIELD)) {
                body.writeBytes(new UUID(random.nextLong(), random.nextLong())
                        .toString()
                        .getBytes(StandardCharsets.US_ASCII));
            } else {
                body.writeBytes(ordinary.getBytes(StandardCharsets.UTF_8));
            }
            body.writeBytes("\r\n".getBytes(StandardCharsets.US_ASCII));
        });
        body.writeBytes("--fuzz--\r\n".getBytes(StandardCharsets.US_ASCII));
        return body.toByteArray();
    }
}
