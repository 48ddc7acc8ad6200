package fr.traitant.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.util.ContentCachingResponseWrapper;

/**
 * Safe to send twice (issue 22): a state-changing request that carries an idempotency key — the hidden field
 * {@value #FIELD} that every POST form of the site gets ({@link IdempotencyKeys}), or the {@value #HEADER} header of an
 * API client — is processed once; the same key sent again (a double click, the browser's "resend", a client's retry
 * after a timeout) gets the first answer again (status, {@code Location}, body), marked {@code Idempotent-Replayed:
 * true}, and writes nothing. While the first is still running, the second waits for its answer (up to
 * {@link #WAIT}), then gets a 409 with {@code Retry-After}. A request answered with a refusal or a failure (4xx, 5xx)
 * or ending in an exception wrote nothing and frees its key, so that it can be sent again and judged anew. Keys are per sender (the signed-in user, or anonymous) and single-use: the same key
 * for another address is refused (422).
 *
 * <p>Runs after Spring Security (the CSRF token is checked first, and the sender is known).
 */
final class IdempotentSubmissions extends OncePerRequestFilter {

    static final String FIELD = "_idempotence";
    static final String HEADER = "Idempotency-Key";
    static final String REPLAYED = "Idempotent-Replayed";
    static final java.time.Duration WAIT = java.time.Duration.ofSeconds(15);

    private static final Set<String> WRITES = Set.of("POST", "PUT", "PATCH", "DELETE");
    private static final Pattern VALID = Pattern.compile("[A-Za-z0-9._:-]{8,128}");

    private final IdempotentRequests kept;

    IdempotentSubmissions(IdempotentRequests kept) {
        this.kept = kept;
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        String key = request.getDispatcherType() == jakarta.servlet.DispatcherType.REQUEST
                        && WRITES.contains(request.getMethod())
                ? keyOf(request)
                : null;
        if (key == null) {
            chain.doFilter(request, response);
            return;
        }
        if (!VALID.matcher(key).matches()) {
            RequestGuard.refuse(
                    request,
                    response,
                    400,
                    "Clé d'idempotence invalide",
                    "La clé d'idempotence doit compter de 8 à 128 lettres, chiffres ou signes « . _ : - ».");
            return;
        }
        String scope =
                request.getUserPrincipal() != null ? request.getUserPrincipal().getName() : "anonyme";
        String path = request.getRequestURI();
        if (kept.claim(scope, key, request.getMethod(), path)) {
            process(request, response, chain, scope, key);
            return;
        }
        Optional<IdempotentRequests.Kept> first = waitForAnswer(scope, key);
        if (first.isEmpty()) { // freed meanwhile (the first failed): this one may run
            if (kept.claim(scope, key, request.getMethod(), path)) process(request, response, chain, scope, key);
            else busy(request, response);
            return;
        }
        IdempotentRequests.Kept answer = first.get();
        if (!answer.method().equals(request.getMethod()) || !answer.path().equals(path)) {
            RequestGuard.refuse(
                    request,
                    response,
                    422,
                    "Clé d'idempotence déjà utilisée",
                    "Cette clé a déjà servi pour une autre demande : chaque envoi doit avoir sa propre clé.");
        } else if (!answer.done()) {
            busy(request, response);
        } else {
            replay(request, response, answer);
        }
    }

    private static @Nullable String keyOf(HttpServletRequest request) {
        String header = request.getHeader(HEADER);
        if (header != null) return header;
        try {
            return request.getParameter(FIELD);
        } catch (RuntimeException unreadable) { // a malformed multipart body: the handler will say so
            return null;
        }
    }

    private void process(
            HttpServletRequest request, HttpServletResponse response, FilterChain chain, String scope, String key)
            throws ServletException, IOException {
        ContentCachingResponseWrapper answer = new ContentCachingResponseWrapper(response);
        boolean completed = false;
        try {
            chain.doFilter(request, answer);
            int status = answer.getStatus();
            // a refusal (4xx) or a failure (5xx) wrote nothing: the same request may be sent again and be judged anew
            // (a form corrected elsewhere, a conflict resolved); only answers to what was done are kept
            if (status < 400) {
                kept.complete(
                        scope,
                        key,
                        status,
                        answer.getHeader("Location"),
                        answer.getContentType(),
                        answer.getContentAsByteArray());
                completed = true;
            }
        } finally {
            if (!completed) kept.release(scope, key);
            answer.copyBodyToResponse();
        }
    }

    /** The first request's answer, once it has one; empty when the key was freed (the first failed). */
    private Optional<IdempotentRequests.Kept> waitForAnswer(String scope, String key) {
        long deadline = System.nanoTime() + WAIT.toNanos();
        while (true) {
            Optional<IdempotentRequests.Kept> first = kept.find(scope, key);
            if (first.isEmpty() || first.get().done() || System.nanoTime() > deadline) return first;
            try {
                Thread.sleep(50);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return first;
            }
        }
    }

    private static void replay(HttpServletRequest request, HttpServletResponse response, IdempotentRequests.Kept first)
            throws IOException, ServletException {
        int status = java.util.Objects.requireNonNull(first.status());
        boolean redirect = status >= 300 && status < 400 && first.location() != null;
        byte[] body = first.body();
        if (!redirect && body == null) { // an answer too large to keep
            RequestGuard.refuse(
                    request,
                    response,
                    409,
                    "Demande déjà traitée",
                    "Cette demande a déjà été envoyée et traitée une fois : elle ne l'a pas été une seconde fois.");
            return;
        }
        response.setStatus(status);
        response.setHeader(REPLAYED, "true");
        if (redirect) response.setHeader("Location", first.location());
        if (first.contentType() != null) response.setContentType(first.contentType());
        if (body != null) {
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
        }
    }

    private static void busy(HttpServletRequest request, HttpServletResponse response)
            throws IOException, ServletException {
        response.setHeader("Retry-After", "5");
        RequestGuard.refuse(
                request,
                response,
                409,
                "Demande en cours",
                "Cette demande est encore en cours de traitement : rechargez la page dans quelques secondes pour voir"
                        + " son résultat.");
    }
}
