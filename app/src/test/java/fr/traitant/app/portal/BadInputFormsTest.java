package fr.traitant.app.portal;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.Nir;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 8: every form answers a mistake with the form again (422), the values kept and a French message
 * next to the field — never a bare error page: matching run, waiting-list filter, doctor's commune, network filter,
 * advisor's doctor search, DPO rectification (the member import's rules).
 */
@IntegrationTest
class BadInputFormsTest {

    private static final String SCRIPT = "<script>alert(1)</script>";

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    JdbcClient jdbc;

    /** The page is the form again: 422, the field holds what was typed, its error message is tied to it. */
    private static Element refusedField(WebSession.Response response, String fieldId, String typed, String message) {
        assertThat(response.status()).as(response.body()).isEqualTo(422);
        Document page = Jsoup.parse(response.body());
        assertThat(page.select("form")).as("the form is shown again").isNotEmpty();
        Element field = page.getElementById(fieldId);
        assertThat(field).as("field #" + fieldId).isNotNull();
        assertThat(field.val()).isEqualTo(typed);
        String describedBy = field.attr("aria-describedby");
        assertThat(describedBy).as("the field points at its message").isNotBlank();
        Element error = page.getElementById(describedBy);
        assertThat(error).isNotNull();
        assertThat(error.hasClass("fr-error-text")).isTrue();
        assertThat(error.text()).contains(message);
        assertThat(response.body()).doesNotContain(SCRIPT);
        return field;
    }

    @Test
    void matching_run_with_an_empty_unknown_or_hostile_departement() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        refusedField(
                advisor.submit("/appariements", "/appariements", Map.of("departement", "")),
                "departement",
                "",
                "Saisissez la zone à apparier : un département (83), une région (Occitanie) ou « France ».");
        for (String typed : List.of("999", "abc", SCRIPT, "2C")) {
            refusedField(
                    advisor.submit("/appariements", "/appariements", Map.of("departement", typed)),
                    "departement",
                    typed,
                    "n’est pas un département : saisissez son code, par exemple 83 ou 2A. Vous pouvez aussi saisir une région");
        }
        long runs =
                jdbc.sql("select count(*) from matching_run").query(Long.class).single();
        advisor.submit("/appariements", "/appariements", Map.of("departement", "abc"));
        assertThat(jdbc.sql("select count(*) from matching_run")
                        .query(Long.class)
                        .single())
                .as("nothing computed")
                .isEqualTo(runs);
    }

    @Test
    void waiting_list_filter_with_an_unknown_departement_or_priority() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        refusedField(advisor.get("/liste-attente?departement=zz"), "departement", "zz", "n’est pas un département");
        WebSession.Response priority = advisor.get("/liste-attente?departement=83&priorite=9");
        assertThat(priority.status()).isEqualTo(422);
        assertThat(Jsoup.parse(priority.body()).getElementById("priorite-error").text())
                .contains("La priorité va de 1 à 5");
        assertThat(Jsoup.parse(priority.body()).getElementById("departement").val())
                .isEqualTo("83");
        assertThat(advisor.get("/liste-attente?departement=83").status()).isEqualTo(200);
    }

    @Test
    void network_filter_with_an_unknown_departement_is_an_error_not_an_empty_list() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        refusedField(manager.get("/reseau?departement=99"), "departement", "99", "n’est pas un département");
        assertThat(manager.get("/reseau?departement=83").status()).isEqualTo(200);
    }

    @Test
    void doctor_commune_not_found_keeps_the_whole_form() {
        WebSession doctor = TestAccounts.signedIn(accounts, Role.DOCTOR, port);
        WebSession.Response refused = doctor.submit(
                "/propositions",
                "/propositions/capacite",
                Map.of("status", "ACCEPTING", "capacity", "7", "commune", "Nulle-Part-sur-Mer"));
        refusedField(refused, "commune", "Nulle-Part-sur-Mer", "Commune introuvable");
        assertThat(Jsoup.parse(refused.body()).getElementById("capacity").val()).isEqualTo("7");
        // a name, a postal code or an INSEE code are all a place
        for (String place : List.of("Besançon", "25000", "25056")) {
            WebSession.Response accepted = doctor.submit(
                    "/propositions",
                    "/propositions/capacite",
                    Map.of("status", "ACCEPTING", "capacity", "7", "commune", place));
            assertThat(accepted.status()).as(place).isEqualTo(302);
        }
    }

    @Test
    void place_fields_suggest_communes_that_are_read_back() {
        String options =
                new WebSession(port).get("/communes/options?commune=toul").body();
        assertThat(options).contains("<option value=\"Toulon (83)\">");
        assertThat(new WebSession(port).get("/communes/options?place=").body()).doesNotContain("<option");
        // the doctor's form takes the suggestion as typed
        WebSession doctor = TestAccounts.signedIn(accounts, Role.DOCTOR, port);
        assertThat(doctor.submit(
                                "/propositions",
                                "/propositions/capacite",
                                Map.of("status", "ACCEPTING", "capacity", "2", "commune", "Toulon (83)"))
                        .status())
                .isEqualTo(302);
        assertThat(Jsoup.parse(doctor.get("/propositions").body())
                        .getElementById("commune")
                        .attr("list"))
                .isEqualTo("communes-cabinet");
    }

    /**
     * The shared form fragments render what each page asks for and nothing else: the case form has its fields and no
     * file input (a fragment named like an element once pulled the upload's file input into every field), each
     * upload page exactly one file input.
     */
    @Test
    void form_fragments_render_only_their_own_fields() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        String caseForm = advisor.get("/dossiers/nouveau").body();
        assertThat(caseForm).doesNotContain("type=\"file\"");
        for (String field : List.of("requesterName", "phone", "email", "summary")) {
            assertThat(caseForm.split("name=\"" + field + "\"", -1)).as(field).hasSize(2);
        }
        for (String page : List.of("/mutations/import", "/adherents/import")) {
            assertThat(advisor.get(page).body().split("type=\"file\"", -1))
                    .as(page)
                    .hasSize(2);
        }
    }

    @Test
    void advisor_doctor_search_with_an_unknown_commune() {
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        WebSession.Response created = advisor.submit(
                "/dossiers/nouveau",
                "/dossiers",
                Map.of(
                        "channel",
                        "PHONE",
                        "motive",
                        "FIND_DOCTOR",
                        "requesterName",
                        "Mme Formulaire",
                        "commune",
                        "83137",
                        "summary",
                        "Cherche un médecin",
                        "priority",
                        "NORMAL"));
        assertThat(created.status()).as(created.body()).isEqualTo(302);
        String casePath = created.location().replaceAll("^https?://[^/]+", "");
        refusedField(
                advisor.get(casePath + "/medecins?commune=Atlantide&nom="),
                "commune-medecin",
                "Atlantide",
                "Aucune commune ne correspond");
        assertThat(advisor.get(casePath + "/medecins?commune=Toulon&nom=").status())
                .isEqualTo(200);
    }

    @Test
    void dpo_rectification_applies_the_member_import_rules() {
        Nir nir = Nir.of("184027512345674");
        long household = households.create(
                "Foyer Rectifiable",
                null,
                List.of(new NewMember("Jean", "Rectifiable", LocalDate.of(1984, 2, 10), nir, null, null)));
        long member = jdbc.sql("select id from member where household_id = :h")
                .param("h", household)
                .query(Long.class)
                .single();
        String person = "/dpo/personnes/member:" + member;
        WebSession dpo = TestAccounts.signedIn(accounts, Role.DPO, port);

        refusedField(
                dpo.submit(person, person + "/rectification", Map.of("champ", "lastName", "valeur", "<b>Gras</b>")),
                "valeur",
                "<b>Gras</b>",
                "ne peut contenir que des lettres");
        refusedField(
                dpo.submit(person, person + "/rectification", Map.of("champ", "birthDate", "valeur", "10/03/1990")),
                "valeur",
                "10/03/1990",
                "ne correspond pas au NIR");
        refusedField(
                dpo.submit(person, person + "/rectification", Map.of("champ", "birthDate", "valeur", "31/02/1984")),
                "valeur",
                "31/02/1984",
                "JJ/MM/AAAA");
        assertThat(jdbc.sql("select last_name || ' ' || birth_date from member where id = :m")
                        .param("m", member)
                        .query(String.class)
                        .single())
                .as("nothing written")
                .isEqualTo("Rectifiable 1984-02-10");

        assertThat(dpo.submit(person, person + "/rectification", Map.of("champ", "birthDate", "valeur", "20/02/1984"))
                        .status())
                .isEqualTo(302);
        assertThat(dpo.submit(person, person + "/rectification", Map.of("champ", "lastName", "valeur", "D'Arc-Lévêque"))
                        .status())
                .isEqualTo(302);
        assertThat(jdbc.sql("select last_name || ' ' || birth_date from member where id = :m")
                        .param("m", member)
                        .query(String.class)
                        .single())
                .isEqualTo("D'Arc-Lévêque 1984-02-20");
    }
}
