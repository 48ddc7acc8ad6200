package fr.traitant.app.platform;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
@ExtendWith(OutputCaptureExtension.class)
class OperationsTest {

    @LocalServerPort
    int port;

    @Test
    void health_is_up() {
        Http.Response health = new Http(port).get("/actuator/health");
        assertThat(health.status()).isEqualTo(200);
        assertThat(health.json().get("status").asString()).isEqualTo("UP");
    }

    @org.springframework.beans.factory.annotation.Autowired
    fr.traitant.app.identity.Accounts accounts;

    @Test
    void prometheus_metrics_are_exposed_to_admin_with_http_basic() throws Exception {
        assertThat(new Http(port).get("/actuator/prometheus", "text/plain").status())
                .isEqualTo(401);
        var admin = fr.traitant.app.TestAccounts.create(accounts, fr.traitant.app.identity.Role.ADMIN);
        String basic = java.util.Base64.getEncoder()
                .encodeToString((admin.username() + ":" + fr.traitant.app.TestAccounts.PASSWORD)
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8));
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/actuator/prometheus"))
                                .header("Authorization", "Basic " + basic)
                                .header("Accept", "text/plain")
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.body()).contains("jvm_memory_used_bytes").contains("hikaricp_connections");
    }

    @Test
    void openapi_describes_the_api_and_swagger_ui_is_served() {
        Http http = new Http(port);
        Http.Response docs = http.get("/v3/api-docs");
        assertThat(docs.status()).isEqualTo(200);
        assertThat(docs.json().get("paths").has("/api/v1/communes/{code}")).isTrue();
        assertThat(docs.json().get("paths").has("/api/v1/departements")).isTrue();
        assertThat(http.get("/swagger-ui/index.html", "text/html").status()).isEqualTo(200);
    }

    @Test
    void request_logs_show_the_route_pattern_not_the_identifiers_or_the_query(CapturedOutput output) {
        Http http = new Http(port);
        http.get("/api/v1/communes/2B033");
        http.get("/api/v1/communes?query=secretname");
        assertThat(output.getOut()).contains("GET /api/v1/communes/{code} 200").contains("GET /api/v1/communes 200");
        assertThat(output.getOut()).doesNotContain("2B033").doesNotContain("secretname");
    }

    @Test
    void pages_not_found_are_french_html_for_people_and_problems_for_programs() {
        Http http = new Http(port);
        Http.Response page = http.get("/nulle-part", "text/html");
        assertThat(page.status()).isEqualTo(404);
        assertThat(page.contentType()).startsWith("text/html");
        assertThat(page.body()).contains("Page introuvable").doesNotContain("Exception");
        Http.Response api = http.get("/api/v1/nulle-part");
        assertThat(api.status()).isEqualTo(404);
        assertThat(api.contentType()).startsWith("application/problem+json");
    }
}
