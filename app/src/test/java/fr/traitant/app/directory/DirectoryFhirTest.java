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
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.beans.factory.annotation.Autowired;
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
        ValidationSupportChain chain = new ValidationSupportChain(new DefaultProfileValidationSupport(fhir),
                new InMemoryTerminologyServerValidationSupport(fhir), new CommonCodeSystemsTerminologyService(fhir),
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
                .query(String.class).single();
        String rpps = jdbc.sql("select rpps from doctor where id = ?").param(id).query(String.class).single();
        assertValid(fhirGet("/fhir/metadata", 200));
        String practitioner = fhirGet("/fhir/Practitioner/" + id, 200);
        assertValid(practitioner);
        assertThat(practitioner).contains("\"system\":\"https://rpps.esante.gouv.fr\"").contains(rpps).contains("synthetic");
        String role = fhirGet("/fhir/PractitionerRole/" + id, 200);
        assertValid(role);
        assertThat(role).contains("newpatients").contains("acceptingPatients").contains("network-member");
        assertValid(fhirGet("/fhir/Location/" + id + "-0", 200));
        assertValid(fhirGet("/fhir/Organization/" + id + "-0", 200));
        String byIdentifier = fhirGet("/fhir/Practitioner?identifier=https://rpps.esante.gouv.fr%7C" + rpps, 200);
        assertValid(byIdentifier);
        assertThat(fhir.newJsonParser().parseResource(org.hl7.fhir.r4.model.Bundle.class, byIdentifier).getTotal()).isEqualTo(1);
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
            double km = e.get("search").get("extension").get(0).get("valueDistance").get("value").asDouble();
            JsonNode position = e.get("resource").get("position");
            double expected = fr.traitant.engine.geo.GeoPoint.greatCircleMetres(43.1242, 5.928, position.get("latitude").asDouble(),
                    position.get("longitude").asDouble()) / 1_000;
            assertThat(km).isCloseTo(expected, org.assertj.core.data.Offset.offset(0.002)).isLessThanOrEqualTo(10.0);
            previous = km;
        }
        assertThat(previous).isPositive();
        String bad = fhirGet("/fhir/Location?near=95%7C5%7C10%7Ckm", 400);
        assertThat(bad).contains("OperationOutcome").contains("Coordonnées impossibles");
    }
}
