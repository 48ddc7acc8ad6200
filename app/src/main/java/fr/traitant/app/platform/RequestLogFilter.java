package fr.traitant.app.platform;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.stereotype.Component;
import org.springframework.web.filter.OncePerRequestFilter;
import org.springframework.web.servlet.HandlerMapping;

/**
 * One log line per request without personal data: the method, the matched route <em>pattern</em>
 * ({@code /api/v1/communes/{code}}, never the actual identifiers), the status and the duration.
 * Query strings, bodies, client addresses and user names are never logged here.
 */
@Component
@Order(Ordered.HIGHEST_PRECEDENCE + 10)
class RequestLogFilter extends OncePerRequestFilter {

    static final String LOGGER_NAME = "traitant.requests";
    private static final Logger log = LoggerFactory.getLogger(LOGGER_NAME);

    @Override
    protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
            throws ServletException, IOException {
        long start = System.nanoTime();
        try {
            chain.doFilter(request, response);
        } finally {
            Object pattern = request.getAttribute(HandlerMapping.BEST_MATCHING_PATTERN_ATTRIBUTE);
            String route = pattern != null ? pattern.toString() : "(unmatched)";
            long millis = (System.nanoTime() - start) / 1_000_000;
            boolean asset = route.startsWith("/dsfr/")
                    || route.startsWith("/webjars/")
                    || route.startsWith("/js/")
                    || route.startsWith("/css/")
                    || route.startsWith("/img/");
            if (asset) {
                log.debug("{} {} {} {}ms", request.getMethod(), route, response.getStatus(), millis);
            } else {
                log.info("{} {} {} {}ms", request.getMethod(), route, response.getStatus(), millis);
            }
        }
    }
}
