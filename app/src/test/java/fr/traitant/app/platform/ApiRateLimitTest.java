package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The public APIs without signing in: N requests a minute per address, then 429 with Retry-After (issue 22). */
class ApiRateLimitTest {

    private final AtomicInteger served = new AtomicInteger();
    private final ApiRateLimit limit = new ApiRateLimit(3);

    private MockHttpServletResponse call(String path, String address, boolean signedIn) throws Exception {
        MockHttpServletRequest request = new MockHttpServletRequest("GET", path);
        request.setRemoteAddr(address);
        request.addHeader("Accept", "application/json");
        if (signedIn) request.setUserPrincipal(() -> "conseiller");
        MockHttpServletResponse response = new MockHttpServletResponse();
        limit.doFilter(request, response, (req, res) -> served.incrementAndGet());
        return response;
    }

    @Test
    void the_fourth_anonymous_call_in_a_minute_is_a_429_with_retry_after_in_french() throws Exception {
        for (int i = 0; i < 3; i++) {
            assertThat(call("/api/v1/doctors/search", "203.0.113.7", false).getStatus())
                    .isEqualTo(200);
        }
        MockHttpServletResponse refused = call("/fhir/Practitioner", "203.0.113.7", false);
        assertThat(refused.getStatus()).isEqualTo(429);
        assertThat(Integer.parseInt(refused.getHeader("Retry-After"))).isBetween(1, 21);
        assertThat(refused.getContentType()).startsWith("application/problem+json");
        assertThat(refused.getContentAsString(java.nio.charset.StandardCharsets.UTF_8))
                .contains("Trop de requêtes")
                .contains("\"status\":429");
        assertThat(served).hasValue(3);
    }

    @Test
    void other_addresses_signed_in_users_and_pages_are_not_counted() throws Exception {
        for (int i = 0; i < 3; i++) call("/api/v1/doctors/search", "203.0.113.8", false);
        assertThat(call("/api/v1/doctors/search", "203.0.113.9", false).getStatus())
                .isEqualTo(200);
        assertThat(call("/api/v1/households/1", "203.0.113.8", true).getStatus())
                .isEqualTo(200);
        assertThat(call("/trouver-un-medecin", "203.0.113.8", false).getStatus())
                .isEqualTo(200);
        assertThat(served).hasValue(6);
    }

    @Test
    void zero_turns_the_limit_off() throws Exception {
        ApiRateLimit off = new ApiRateLimit(0);
        MockHttpServletRequest request = new MockHttpServletRequest("GET", "/api/v1/doctors/search");
        for (int i = 0; i < 50; i++) {
            MockHttpServletResponse response = new MockHttpServletResponse();
            off.doFilter(request, response, (req, res) -> served.incrementAndGet());
            assertThat(response.getStatus()).isEqualTo(200);
        }
        assertThat(served).hasValue(50);
    }
}
