package fr.traitant.app.platform;

import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * The public APIs ({@code /api/}, {@code /fhir}) used without signing in are limited per client address (issue 22):
 * a token bucket of {@code traitant.api.rate-limit-per-minute} requests, refilled evenly over a minute (bucket4j).
 * Beyond it: 429 with {@code Retry-After} (seconds) and a problem detail in French. Signed-in users (the fund's staff,
 * doctors, families) are not limited here; their sign-in is ({@code identity.LoginThrottle}). The client address is
 * the one Tomcat resolved (the trusted proxy's {@code X-Forwarded-For} when one is configured). Buckets live in memory
 * (one instance), at most {@value #MAX_TRACKED} addresses.
 */
final class ApiRateLimit extends OncePerRequestFilter {

    static final int MAX_TRACKED = 100_000;

    private final int perMinute;
    private final Map<String, Bucket> buckets = new ConcurrentHashMap<>();

    /** @param perMinute requests per minute and address; 0 turns the limit off */
    ApiRateLimit(int perMinute) {
        this.perMinute = perMinute;
    }

    @Override
    protected boolean shouldNotFilter(HttpServletRequest request) {
        String path = request.getRequestURI();
        return perMinute <= 0
                || request.getUserPrincipal() != null
                || !(path.startsWith("/api/") || path.startsWith("/fhir"));
    }

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        if (buckets.size() > MAX_TRACKED) buckets.clear(); // memory bound under a spraying attack
        Bucket bucket = buckets.computeIfAbsent(
                request.getRemoteAddr(),
                address -> Bucket.builder()
                        .addLimit(Bandwidth.builder()
                                .capacity(perMinute)
                                .refillGreedy(perMinute, Duration.ofMinutes(1))
                                .build())
                        .build());
        ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
        if (probe.isConsumed()) {
            response.setHeader("RateLimit-Remaining", Long.toString(probe.getRemainingTokens()));
            chain.doFilter(request, response);
            return;
        }
        long seconds =
                Math.max(1, Duration.ofNanos(probe.getNanosToWaitForRefill()).toSeconds() + 1);
        response.setHeader("Retry-After", Long.toString(seconds));
        RequestGuard.refuse(
                request,
                response,
                429,
                "Trop de requêtes",
                "Cette adresse a envoyé plus de " + perMinute + " requêtes en une minute : réessayez dans " + seconds
                        + " s. Pour un usage soutenu, demandez un compte d'accès à l'API.");
    }
}
