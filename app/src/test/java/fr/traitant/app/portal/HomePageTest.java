package fr.traitant.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

@IntegrationTest
class HomePageTest {

    @LocalServerPort
    int port;

    @Test
    void home_page_is_french_dsfr_with_national_figures() {
        Http.Response home = new Http(port).get("/", "text/html");
        assertThat(home.status()).isEqualTo(200);
        assertThat(home.body())
                .contains("<html lang=\"fr\"")
                .contains("/dsfr/dsfr.min.css")
                .contains("fr-skiplinks")
                .contains("fr-header")
                .contains("fr-footer")
                .contains("34 875")
                .contains("Île-de-France")
                .contains("carte-departements");
    }

    @Test
    void suggestions_fragment_lists_toulon_first_for_its_postal_code() {
        Http.Response fragment = new Http(port).get("/communes/suggestions?query=83000", "text/html");
        assertThat(fragment.status()).isEqualTo(200);
        assertThat(fragment.body())
                .contains("Toulon")
                .contains("/communes/83137")
                .doesNotContain("<html");
    }

    @Test
    void search_page_works_without_javascript_and_reports_bad_input_next_to_the_field() {
        Http http = new Http(port);
        assertThat(http.get("/communes?query=" + Http.encode("saint etienne"), "text/html")
                        .body())
                .contains("Saint-Étienne");
        Http.Response tooLong = http.get("/communes?query=" + "x".repeat(1000), "text/html");
        assertThat(tooLong.status()).isEqualTo(422);
        assertThat(tooLong.body()).contains("fr-error-text").contains("100 caractères");
    }

    @Test
    void commune_page_and_unknown_commune_page() {
        Http http = new Http(port);
        assertThat(http.get("/communes/83137", "text/html").body())
                .contains("Toulon")
                .contains("179 116");
        Http.Response unknown = http.get("/communes/99999", "text/html");
        assertThat(unknown.status()).isEqualTo(404);
        assertThat(unknown.body()).contains("99999").contains("fr-header");
    }

    @Test
    void departement_outlines_are_served_offline() {
        Http.Response geojson = new Http(port).get("/geo/departements.geojson", "application/geo+json");
        assertThat(geojson.status()).isEqualTo(200);
        assertThat(geojson.json().get("features").size()).isEqualTo(96);
    }
}
