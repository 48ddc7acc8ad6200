package fr.traitant.app.territory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class TerritoryApiTest {

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    Http http() {
        return new Http(port);
    }

    @Test
    void all_communes_of_france_are_loaded() {
        assertThat(jdbc.sql("select count(*) from commune").query(Integer.class).single())
                .isEqualTo(34_875);
        assertThat(jdbc.sql("select count(*) from departement")
                        .query(Integer.class)
                        .single())
                .isEqualTo(101);
        assertThat(jdbc.sql("select count(*) from region").query(Integer.class).single())
                .isEqualTo(18);
    }

    @Test
    void a_commune_by_its_code() {
        Http.Response response = http().get("/api/v1/communes/83137");
        assertThat(response.status()).isEqualTo(200);
        JsonNode toulon = response.json();
        assertThat(toulon.get("code").asString()).isEqualTo("83137");
        assertThat(toulon.get("name").asString()).isEqualTo("Toulon");
        assertThat(toulon.get("departement").asString()).isEqualTo("83");
        assertThat(toulon.get("region").asString()).isEqualTo("93");
        assertThat(toulon.get("epci").asString()).isEqualTo("248300543");
        assertThat(toulon.get("population").asInt()).isEqualTo(179_116);
        assertThat(toulon.get("lat").asDouble()).isBetween(43.0, 43.2);
        assertThat(toulon.get("lon").asDouble()).isBetween(5.8, 6.0);
        assertThat(strings(toulon.get("postalCodes"))).containsExactly("83000", "83100", "83200");
    }

    @Test
    void corsican_codes_work() {
        assertThat(http().get("/api/v1/communes/2A004").json().get("name").asString())
                .isEqualTo("Ajaccio");
    }

    @Test
    void an_unknown_code_is_a_404_problem() {
        Http.Response response = http().get("/api/v1/communes/99999");
        assertThat(response.status()).isEqualTo(404);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("status").asInt()).isEqualTo(404);
        assertThat(response.json().get("detail").asString()).contains("99999");
        assertThat(response.json().get("instance").asString()).isEqualTo("/api/v1/communes/99999");
    }

    @Test
    void a_malformed_code_is_a_400_problem() {
        Http.Response response = http().get("/api/v1/communes/abc");
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("detail").asString()).contains("invalide");
    }

    @Test
    void search_ignores_accents_case_and_hyphens_biggest_first() {
        List<String> codes = codes(http().get("/api/v1/communes?query=" + Http.encode("saint etienne") + "&limit=5")
                .json());
        assertThat(codes).first().isEqualTo("42218");
        assertThat(codes).hasSize(5);
        assertThat(codes(http().get("/api/v1/communes?query=" + Http.encode("SAINT-ÉTIENNE") + "&limit=1")
                        .json()))
                .containsExactly("42218");
        JsonNode results = http().get("/api/v1/communes?query=saint&limit=10").json();
        List<Integer> populations = new ArrayList<>();
        results.forEach(c -> populations.add(c.get("population").asInt()));
        assertThat(populations).isSortedAccordingTo((a, b) -> Integer.compare(b, a));
    }

    @Test
    void search_by_postal_code() {
        assertThat(codes(http().get("/api/v1/communes?query=83000").json())).containsExactly("83137");
        assertThat(codes(http().get("/api/v1/communes?query=8310&limit=50").json()))
                .contains("83137");
    }

    @Test
    void limit_defaults_to_ten() {
        assertThat(http().get("/api/v1/communes?query=sa").json().size()).isEqualTo(10);
    }

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/api/v1/communes?query=",
                "/api/v1/communes?query=%20%20",
                "/api/v1/communes",
                "/api/v1/communes?query=toulon&limit=-1",
                "/api/v1/communes?query=toulon&limit=0",
                "/api/v1/communes?query=toulon&limit=51",
                "/api/v1/communes?query=toulon&limit=dix"
            })
    void bad_searches_are_400_problems(String path) {
        Http.Response response = http().get(path);
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.contentType()).startsWith("application/problem+json");
        assertThat(response.json().get("title").asString()).isEqualTo("Requête invalide");
        assertThat(response.json().get("detail").asString()).isNotBlank();
    }

    @Test
    void a_1000_character_query_is_a_400_problem() {
        Http.Response response = http().get("/api/v1/communes?query=" + "a".repeat(1000));
        assertThat(response.status()).isEqualTo(400);
        assertThat(response.json().get("detail").asString()).contains("100 caractères");
    }

    @Test
    void sql_wildcards_are_plain_text() {
        assertThat(http().get("/api/v1/communes?query=" + Http.encode("%"))
                        .json()
                        .size())
                .isZero();
    }

    @Test
    void departements_with_population_and_commune_counts() {
        JsonNode departements = http().get("/api/v1/departements").json();
        assertThat(departements.size()).isEqualTo(101);
        long population = 0;
        int communes = 0;
        JsonNode var = null;
        for (JsonNode d : departements) {
            population += d.get("population").asLong();
            communes += d.get("communes").asInt();
            if (d.get("code").asString().equals("83")) {
                var = d;
            }
        }
        assertThat(communes).isEqualTo(34_875);
        long expected = jdbc.sql("select sum(population) from commune")
                .query(Long.class)
                .single();
        assertThat(population).isEqualTo(expected);
        assertThat(var).isNotNull();
        assertThat(var.get("name").asString()).isEqualTo("Var");
        assertThat(var.get("communes").asInt()).isEqualTo(153);
    }

    private static List<String> codes(JsonNode array) {
        List<String> codes = new ArrayList<>();
        array.forEach(c -> codes.add(c.get("code").asString()));
        return codes;
    }

    private static List<String> strings(JsonNode array) {
        List<String> values = new ArrayList<>();
        array.forEach(v -> values.add(v.asString()));
        return values;
    }
}
