package fr.traitant.app;

import java.io.IOException;
import java.net.CookieManager;
import java.net.CookiePolicy;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * A person's browser session against the running application, over plain HTTP: cookies kept, redirects NOT
 * followed (tests look at them), CSRF tokens read from the pages' forms like a browser would submit them.
 */
public final class WebSession {

    public static final String HTML = "text/html,application/xhtml+xml";
    private static final Pattern CSRF =
            Pattern.compile("name=\"_csrf\"[^>]*value=\"([^\"]+)\"|value=\"([^\"]+)\"[^>]*name=\"_csrf\"");

    private final String base;
    private final CookieManager cookies = new CookieManager(null, CookiePolicy.ACCEPT_ALL);
    private final HttpClient client;
    private final Map<String, String> extraHeaders = new LinkedHashMap<>();

    public WebSession(int port) {
        this("http://localhost:" + port);
    }

    public WebSession(String base) {
        this.base = base;
        this.client = HttpClient.newBuilder()
                .cookieHandler(cookies)
                .followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    /** A response; {@code location} is the redirect target, if any. */
    public record Response(
            int status, String contentType, String location, String body, java.net.http.HttpHeaders headers) {
        public String header(String name) {
            return headers.firstValue(name).orElse("");
        }
    }

    /** Sends this header with every request from now on (e.g. X-Forwarded-For to play another client address). */
    public WebSession withHeader(String name, String value) {
        extraHeaders.put(name, value);
        return this;
    }

    public Response get(String path) {
        return get(path, HTML);
    }

    public Response get(String path, String accept) {
        return send(request(path).header("Accept", accept).GET().build());
    }

    /** Follows redirects (GET) until a non-redirect answer, like a browser. */
    public Response follow(Response response) {
        Response current = response;
        for (int hops = 0; hops < 10 && current.status() / 100 == 3; hops++) {
            current = get(current.location());
        }
        return current;
    }

    public Response post(String path, Map<String, String> form) {
        String body = form.entrySet().stream()
                .map(e -> enc(e.getKey()) + "=" + enc(e.getValue()))
                .collect(Collectors.joining("&"));
        return send(request(path)
                .header("Accept", HTML)
                .header("Content-Type", "application/x-www-form-urlencoded")
                .POST(HttpRequest.BodyPublishers.ofString(body))
                .build());
    }

    /**
     * POSTs a file as a browser's {@code multipart/form-data} upload form would, with the CSRF token found on
     * {@code pagePath}; {@code content} null sends the form without any file part.
     */
    public Response upload(String pagePath, String actionPath, String fileField, String fileName, byte[] content) {
        return upload(pagePath, actionPath, fileField, fileName, content, Map.of());
    }

    /** The same, with more form fields beside the file (e.g. an idempotency key). */
    public Response upload(
            String pagePath,
            String actionPath,
            String fileField,
            String fileName,
            byte[] content,
            Map<String, String> fields) {
        String boundary = "----traitant" + System.nanoTime();
        java.io.ByteArrayOutputStream body = new java.io.ByteArrayOutputStream();
        java.nio.charset.Charset utf8 = java.nio.charset.StandardCharsets.UTF_8;
        Map<String, String> all = new LinkedHashMap<>(fields);
        all.put("_csrf", csrfToken(get(pagePath).body()));
        all.forEach((name, value) -> body.writeBytes(
                ("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + name + "\"\r\n\r\n" + value + "\r\n")
                        .getBytes(utf8)));
        if (content != null) {
            body.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"" + fileField
                            + "\"; filename=\"" + fileName + "\"\r\nContent-Type: text/csv\r\n\r\n")
                    .getBytes(utf8));
            body.writeBytes(content);
            body.writeBytes("\r\n".getBytes(utf8));
        }
        body.writeBytes(("--" + boundary + "--\r\n").getBytes(utf8));
        return send(request(actionPath)
                .header("Accept", HTML)
                .header("Content-Type", "multipart/form-data; boundary=" + boundary)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()))
                .build());
    }

    /** POSTs the form with the CSRF token found on {@code pagePath}, as a browser submitting that page would. */
    public Response submit(String pagePath, String actionPath, Map<String, String> fields) {
        Map<String, String> form = new LinkedHashMap<>(fields);
        form.put("_csrf", csrfToken(get(pagePath).body()));
        return post(actionPath, form);
    }

    /**
     * Any request with a body given as bytes, exactly as they are sent ({@code path} already percent-encoded): for
     * requests a well-behaved client would not build, such as invalid UTF-8.
     */
    public Response exchange(String method, String path, String accept, String contentType, byte[] body) {
        HttpRequest.Builder builder = request(path).header("Accept", accept);
        if (contentType != null && !contentType.isEmpty()) {
            builder.header("Content-Type", contentType);
        }
        return send(builder.method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .build());
    }

    /** Signs in with the login form; returns the answer to the POST (a redirect). */
    public Response login(String username, String password) {
        return submit("/connexion", "/connexion", Map.of("username", username, "password", password));
    }

    public String cookie(String name) {
        return cookies.getCookieStore().getCookies().stream()
                .filter(c -> c.getName().equals(name))
                .map(java.net.HttpCookie::getValue)
                .findFirst()
                .orElse(null);
    }

    public static String csrfToken(String html) {
        Matcher m = CSRF.matcher(html);
        if (!m.find()) {
            throw new AssertionError("No CSRF token in the page");
        }
        return m.group(1) != null ? m.group(1) : m.group(2);
    }

    private HttpRequest.Builder request(String path) {
        HttpRequest.Builder builder =
                HttpRequest.newBuilder(path.startsWith("http") ? URI.create(path) : URI.create(base + path));
        extraHeaders.forEach(builder::header);
        return builder;
    }

    private Response send(HttpRequest request) {
        try {
            HttpResponse<String> r = client.send(request, HttpResponse.BodyHandlers.ofString(StandardCharsets.UTF_8));
            String location = r.headers()
                    .firstValue("Location")
                    .map(l -> request.uri().resolve(l).toString())
                    .orElse(null);
            return new Response(
                    r.statusCode(), r.headers().firstValue("Content-Type").orElse(""), location, r.body(), r.headers());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    private static String enc(String s) {
        return java.net.URLEncoder.encode(s, StandardCharsets.UTF_8);
    }
}
