package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** A doctor's year of birth is for agents only: not in the public API nor in public FHIR (issue 12, finding 8). */
@IntegrationTest
class BirthYearForAgentsTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Test
    void the_public_and_doctors_do_not_see_it_agents_do() {
        var doctor = jdbc.sql(
                        "select id, birth_year from doctor where active and birth_year is not null order by id limit 1")
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getInt(2)})
                .single();
        String id = (String) doctor[0];
        String year = Integer.toString((Integer) doctor[1]);

        String publicProfile = new Http(port).get("/api/v1/doctors/" + id).body();
        assertThat(publicProfile).contains("\"id\":\"" + id + "\"").doesNotContain("\"birthYear\":" + year);
        String publicFhir = new Http(port)
                .get("/fhir/Practitioner/" + id, "application/fhir+json")
                .body();
        assertThat(publicFhir).contains("\"resourceType\":\"Practitioner\"").doesNotContain("\"birthDate\"");
        WebSession asDoctor = TestAccounts.signedIn(accounts, Role.DOCTOR, port);
        assertThat(asDoctor.get("/api/v1/doctors/" + id, "application/json").body())
                .doesNotContain("\"birthYear\":" + year);

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.get("/api/v1/doctors/" + id, "application/json").body())
                .contains("\"birthYear\":" + year);
        assertThat(advisor.get("/fhir/Practitioner/" + id, "application/fhir+json")
                        .body())
                .contains("\"birthDate\":\"" + year + "\"");
    }
}
