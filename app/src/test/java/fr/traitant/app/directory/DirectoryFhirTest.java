package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import ca.uhn.fhir.context.FhirContext;
import ca.uhn.fhir.context.support.DefaultProfileValidationSupport;
import ca.uhn.fhir.validation.FhirValidator;
import ca.uhn.fhir.validation.ResultSeverityEnum;
import ca.uhn.fhir.validation.SingleValidationMessage;
import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import java.util.List;
import org.hl7.fhir.common.hapi.validation.support.CommonCodeSystemsTerminologyService;
import org.hl7.fhir.common.hapi.validation.support.InMemoryTerminologyServerValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.SnapshotGeneratingValidationSupport;
import org.hl7.fhir.common.hapi.validation.support.ValidationSupportChain;
import org.hl7.fhir.common.hapi.validation.validator.FhirInstanceValidator;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

/** The FHIR endpoints serve resources that the HAPI validator accepts against base R4 with zero errors. */
@IntegrationTest
class DirectoryFhirTest {

    static FhirContext fhir;
    static FhirValidator validator;

    @LocalServerPort
    int port;

    @Autowired
    JdbcClient jdbc;

    @BeforeAll
    static void validator() {
        fhir = FhirContext.forR4();
        ValidationSupportChain chain = new ValidationSupportChain(
                new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir),
                new CommonCodeSystemsTerminologyService(fhir),
                new SnapshotGeneratingValidationSupport(fhir));
        validator = fhir.newValidator();
        validator.registerValidatorModule(new FhirInstanceValidator(chain));
    }

    String fhirGet(String path, int expectedStatus) {
        var response = new Http(port).get(path, "application/fhir+json");
        assertThat(response.status()).as(path + " → " + response.body()).isEqualTo(expectedStatus);
        assertThat(response.contentType()).contains("application/fhir+json");
        return response.body();
    }

    void assertValid(String json) {
        List<SingleValidationMessage> errors = validator.validateWithResult(json).getMessages().stream()
                .filter(m -> m.getSeverity() == ResultSeverityEnum.ERROR || m.getSeverity() == ResultSeverityEnum.FATAL)
                .toList();
        assertThat(errors).as(json).isEmpty();
    }

    @Test
    void every_served_resource_is_valid_r4() {
        String id = jdbc.sql("select id from doctor where synthetic and network_member and active order by id limit 1")
                .query(String.class)
                .single();
        String rpps = jdbc.sql("select rpps from doctor where id = ?")
                .param(id)
                .query(String.class)
                .single();
        assertValid(fhirGet("/fhir/metadata", 200));
        String practitioner = fhirGet("/fhir/Practitioner/" + id, 200);
        assertValid(practitioner);
        assertThat(practitioner)
                .contains("\"system\":\"https://rpps.esante.gouv.fr\"")
                .contains(rpps)
                .contains("synthetic");
        String role = fhirGet("/fhir/PractitionerRole/" + id, 200);
        assertValid(role);
        assertThat(role).contains("newpatients").contains("acceptingPatients").contains("network-member");
        assertValid(fhirGet("/fhir/Location/" + id + "-0", 200));
        assertValid(fhirGet("/fhir/Organization/" + id + "-0", 200));
        String byIdentifier = fhirGet("/fhir/Practitioner?identifier=https://rpps.esante.gouv.fr%7C" + rpps, 200);
        // many FHIR clients send the token's "|" unencoded: Tomcat must accept it (issue #22), not answer a bare 400
        try (var socket = new java.net.Socket("localhost", port)) {
            socket.getOutputStream()
                    .write(("GET /fhir/Practitioner?identifier=https://rpps.esante.gouv.fr|" + rpps + " HTTP/1.1\r\n"
                                    + "Host: localhost\r\nAccept: application/fhir+json\r\nConnection: close\r\n\r\n")
                            .getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            String answer = new String(socket.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
            assertThat(answer).startsWith("HTTP/1.1 200").containsPattern("\"total\"\\s*:\\s*1");
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        assertValid(byIdentifier);
        assertThat(fhir.newJsonParser()
                        .parseResource(org.hl7.fhir.r4.model.Bundle.class, byIdentifier)
                        .getTotal())
                .isEqualTo(1);
        assertValid(fhirGet("/fhir/PractitionerRole?practitioner=Practitioner/" + id, 200));
        assertValid(fhirGet("/fhir/Practitioner?name=martin&_count=5", 200));
        assertValid(fhirGet("/fhir/Location/unknown-0", 404));
    }

    @Test
    void location_near_search_returns_real_distances_nearest_first() {
        String json = fhirGet("/fhir/Location?near=43.1242%7C5.928%7C10%7Ckm&_count=10", 200);
        assertValid(json);
        JsonNode bundle = new Http.Response(200, "", json).json();
        JsonNode entries = bundle.get("entry");
        assertThat(entries.size()).isEqualTo(10);
        double previous = -1;
        for (JsonNode e : entries) {
            double km = e.get("search")
                    .get("extension")
                    .get(0)
                    .get("valueDistance")
                    .get("value")
                    .asDouble();
            JsonNode position = e.get("resource").get("position");
            double expected = fr.traitant.engine.geo.GeoPoint.greatCircleMetres(
                            43.1242,
                            5.928,
                            position.get("latitude").asDouble(),
                            position.get("longitude").asDouble())
                    / 1_000;
            assertThat(km)
                    .isCloseTo(expected, org.assertj.core.data.Offset.offset(0.002))
                    .isLessThanOrEqualTo(10.0);
            previous = km;
        }
        assertThat(previous).isPositive();
        String bad = fhirGet("/fhir/Location?near=95%7C5%7C10%7Ckm", 400);
        assertThat(bad).contains("OperationOutcome").contains("Coordonnées impossibles");
    }

    /** Follows the {@code next} links from {@code first}; every page is valid R4 and a searchset with the same total. */
    java.util.List<String> visit(String first, int pageSize) {
        java.util.List<String> ids = new java.util.ArrayList<>();
        String url = first;
        int total = -1;
        int pages = 0;
        while (url != null) {
            String json = fhirGet(url.substring(url.indexOf("/fhir")), 200);
            assertValid(json);
            org.hl7.fhir.r4.model.Bundle bundle =
                    fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, json);
            assertThat(bundle.getType()).isEqualTo(org.hl7.fhir.r4.model.Bundle.BundleType.SEARCHSET);
            if (total < 0) {
                total = bundle.getTotal();
            }
            assertThat(bundle.getTotal()).isEqualTo(total);
            assertThat(bundle.getLink("self")).isNotNull();
            assertThat(bundle.getLink("previous") != null).isEqualTo(pages > 0);
            assertThat(bundle.getEntry().size()).isLessThanOrEqualTo(pageSize);
            bundle.getEntry()
                    .forEach(e -> ids.add(e.getResource().getIdElement().getIdPart()));
            url = bundle.getLink("next") == null ? null : bundle.getLink("next").getUrl();
            pages++;
            assertThat(pages).as("pages").isLessThan(400);
        }
        assertThat(ids).as("every result once").doesNotHaveDuplicates().hasSize(total);
        return ids;
    }

    @Tag("heavy")
    @Test
    void following_next_links_visits_every_result_once() {
        java.util.List<String> near = visit("/fhir/Location?near=43.1242%7C5.928%7C3%7Ckm&_count=40", 40);
        assertThat(near.size()).isGreaterThan(80);
        // the pages are the one-page answer cut in slices
        String all = fhirGet("/fhir/Location?near=43.1242%7C5.928%7C3%7Ckm&_count=100", 200);
        org.hl7.fhir.r4.model.Bundle whole =
                fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, all);
        System.out.printf("FHIR paging: Location near Toulon 3 km, %d results in pages of 40%n", near.size());
        if (whole.getTotal() <= 100) {
            assertThat(near)
                    .containsExactlyElementsOf(whole.getEntry().stream()
                            .map(e -> e.getResource().getIdElement().getIdPart())
                            .toList());
        }
        String name = "roux"; // one synthetic surname in sixty: a few hundred doctors
        java.util.List<String> byName = visit("/fhir/Practitioner?name=" + name + "&_count=100", 100);
        assertThat(byName.size()).isGreaterThan(100);
        String second = fhirGet("/fhir/Practitioner?name=" + name + "&_count=25&_offset=25", 200);
        assertThat(second).contains("\"relation\":\"previous\"").contains("_getpagesoffset=50");
        assertThat(fhirGet("/fhir/Practitioner?name=" + name + "&_getpagesoffset=-1", 400))
                .contains("OperationOutcome");
        assertThat(fhirGet("/fhir/Practitioner?name=" + name + "&_count=101", 400))
                .contains("_count");
    }
}
