package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class DoctorSearchIntegrationTest {

    @LocalServerPort
    int port;

    @Autowired
    DoctorSearch search;

    @Autowired
    DirectoryIndex index;

    Http http;

    @BeforeEach
    void setUp() {
        http = new Http(port);
        index.awaitRebuilds();
    }

    @Test
    void finds_doctors_near_a_commune_nearest_first_with_every_filter_honoured() {
        var response = http.get("/api/v1/doctors/search?place=Toulon&accepting=true&limit=20");
        assertThat(response.status()).isEqualTo(200);
        JsonNode json = response.json();
        assertThat(json.get("originLabel").asString()).contains("Toulon");
        JsonNode doctors = json.get("doctors");
        assertThat(doctors.size()).isEqualTo(20);
        double previous = -1;
        for (JsonNode d : doctors) {
            assertThat(d.get("newPatients").asString()).isEqualTo("ACCEPTING");
            assertThat(d.get("travelMinutes").asDouble()).isGreaterThanOrEqualTo(previous);
            assertThat(d.get("synthetic").asBoolean()).isTrue();
            assertThat(d.get("rpps").asString()).startsWith("000");
            previous = d.get("travelMinutes").asDouble();
        }
        assertThat(json.get("matching").asInt()).isGreaterThanOrEqualTo(20);

        JsonNode filtered = http.get(
                        "/api/v1/doctors/search?place=83000&sector1=true&teleconsultation=true&wheelchair=true"
                                + "&specialty=SM54&radiusKm=100&limit=100")
                .json();
        assertThat(filtered.get("doctors").size()).isPositive();
        for (JsonNode d : filtered.get("doctors")) {
            assertThat(d.get("feeSector").asString()).isEqualTo("SECTOR_1");
            assertThat(d.get("teleconsultation").asBoolean()).isTrue();
            assertThat(d.get("wheelchairAccess").asBoolean()).isTrue();
            assertThat(d.get("specialtyCode").asString()).isEqualTo("SM54");
            assertThat(d.get("distanceKm").asDouble()).isLessThanOrEqualTo(100.0);
        }
        JsonNode english = http.get("/api/v1/doctors/search?lat=48.39&lon=-4.49&language=en&limit=10")
                .json();
        for (JsonNode d : english.get("doctors")) {
            assertThat(d.get("languages").toString()).contains("en");
        }
    }

    @Test
    void finds_doctors_by_name_without_a_place() {
        JsonNode first = http.get("/api/v1/doctors/search?place=Brest&limit=1")
                .json()
                .get("doctors")
                .get(0);
        String lastName = first.get("name")
                .asString()
                .substring(first.get("name").asString().lastIndexOf(' ') + 1);
        JsonNode byName = http.get("/api/v1/doctors/search?name=" + Http.encode(lastName.toLowerCase()) + "&limit=100")
                .json();
        assertThat(byName.get("matching").asInt()).isPositive();
        for (JsonNode d : byName.get("doctors")) {
            assertThat(d.get("name").asString().toLowerCase()).contains(lastName.toLowerCase());
        }
    }

    @Test
    void an_empty_search_suggests_a_wider_radius_or_teleconsultation() {
        // Few specialists speak Portuguese in a 10 km circle of a village.
        JsonNode json = http.get(
                        "/api/v1/doctors/search?place=Saint-Martin-Vésubie&radiusKm=10&specialty=SM15&language=pt"
                                + "&wheelchair=true")
                .json();
        assertThat(json.get("matching").asInt()).isZero();
        assertThat(json.get("doctors").size()).isZero();
        assertThat(json.get("widerRadiusKm").isNull()
                        && json.get("teleconsultationMatching").asInt() == 0)
                .isFalse();
    }

    @Test
    void bad_input_is_a_clear_error() {
        var impossible = http.get("/api/v1/doctors/search?lat=95&lon=2");
        assertThat(impossible.status()).isEqualTo(400);
        assertThat(impossible.contentType()).contains("application/problem+json");
        assertThat(impossible.json().get("detail").asString()).contains("Coordonnées impossibles");
        assertThat(http.get("/api/v1/doctors/search?place=Toulon&specialty=SM99")
                        .json()
                        .get("detail")
                        .asString())
                .contains("Spécialité inconnue");
        assertThat(http.get("/api/v1/doctors/search?place=Xyzzyville").status()).isEqualTo(404);
        assertThat(http.get("/api/v1/doctors/search").status()).isEqualTo(400);
        assertThat(http.get("/api/v1/doctors/search?place=Toulon&radiusKm=500").status())
                .isEqualTo(400);
        assertThat(http.get("/api/v1/doctors/search?lat=43&lon=abc").status()).isEqualTo(400);
    }

    @Tag("figures")
    @Test
    void top_20_with_filters_takes_a_few_milliseconds() {
        SplittableRandom random = new SplittableRandom(1);
        List<DoctorSearchCriteria> queries = new ArrayList<>();
        for (int i = 0; i < 2_000; i++) {
            GeoPoint p = new GeoPoint(43 + random.nextDouble() * 6, -1 + random.nextDouble() * 8);
            queries.add(new DoctorSearchCriteria(
                    Optional.of(p),
                    "",
                    random.nextBoolean(),
                    false,
                    random.nextBoolean(),
                    random.nextBoolean() ? "SM54" : "",
                    random.nextInt(4) == 0,
                    random.nextInt(4) == 0,
                    "",
                    30,
                    20));
        }
        for (DoctorSearchCriteria q : queries.subList(0, 500)) {
            search.search(q, Optional.empty());
        }
        long[] nanos = new long[queries.size()];
        for (int i = 0; i < queries.size(); i++) {
            long start = System.nanoTime();
            search.search(queries.get(i), Optional.empty());
            nanos[i] = System.nanoTime() - start;
        }
        Arrays.sort(nanos);
        double p50 = nanos[nanos.length / 2] / 1e6;
        double p99 = nanos[(int) (nanos.length * 0.99)] / 1e6;
        System.out.printf("Search over %d doctors: p50 %.3f ms, p99 %.3f ms%n", search.indexedDoctors(), p50, p99);
        assertThat(p99).isLessThan(20.0);
    }
}
