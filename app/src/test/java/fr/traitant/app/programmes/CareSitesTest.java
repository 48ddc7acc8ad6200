package fr.traitant.app.programmes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.platform.ConflictException;
import java.io.StringReader;
import java.util.Map;
import org.jsoup.Jsoup;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #18, point 2: the France Santé registry, the label's criteria, the labelling workflow, the import. */
@IntegrationTest
class CareSitesTest {

    @Autowired
    CareSites sites;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    @Test
    void the_criteria_are_checked_one_by_one() {
        long id = sites.add(
                new CareSites.NewSite("MSP du Causse", CareSiteKind.MSP, "", "46042", 4, false, true, false, true));
        CareSite site = sites.get(id);
        assertThat(site.criteria()).hasSize(5);
        assertThat(site.criteriaSummary())
                .isEqualTo("2 critères sur 5 : il manque infirmier, 5 jours d’ouverture, SAS");
        assertThat(site.meetsEveryCriterion()).isFalse();
        assertThat(site.status()).isEqualTo(CareSiteStatus.CANDIDATE);
    }

    @Test
    void the_workflow_allows_only_its_transitions_and_labels_only_a_site_meeting_every_criterion() {
        long complete = sites.add(new CareSites.NewSite(
                "Centre de santé de Figeac",
                CareSiteKind.CENTRE_DE_SANTE,
                "2 rue Gambetta",
                "46102",
                5,
                true,
                true,
                true,
                true));
        assertThat(sites.get(complete).criteriaSummary()).isEqualTo("5 critères sur 5 : tous remplis");
        assertThatThrownBy(() -> sites.move(complete, CareSiteStatus.LABELLED, "ARS Occitanie", ""))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("« Candidat » ne peut pas passer à « Labellisé France Santé »");
        sites.move(complete, CareSiteStatus.UNDER_REVIEW, "", "dossier reçu");
        assertThatThrownBy(() -> sites.move(complete, CareSiteStatus.LABELLED, " ", ""))
                .hasMessageContaining("autorité");
        CareSite labelled = sites.move(complete, CareSiteStatus.LABELLED, "ARS Occitanie", "");
        assertThat(labelled.status()).isEqualTo(CareSiteStatus.LABELLED);
        assertThat(sites.labelledCommunes()).contains("46102");
        sites.move(complete, CareSiteStatus.WITHDRAWN, "ARS Occitanie", "SAS arrêté");
        assertThat(sites.history(complete))
                .extracting(CareSites.Event::status)
                .containsExactly(
                        CareSiteStatus.CANDIDATE,
                        CareSiteStatus.UNDER_REVIEW,
                        CareSiteStatus.LABELLED,
                        CareSiteStatus.WITHDRAWN);
        assertThat(sites.history(complete).get(2).authority()).isEqualTo("ARS Occitanie");

        long incomplete = sites.add(new CareSites.NewSite(
                "Médicobus du Ségala", CareSiteKind.MEDICOBUS, "", "46102", 2, true, true, true, true));
        sites.move(incomplete, CareSiteStatus.UNDER_REVIEW, "", "");
        assertThatThrownBy(() -> sites.move(incomplete, CareSiteStatus.LABELLED, "ARS Occitanie", ""))
                .isInstanceOf(ConflictException.class)
                .hasMessageContaining("Label impossible : 4 critères sur 5 : il manque 5 jours d’ouverture");
        assertThat(sites.move(incomplete, CareSiteStatus.CANDIDATE, "", "à compléter")
                        .status())
                .isEqualTo(CareSiteStatus.CANDIDATE);
    }

    @Test
    void an_import_with_a_bad_line_is_refused_whole_and_a_good_one_adds_candidates() {
        String header = String.join(";", CareSites.COLUMNS);
        String bad = header + "\n"
                + "MSP de Gourdon;MSP;;46127;5;oui;oui;oui;oui\n"
                + "Cabine de Souillac;PHARMACIE;;46309;6;non;oui;non;oui\n"
                + "Centre de Gramat;CENTRE_DE_SANTE;;99999;5;oui;oui;oui;oui\n"
                + "Hôpital de Saint-Céré;HOPITAL_DE_PROXIMITE;;46267;9;oui;oui;oui;oui\n"
                + "Consultations de Lacapelle;CONSULTATIONS_AVANCEES;;46138;3;peut-être;oui;oui;oui\n";
        assertThatThrownBy(() -> sites.importFile(new StringReader(bad)))
                .isInstanceOfSatisfying(
                        fr.traitant.app.platform.SemicolonCsv.Refused.class,
                        e -> assertThat(e.errors())
                                .containsExactly(
                                        "ligne 3 : type inconnu « PHARMACIE »",
                                        "ligne 4 : commune inconnue « 99999 » (code INSEE)",
                                        "ligne 5 : jours d’ouverture de 0 à 7, pas « 9 »",
                                        "ligne 6 : « infirmier » vaut oui ou non, pas « peut-être »"));
        long before =
                sites.counts().values().stream().mapToLong(Long::longValue).sum();
        String good = header + "\nMSP de Gourdon;MSP;Place du Foirail;46127;5;oui;oui;oui;oui\n"
                + "Cabine de Souillac;pharmacie-teleconsultation;;46309;6;non;oui;non;oui\n";
        assertThat(sites.importFile(new StringReader(good))).isEqualTo(2);
        Map<CareSiteStatus, Long> after = sites.counts();
        assertThat(after.values().stream().mapToLong(Long::longValue).sum()).isEqualTo(before + 2);
        assertThatThrownBy(() -> sites.importFile(new StringReader(good))).isInstanceOf(ConflictException.class);
    }

    @Test
    void the_programme_manager_adds_a_site_and_decides_the_label_on_its_page() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.PROGRAMME_MANAGER, port);
        assertThat(manager.get("/programmes/sites").status()).isEqualTo(200);
        var refused = manager.submit(
                "/programmes/sites",
                "/programmes/sites",
                Map.of("name", "", "kind", "MSP", "commune", "Atlantide", "openingDays", "9"));
        assertThat(refused.status()).isEqualTo(422);
        var doc = Jsoup.parse(refused.body());
        assertThat(doc.getElementById("name-error").text()).contains("Indiquez le nom du site");
        assertThat(doc.getElementById("commune-error").text()).contains("Commune inconnue");
        assertThat(doc.getElementById("openingDays-error").text()).contains("De 0 à 7 jours");
        assertThat(doc.getElementById("commune").val()).isEqualTo("Atlantide");

        var added = manager.submit(
                "/programmes/sites",
                "/programmes/sites",
                Map.of(
                        "name",
                        "MSP de Lalbenque",
                        "kind",
                        "MSP",
                        "commune",
                        "Lalbenque",
                        "openingDays",
                        "5",
                        "nurse",
                        "true",
                        "sector1",
                        "true",
                        "sas",
                        "true",
                        "appointment48h",
                        "true"));
        assertThat(added.status()).isEqualTo(302);
        String page = added.location();
        assertThat(manager.get(page).body()).contains("5 critères sur 5 : tous remplis", "Mettre en instruction");
        manager.submit(page, page + "/statut", Map.of("statut", "UNDER_REVIEW", "note", "dossier complet"));
        var labelled =
                manager.submit(page, page + "/statut", Map.of("statut", "LABELLED", "autorite", "ARS Occitanie"));
        assertThat(labelled.status()).isEqualTo(302);
        assertThat(manager.get(page).body()).contains("Labellisé France Santé", "décision : ARS Occitanie");

        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        assertThat(advisor.get("/programmes/sites").status()).isEqualTo(403);
    }
}
