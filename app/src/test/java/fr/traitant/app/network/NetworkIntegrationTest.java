package fr.traitant.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.Http;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.directory.Doctors;
import fr.traitant.engine.directory.NewPatients;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;
import tools.jackson.databind.JsonNode;

@IntegrationTest
class NetworkIntegrationTest {

    @Autowired
    Charter charter;

    @Autowired
    Doctors doctors;

    @Autowired
    JdbcClient jdbc;

    @LocalServerPort
    int port;

    @Autowired
    fr.traitant.app.identity.Accounts accounts;

    String freeSyntheticGp(String departement) {
        return jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE' and not d.network_member
                   and c.departement_code = ? order by d.id limit 1 offset 3""").param(departement).query(String.class).single();
    }

    @Test
    void the_demo_network_sits_around_garrisons_and_is_labelled_synthetic() {
        assertThat(charter.memberCount()).isBetween(200, 320);
        assertThat(charter.anySynthetic()).isTrue();
        var counts = charter.countsByDepartement();
        int var = counts.stream()
                .filter(c -> c.code().equals("83"))
                .findFirst()
                .orElseThrow()
                .members();
        int finistere = counts.stream()
                .filter(c -> c.code().equals("29"))
                .findFirst()
                .orElseThrow()
                .members();
        int creuse = counts.stream()
                .filter(c -> c.code().equals("23"))
                .findFirst()
                .orElseThrow()
                .members();
        assertThat(var).isGreaterThan(20);
        assertThat(finistere).isGreaterThan(10);
        assertThat(creuse).isZero();
        Http http = new Http(port);
        var manager =
                fr.traitant.app.TestAccounts.signedIn(accounts, fr.traitant.app.identity.Role.NETWORK_MANAGER, port);
        JsonNode points = tools.jackson.databind.json.JsonMapper.builder()
                .build()
                .readTree(manager.get("/api/v1/network/members/points", "application/json")
                        .body());
        assertThat(http.get("/api/v1/network/members/points").status()).isIn(401, 403);
        assertThat(points.size()).isEqualTo(charter.memberCount());
        assertThat(http.get("/api/v1/network/charter").json().get("version").asInt())
                .isEqualTo(charter.currentVersion().version());
        JsonNode near = http.get("/api/v1/doctors/search?place=Toulon&network=true&limit=5")
                .json();
        assertThat(near.get("doctors").size()).isEqualTo(5);
        near.get("doctors")
                .forEach(d -> assertThat(d.get("networkMember").asBoolean()).isTrue());
    }

    @Test
    void a_doctor_signs_updates_and_withdraws_and_the_history_keeps_everything() {
        String rpps = freeSyntheticGp("35");
        Membership signed = charter.sign(rpps, new CharterCommitments(true, true, 12));
        assertThat(signed.version()).isEqualTo(charter.currentVersion().version());
        assertThat(signed.departement()).isEqualTo("35");
        assertThat(doctors.findByRpps(rpps).orElseThrow().networkMember()).isTrue();
        assertThatThrownBy(() -> charter.sign(rpps, new CharterCommitments(true, false, 1)))
                .hasMessageContaining("déjà signé");

        charter.update(rpps, new CharterCommitments(true, false, 4));
        assertThat(charter.membership(rpps).orElseThrow().commitments().newPatientsPerYear())
                .isEqualTo(4);

        charter.withdraw(rpps, "Départ en retraite");
        assertThat(charter.membership(rpps)).isEmpty();
        assertThat(doctors.findByRpps(rpps).orElseThrow().networkMember()).isFalse();
        var history = charter.history(signed.doctorId());
        assertThat(history).extracting(CharterEvent::kind).containsExactly("SIGNED", "UPDATED", "WITHDRAWN");
        assertThat(history.getLast().reason()).isEqualTo("Départ en retraite");
    }

    @Test
    void bad_commitments_and_unknown_doctors_are_refused_and_nothing_is_stored() {
        assertThatThrownBy(() -> new CharterCommitments(false, false, 3))
                .hasMessageContaining("au moins un engagement");
        assertThatThrownBy(() -> new CharterCommitments(true, true, -1)).hasMessageContaining("entre 0 et 2000");
        assertThatThrownBy(() -> charter.sign("123", new CharterCommitments(true, true, 1)))
                .hasMessageContaining("11 chiffres");
        assertThatThrownBy(() -> charter.sign("10000013994", new CharterCommitments(true, true, 1)))
                .hasMessageContaining("Aucun médecin actif");
        assertThat(charter.membership("10000013994")).isEmpty();
    }

    @Test
    void a_doctor_keeps_availability_up_to_date_within_the_rules() {
        String rpps = freeSyntheticGp("29");
        var profile = doctors.updateAvailability(rpps, NewPatients.ACCEPTING, 7, 2);
        assertThat(profile.newPatients()).isEqualTo(NewPatients.ACCEPTING);
        assertThat(profile.capacity()).isEqualTo(7);
        assertThat(profile.availabilityUpdatedAt()).isPresent();
        assertThatThrownBy(() -> doctors.updateAvailability(rpps, NewPatients.NOT_ACCEPTING, 3, 1))
                .hasMessageContaining("que si vous en acceptez");
        assertThatThrownBy(() -> doctors.updateAvailability(rpps, NewPatients.ACCEPTING, 3, 4))
                .hasMessageContaining("complexité");
        assertThat(doctors.findByRpps(rpps).map(p -> p.capacity())).isEqualTo(Optional.of(7));
    }

    /**
     * Issue #15: the complexity restricts matching only once the doctor chose it in their space; a capacity stated
     * elsewhere (the proposal workflow) does not declare it.
     */
    @Test
    void a_complexity_restricts_matching_only_once_the_doctor_chose_it() {
        // a doctor no test has declared anything for (the database is shared)
        String rpps = jdbc.sql("""
                select d.rpps from doctor d where d.synthetic and d.active and d.specialty = 'GENERAL_PRACTICE'
                   and not d.complexity_declared and d.availability_updated_at is null order by d.id desc limit 1""").query(String.class).single();
        var undeclared = doctors.updateAvailability(rpps, NewPatients.ACCEPTING, 5, 1, false);
        assertThat(undeclared.complexityDeclared()).isFalse();
        assertThat(undeclared.takesComplexCases())
                .as("default 1, never chosen: no restriction")
                .isTrue();
        var simpleOnly = doctors.updateAvailability(rpps, NewPatients.ACCEPTING, 5, 1);
        assertThat(simpleOnly.complexityDeclared()).isTrue();
        assertThat(simpleOnly.takesComplexCases()).isFalse();
        var later = doctors.updateAvailability(rpps, NewPatients.ACCEPTING, 4, 1, false);
        assertThat(later.takesComplexCases())
                .as("a later capacity change keeps the declaration")
                .isFalse();
        assertThat(doctors.updateAvailability(rpps, NewPatients.ACCEPTING, 4, 2).takesComplexCases())
                .isTrue();
    }
}
