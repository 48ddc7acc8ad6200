package fr.traitant.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Map;
import org.springframework.core.Ordered;
import org.springframework.util.unit.DataSize;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * First filter of every request, before security: refuses what no page or API can store, with a French answer instead
 * of a 500 or a misleading 403 —
 * <ul>
 *   <li>an upload larger than {@code spring.servlet.multipart.max-request-size}: 413 (checked on the declared length,
 *       before anything is read; otherwise the form's CSRF token, in the body, would be unreadable and the browser
 *       would get "access denied");</li>
 *   <li>a form or query parameter holding a NUL byte or another control character (PostgreSQL cannot store a NUL
 *       byte in a text): 400;</li>
 *   <li>a query string or form body the server could not decode (invalid UTF-8, a lone {@code %}): 400 — Tomcat
 *       would otherwise drop the parameter silently and the page would act on a form that is not what was sent;</li>
 *   <li>a form without an idempotency key (the site's own forms all have one: {@link IdempotentSubmissions}) sent
 *       again with the same values within 5 seconds (a double click): not processed a second time — the browser is
 *       sent back to the page it came from (or gets a 409).</li>
 * </ul>
 * People get the error page (forwarded to {@value #ERROR_PAGE}); API clients RFC 9457 problem details.
 */
final class RequestGuard extends OncePerRequestFilter implements Ordered {

    static final String ERROR_PAGE = "/erreur-requete";
    static final String STATUS = RequestGuard.class.getName() + ".status";
    static final String TITLE = RequestGuard.class.getName() + ".title";
    static final String DETAIL = RequestGuard.class.getName() + ".detail";

    private final DataSize maxRequestSize;

    RequestGuard(DataSize maxRequestSize) {
        this.maxRequestSize = maxRequestSize;
    }

    @Override
    public int getOrder() {
        return Ordered.HIGHEST_PRECEDENCE + 10;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String type = request.getContentType();
        boolean multipart =
                type != null && type.toLowerCase(java.util.Locale.ROOT).startsWith("multipart/");
        if (multipart && request.getContentLengthLong() > maxRequestSize.toBytes()) {
            response.setHeader("Connection", "close"); // do not wait for a body that will not be read
            refuse(
                    request,
                    response,
                    413,
                    "Fichier trop volumineux",
                    "Le fichier dépasse la taille maximale acceptée (" + maxRequestSize.toMegabytes()
                            + " Mo). Découpez-le en plusieurs fichiers.");
            return;
        }
        Map<String, String[]> parameters;
        try {
            parameters = request.getParameterMap();
        } catch (org.apache.tomcat.util.http.InvalidParameterException undecodable) {
            if (multipart) { // a malformed multipart body: the handler will say so
                chain.doFilter(request, response);
                return;
            }
            refuse(
                    request,
                    response,
                    undecodable.getErrorCode() == 413 ? 413 : 400,
                    "Requête invalide",
                    "Un champ n'a pas pu être lu (caractères qui ne sont pas de l'UTF-8, « % » isolé, ou trop de"
                            + " champs) : corrigez la saisie et envoyez de nouveau.");
            return;
        } catch (RuntimeException unreadable) { // a malformed multipart body: the handler will say so
            chain.doFilter(request, response);
            return;
        }
        for (Map.Entry<String, String[]> parameter : parameters.entrySet()) {
            for (String value : parameter.getValue()) {
                int bad = Math.max(
                        TextFile.forbiddenControl(parameter.getKey()),
                        value == null ? -1 : TextFile.forbiddenControl(value));
                if (bad >= 0) {
                    refuse(
                            request,
                            response,
                            400,
                            "Requête invalide",
                            "Un champ contient un caractère interdit (" + TextFile.describe(bad)
                                    + ") : corrigez la saisie et envoyez de nouveau.");
                    return;
                }
            }
        }
        if (isRepeatedForm(request, parameters)) {
            String referer = request.getHeader("Referer");
            String origin = request.getScheme() + "://" + request.getServerName() + ":" + request.getServerPort() + "/";
            if (referer != null && (referer.startsWith(origin) || referer.startsWith("/"))) {
                response.sendRedirect(referer); // show the page as the first submission left it
            } else {
                refuse(
                        request,
                        response,
                        409,
                        "Formulaire déjà envoyé",
                        "Ce formulaire vient d'être envoyé avec les mêmes"
                                + " valeurs : il n'a été traité qu'une fois. Rechargez la page pour voir le résultat.");
            }
            return;
        }
        chain.doFilter(request, response);
    }

    /** How long the same form, with the same values, from the same session, counts as sent twice (a double click). */
    static final long REPEAT_WINDOW_NANOS = java.util.concurrent.TimeUnit.SECONDS.toNanos(5);

    private final java.util.concurrent.ConcurrentHashMap<String, Long> recentForms =
            new java.util.concurrent.ConcurrentHashMap<>();

    /**
     * A browser form (urlencoded POST with a session) identical to one received from the same session within
     * {@link #REPEAT_WINDOW_NANOS}: the second of a double click, or of a "resend" after a slow answer. Only the
     * first is processed. Sign-in and sign-out are left alone (they change the session).
     */
    private boolean isRepeatedForm(HttpServletRequest request, Map<String, String[]> parameters) {
        String type = request.getContentType();
        if (!"POST".equals(request.getMethod())
                || type == null
                || !type.toLowerCase(java.util.Locale.ROOT).startsWith("application/x-www-form-urlencoded")) {
            return false;
        }
        if (parameters.containsKey(IdempotentSubmissions.FIELD)
                || request.getHeader(IdempotentSubmissions.HEADER) != null) {
            return false; // the form's own key says exactly whether it was sent before (IdempotentSubmissions)
        }
        var session = request.getSession(false);
        String path = request.getRequestURI();
        if (session == null || path.equals("/connexion") || path.equals("/deconnexion")) {
            return false;
        }
        StringBuilder key = new StringBuilder(session.getId()).append(' ').append(path);
        new java.util.TreeMap<>(parameters)
                .forEach((name, values) ->
                        key.append('&').append(name).append('=').append(String.join("\u0001", values)));
        String digest = sha256(key.toString());
        long now = System.nanoTime();
        Long previous = recentForms.putIfAbsent(digest, now);
        if (previous != null && now - previous < REPEAT_WINDOW_NANOS) {
            return true;
        }
        if (previous != null) {
            recentForms.put(digest, now);
        }
        if (recentForms.size() > 10_000) {
            recentForms.values().removeIf(at -> now - at > REPEAT_WINDOW_NANOS);
        }
        return false;
    }

    private static String sha256(String text) {
        try {
            return java.util.HexFormat.of()
                    .formatHex(java.security.MessageDigest.getInstance("SHA-256")
                            .digest(text.getBytes(java.nio.charset.StandardCharsets.UTF_8)));
        } catch (java.security.NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    static void refuse(
            HttpServletRequest request, HttpServletResponse response, int status, String title, String detail)
            throws IOException, ServletException {
        if (ProblemHandlers.isApi(request)) {
            response.setStatus(status);
            response.setContentType("application/problem+json");
            response.setCharacterEncoding("UTF-8");
            response.getWriter()
                    .write("{\"type\":\"about:blank\",\"title\":" + json(title) + ",\"status\":" + status
                            + ",\"detail\":" + json(detail) + ",\"instance\":" + json(request.getRequestURI()) + "}");
            return;
        }
        request.setAttribute(STATUS, status);
        request.setAttribute(TITLE, title);
        request.setAttribute(DETAIL, detail);
        response.setStatus(status);
        request.getRequestDispatcher(ERROR_PAGE).forward(request, response);
    }

    private static String json(String text) {
        StringBuilder out = new StringBuilder("\"");
        for (char c : text.toCharArray()) {
            switch (c) {
                case '"' -> out.append("\\\"");
                case '\\' -> out.append("\\\\");
                default -> {
                    if (c < 0x20) {
                        out.append(String.format("\\u%04x", (int) c));
                    } else {
                        out.append(c);
                    }
                }
            }
        }
        return out.append('"').toString();
    }
}
