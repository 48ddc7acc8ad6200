package fr.traitant.app.network;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.engine.directory.Rpps;
import java.io.StringReader;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/** Issue 14, point 5: a charter signed on paper, a list of existing signatories imported, a new version published. */
@IntegrationTest
class CharterPaperAndVersionsTest {

    @Autowired
    Charter charter;

    @Autowired
    RecordedSignatures recorded;

    @Autowired
    CharterVersions versions;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    Accounts accounts;

    @LocalServerPort
    int port;

    /** Active general practitioners of a département who have not signed, for the test to sign. */
    List<String> unsigned(String departement, int n) {
        return jdbc.sql("""
                select d.rpps from doctor d join commune c on c.code = d.commune_code
                 where d.active and d.rpps is not null and d.specialty = 'GENERAL_PRACTICE' and c.departement_code = ?
                   and not exists (select 1 from charter_member m where m.rpps = d.rpps) order by d.id desc limit ?""").params(departement, n).query(String.class).list();
    }

    @Test
    void a_paper_signature_is_recorded_with_its_reference_once() {
        String rpps = unsigned("29", 1).getFirst();
        Membership m = recorded.recordPaper(
                rpps, LocalDate.of(2026, 3, 14), "GED-2026-00412", new CharterCommitments(true, true, 12));
        assertThat(m.rpps()).isEqualTo(rpps);
        assertThat(m.commitments().newPatientsPerYear()).isEqualTo(12);
        assertThat(jdbc.sql(
                                "select channel || '/' || paper_reference from charter_event where rpps = ? and kind = 'SIGNED'")
                        .param(rpps)
                        .query(String.class)
                        .single())
                .isEqualTo("PAPER/GED-2026-00412");
        assertThat(charter.history(m.doctorId())).isNotEmpty();
        assertThatThrownBy(() -> recorded.recordPaper(
                        rpps, LocalDate.of(2026, 3, 14), "GED-2", new CharterCommitments(true, true, 1)))
                .hasMessageContaining("déjà signataire");
        String other = unsigned("29", 1).getFirst();
        assertThatThrownBy(() -> recorded.recordPaper(
                        other, LocalDate.now().plusDays(2), "GED-3", new CharterCommitments(true, true, 1)))
                .hasMessageContaining("date de signature");
        assertThatThrownBy(() -> recorded.recordPaper(
                        other, LocalDate.of(2026, 1, 2), " ", new CharterCommitments(true, true, 1)))
                .hasMessageContaining("référence");
        assertThat(charter.membership(other)).isEmpty();
    }

    @Test
    void a_list_of_signatories_is_imported_whole_or_not_at_all() {
        List<String> rpps = unsigned("22", 3);
        String header = String.join(";", RecordedSignatures.IMPORT_COLUMNS);
        String bad = header + "\n"
                + rpps.get(0) + ";01/02/2025;PAP-1;oui;oui;10\n"
                + rpps.get(1) + ";31/02/2025;PAP-2;oui;non;5\n"
                + "00000000000;01/02/2025;PAP-3;oui;oui;5\n"
                + rpps.get(2) + ";01/02/2025;PAP-4;peut-être;oui;5\n"
                + rpps.get(0) + ";01/02/2025;PAP-5;oui;oui\n";
        assertThatThrownBy(() -> recorded.importSignatories(new StringReader(bad)))
                .isInstanceOfSatisfying(
                        SignatoryImportRefused.class,
                        e -> assertThat(e.errors())
                                .hasSize(4)
                                .anyMatch(x -> x.startsWith("ligne 3 : date de signature « 31/02/2025 »"))
                                .anyMatch(x -> x.startsWith("ligne 4 : aucun médecin en exercice"))
                                .anyMatch(x -> x.startsWith("ligne 5 : « peut-être » : attendu oui ou non"))
                                .anyMatch(x -> x.startsWith("ligne 6 :")));
        assertThat(rpps).allMatch(r -> charter.membership(r).isEmpty());
        assertThat(jdbc.sql(
                                "select purpose from audit_event where record_type = 'charter_import' order by id desc limit 1")
                        .query(String.class)
                        .single())
                .isEqualTo("Tentative refusée — import de signataires de la charte : 4 erreur(s), rien d'enregistré");

        recorded.recordPaper(
                rpps.get(2), LocalDate.of(2025, 1, 5), "GED-AVANT", new CharterCommitments(true, false, 3));
        String good = header + "\n" + rpps.get(0) + ";01/02/2025;PAP-1;oui;oui;10\n" + rpps.get(1)
                + ";03/02/2025;PAP-2;oui;non;5\n" + rpps.get(2) + ";04/02/2025;PAP-4;non;oui;5\n";
        RecordedSignatures.SignatoryImport result = recorded.importSignatories(new StringReader(good));
        assertThat(result).isEqualTo(new RecordedSignatures.SignatoryImport(3, 2, 1));
        assertThat(charter.membership(rpps.get(1)))
                .hasValueSatisfying(
                        m -> assertThat(m.commitments().willingDeclaredDoctor()).isFalse());
        assertThat(charter.membership(rpps.get(2)))
                .hasValueSatisfying(
                        m -> assertThat(m.commitments().newPatientsPerYear()).isEqualTo(3));
    }

    @Test
    void a_new_version_asks_signatories_to_sign_again_and_counts_who_did() {
        String rpps = unsigned("56", 1).getFirst();
        String email = "medecin-version-" + System.nanoTime() + "@test.traitant.fr";
        long account = accounts.createLocal(email, "Dr Version", Role.DOCTOR, TestAccounts.PASSWORD, new Rpps(rpps));
        charter.sign(rpps, new CharterCommitments(true, true, 4));
        int before = charter.currentVersion().version();
        assertThatThrownBy(() -> versions.publish("T", "court")).hasMessageContaining("titre");
        CharterVersion published = versions.publish(
                "Charte des médecins solidaires — version " + (before + 1),
                charter.currentVersion().body() + "\n5. Je préviens le réseau trois mois avant un départ en retraite.");
        assertThat(published.version()).isEqualTo(before + 1);
        assertThat(charter.membership(rpps).orElseThrow().version()).isEqualTo(before);
        assertThat(jdbc.sql(
                                "select count(*) from account_notification where account_id = ? and message like 'La charte des médecins solidaires a une nouvelle version%'")
                        .param(account)
                        .query(Long.class)
                        .single())
                .isEqualTo(1);
        int signedNew = versions.signatoriesByVersion().stream()
                .filter(v -> v[0] == published.version())
                .mapToInt(v -> v[1])
                .sum();
        charter.update(rpps, new CharterCommitments(true, true, 4));
        assertThat(charter.membership(rpps).orElseThrow().version()).isEqualTo(published.version());
        assertThat(versions.signatoriesByVersion().stream()
                        .filter(v -> v[0] == published.version())
                        .mapToInt(v -> v[1])
                        .sum())
                .isEqualTo(signedNew + 1);
    }

    @Test
    void the_manager_s_forms_answer_a_mistake_next_to_its_field_with_the_values_kept() {
        WebSession manager = TestAccounts.signedIn(accounts, Role.NETWORK_MANAGER, port);
        String rpps = unsigned("56", 1).getFirst();
        Map<String, String> paper = new java.util.HashMap<>(Map.of(
                "rpps", "123",
                "date", "2026-03-14",
                "reference", "GED-2026-00999",
                "transferredFamilies", "true",
                "newPatientsPerYear", "beaucoup"));
        WebSession.Response wrong = manager.submit("/reseau/charte", "/reseau/charte/papier", paper);
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("id=\"rpps-error\"", "Le numéro RPPS compte 11 chiffres.")
                .contains("id=\"newPatientsPerYear-error\"", "Saisissez un nombre entre 0 et 2000.")
                .doesNotContain("id=\"date-error\"")
                .contains("value=\"GED-2026-00999\"", "value=\"2026-03-14\"");
        paper.put("rpps", rpps);
        paper.put("newPatientsPerYear", "6");
        paper.put("date", "2099-01-01");
        WebSession.Response future = manager.submit("/reseau/charte", "/reseau/charte/papier", paper);
        assertThat(future.status()).isEqualTo(422);
        assertThat(future.body()).contains("id=\"date-error\"", "La date de signature doit être passée");
        paper.put("date", "2026-03-14");
        assertThat(manager.submit("/reseau/charte", "/reseau/charte/papier", paper)
                        .location())
                .endsWith("/reseau/charte");
        assertThat(charter.membership(rpps))
                .hasValueSatisfying(m -> assertThat(m.commitments()).isEqualTo(new CharterCommitments(true, false, 6)));

        WebSession.Response shortTitle = manager.submit(
                "/reseau/charte", "/reseau/charte/version", Map.of("title", "T", "body", "Un texte trop court."));
        assertThat(shortTitle.status()).isEqualTo(422);
        assertThat(shortTitle.body())
                .contains("id=\"title-error\"", "Le titre compte de 5 à 200 caractères.")
                .contains("id=\"body-error\"", "Un texte trop court.");
    }
}
