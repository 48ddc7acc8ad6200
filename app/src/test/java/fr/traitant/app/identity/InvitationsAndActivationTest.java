package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.members.ActivationCodes;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.Nir;
import fr.traitant.engine.directory.Rpps;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, points 1–3: invitation links (single use, expiry, resend), activation codes (letter PDF read back,
 * NIR and birth date checked, throttled, single use, expiry, a new code revokes the old) and the administrator's
 * account changes, each audited.
 */
@IntegrationTest
class InvitationsAndActivationTest {

    @LocalServerPort
    int port;

    @Autowired
    Invitations invitations;

    @Autowired
    ActivationCodes codes;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    static final Pattern LINK = Pattern.compile("/invitation/([A-Za-z0-9_-]{43})");

    String lastLink(String email) {
        String body = jdbc.sql("select body from outbox_message where recipient = ? order by id desc limit 1")
                .param(email)
                .query(String.class)
                .single();
        Matcher m = LINK.matcher(body);
        assertThat(m.find()).as(body).isTrue();
        return m.group(1);
    }

    static String text(String html) {
        return org.jsoup.Jsoup.parse(html).text();
    }

    @Test
    void an_invited_doctor_sets_a_password_once_and_signs_in_and_an_old_or_expired_link_is_refused() {
        long n = System.nanoTime() % 1_000_000;
        String rpps = String.format("%011d", 41_000_000_000L + n);
        String mssante = "dr.invite" + n + "@medecin.mssante.fr";
        long id = invitations.inviteDoctor(new Rpps(rpps), mssante, "Dr Ines Invitée");
        String first = lastLink(mssante);
        assertThatThrownBy(() -> invitations.inviteDoctor(new Rpps(rpps), mssante, "Dr Ines Invitée"))
                .hasMessageContaining("déjà en cours");

        // a resend: a new link; the first one no longer works
        invitations.resend(id);
        String second = lastLink(mssante);
        assertThat(second).isNotEqualTo(first);
        WebSession browser = new WebSession(port);
        WebSession.Response old = browser.get("/invitation/" + first);
        assertThat(old.status()).isEqualTo(410);
        assertThat(text(old.body())).contains("n'est pas valable");

        // the password rules apply, the values are asked again
        WebSession.Response weak = browser.submit(
                "/invitation/" + second, "/invitation/" + second, Map.of("password", "court", "confirmation", "court"));
        assertThat(weak.status()).isEqualTo(422);
        assertThat(accounts.findDoctorByRpps(rpps)).isEmpty();
        WebSession.Response created = browser.submit(
                "/invitation/" + second,
                "/invitation/" + second,
                Map.of("password", TestAccounts.PASSWORD, "confirmation", TestAccounts.PASSWORD));
        assertThat(created.location()).endsWith("/connexion?compte");
        assertThat(accounts.findDoctorByRpps(rpps))
                .hasValueSatisfying(u -> assertThat(u.username()).isEqualTo(mssante));
        assertThat(invitations.find(id).orElseThrow().stateLabel()).isEqualTo("Compte créé");

        // single use
        WebSession.Response reused = new WebSession(port).get("/invitation/" + second);
        assertThat(reused.status()).isEqualTo(410);
        assertThat(text(reused.body())).contains("déjà servi");
        WebSession doctor = new WebSession(port);
        assertThat(doctor.login(mssante, TestAccounts.PASSWORD).location()).endsWith("/mon-compte");
        assertThat(doctor.get("/mon-compte").body()).contains("data-role=\"DOCTOR\"");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where purpose like 'Compte médecin créé par l''invitation n° "
                                        + id + "'")
                        .query(Long.class)
                        .single())
                .isEqualTo(1);

        // an expired link
        String agent = "agent.invite" + n + "@caisse.test.fr";
        long agentInvitation = invitations.inviteAgent(Role.ADVISOR, agent, "Agathe Invitée");
        String link = lastLink(agent);
        jdbc.sql("update account_invitation set expires_at = now() - interval '1 day' where id = ?")
                .param(agentInvitation)
                .update();
        WebSession.Response expired = new WebSession(port).get("/invitation/" + link);
        assertThat(expired.status()).isEqualTo(410);
        assertThat(text(expired.body())).contains("a expiré");
        assertThatThrownBy(() -> invitations.accept(link, TestAccounts.PASSWORD))
                .hasMessageContaining("expiré");
        assertThat(accounts.find(agent)).isEmpty();
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where purpose like 'Tentative refusée — Lien d''invitation refusé : Ce lien a expiré%'")
                        .query(Long.class)
                        .single())
                .isPositive();
    }

    static String nir(LocalDate birth, int order) {
        return fr.traitant.app.TestNir.of(1, birth, "29019", order);
    }

    @Test
    void an_activation_code_from_a_pdf_letter_with_nir_and_birth_date_creates_the_account_once_and_is_throttled()
            throws Exception {
        LocalDate birth = LocalDate.of(1984, 11, 3);
        int order = (int) (System.nanoTime() % 899) + 100;
        String nir = nir(birth, order);
        long householdId = households.create(
                "Foyer Lettre",
                InseeCode.of("29019"),
                List.of(new NewMember(
                        "Gaëlle",
                        "Kervéadou",
                        birth,
                        Nir.of(nir),
                        EmailAddress.of("gaelle" + order + "@exemple.fr"),
                        null)));
        long memberId = jdbc.sql("select id from member where household_id = ?")
                .param(householdId)
                .query(Long.class)
                .single();

        ActivationCodes.Issued letter = codes.issue(householdId, memberId, ActivationCodes.Channel.LETTER);
        String code;
        try (PDDocument pdf = Loader.loadPDF(letter.letter().orElseThrow())) {
            String text = new PDFTextStripper().getText(pdf);
            assertThat(text)
                    .contains("Votre code pour activer votre compte Traitant")
                    .contains("Gaëlle Kervéadou")
                    .contains("numéro de sécurité sociale");
            Matcher m = Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(text);
            assertThat(m.find()).isTrue();
            code = m.group();
            // fonts embedded (accents print anywhere) and PDF/A metadata present
            for (var page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
            assertThat(pdf.getDocumentCatalog().getMetadata()).isNotNull();
        }

        String email = "gaelle.compte" + order + "." + System.nanoTime() % 10_000 + "@exemple.fr";
        // wrong NIR or birth date: one message that does not say which, nothing created
        assertThatThrownBy(() -> codes.activate(
                        code,
                        nir(birth, order == 998 ? 997 : order + 1),
                        birth,
                        email,
                        TestAccounts.PASSWORD,
                        "10.0.0.1"))
                .hasMessage(fr.traitant.app.members.ActivationCodesAccess.WRONG);
        assertThatThrownBy(() -> codes.activate(code, nir, birth.plusDays(1), email, TestAccounts.PASSWORD, "10.0.0.1"))
                .hasMessage(fr.traitant.app.members.ActivationCodesAccess.WRONG);
        assertThat(accounts.find(email)).isEmpty();

        // the code as typed on paper (lower case, spaces), right NIR and birth date: the account, linked to the
        // household
        long accountId = codes.activate(
                code.toLowerCase().replace('-', ' '), nir, birth, email, TestAccounts.PASSWORD, "10.0.0.1");
        assertThat(households.householdsOf(accountId)).containsExactly(householdId);
        assertThatThrownBy(() -> codes.activate(code, nir, birth, "autre" + email, TestAccounts.PASSWORD, "10.0.0.2"))
                .hasMessageContaining("déjà servi");
        assertThat(jdbc.sql(
                                "select count(*) from audit_event where person_ref = ? and purpose like 'Tentative d''activation de compte refusée%'")
                        .param("member:" + memberId)
                        .query(Long.class)
                        .single())
                .isGreaterThanOrEqualTo(3);

        // a new code revokes the previous one; an expired code is refused; five failures block even the right answer
        String second = codeOf(codes.issue(householdId, memberId, ActivationCodes.Channel.LETTER));
        String third = codeOf(codes.issue(householdId, memberId, ActivationCodes.Channel.LETTER));
        assertThatThrownBy(() -> codes.activate(second, nir, birth, "x" + email, TestAccounts.PASSWORD, "10.0.0.3"))
                .hasMessageContaining("remplacé");
        jdbc.sql(
                        "update activation_code set expires_at = now() - interval '1 day' where member_id = ? and used_at is null and revoked_at is null")
                .param(memberId)
                .update();
        assertThatThrownBy(() -> codes.activate(third, nir, birth, "y" + email, TestAccounts.PASSWORD, "10.0.0.4"))
                .hasMessageContaining("expiré");
        String fourth = codeOf(codes.issue(householdId, memberId, ActivationCodes.Channel.LETTER));
        for (int i = 0; i < 5; i++) {
            assertThatThrownBy(() -> codes.activate(
                            fourth, nir, birth.minusDays(3), "z" + email, TestAccounts.PASSWORD, "10.0.0.5"))
                    .hasMessage(fr.traitant.app.members.ActivationCodesAccess.WRONG);
        }
        assertThatThrownBy(() -> codes.activate(fourth, nir, birth, "z" + email, TestAccounts.PASSWORD, "10.0.0.5"))
                .hasMessageContaining("Trop de tentatives");
        assertThat(accounts.find("z" + email)).isEmpty();
    }

    static String codeOf(ActivationCodes.Issued issued) throws Exception {
        try (PDDocument pdf = Loader.loadPDF(issued.letter().orElseThrow())) {
            Matcher m =
                    Pattern.compile("[A-Z2-9]{4}-[A-Z2-9]{4}-[A-Z2-9]{4}").matcher(new PDFTextStripper().getText(pdf));
            assertThat(m.find()).isTrue();
            return m.group();
        }
    }

    @Test
    void the_administrator_invites_an_agent_changes_a_role_disables_and_enables_and_every_change_is_audited() {
        WebSession admin = TestAccounts.signedIn(accounts, Role.ADMIN, port);
        long n = System.nanoTime() % 1_000_000;
        String email = "nouvel.agent" + n + "@caisse.test.fr";
        // a mistake answers the form again with the values kept
        WebSession.Response wrong = admin.submit(
                "/admin/comptes", "/admin/comptes", Map.of("email", email, "displayName", "Noé Agent", "role", ""));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body()).contains("Choisissez le rôle de l’agent.").contains("value=\"" + email + "\"");
        WebSession.Response invited = admin.submit(
                "/admin/comptes",
                "/admin/comptes",
                Map.of("email", email, "displayName", "Noé Agent", "role", "CONCILIATOR"));
        assertThat(invited.location()).endsWith("/admin/comptes");
        assertThat(text(admin.get("/admin/comptes").body()))
                .contains("Invitation envoyée à " + email)
                .contains("Noé Agent — " + email);

        SignedInUser advisor = TestAccounts.create(accounts, Role.ADVISOR);
        String page = "/admin/comptes";
        assertThat(admin.submit(page, "/admin/comptes/" + advisor.accountId() + "/role", Map.of("role", "DPO"))
                        .location())
                .endsWith(page);
        assertThat(accounts.findById(advisor.accountId()).orElseThrow().role()).isEqualTo(Role.DPO);
        assertThat(admin.submit(page, "/admin/comptes/" + advisor.accountId() + "/desactiver", Map.of())
                        .location())
                .endsWith(page);
        assertThat(new WebSession(port)
                        .login(advisor.username(), TestAccounts.PASSWORD)
                        .location())
                .contains("/connexion");
        assertThat(admin.submit(page, "/admin/comptes/" + advisor.accountId() + "/reactiver", Map.of())
                        .location())
                .endsWith(page);
        assertThat(new WebSession(port)
                        .login(advisor.username(), TestAccounts.PASSWORD)
                        .location())
                .endsWith("/mon-compte");
        assertThat(jdbc.sql(
                                "select purpose from audit_event where record_type = 'account' and record_id = ? order by id")
                        .param(Long.toString(advisor.accountId()))
                        .query(String.class)
                        .list())
                .containsSubsequence(
                        "Rôle changé de « Conseiller PASS » en « Délégué à la protection des données »",
                        "Compte désactivé",
                        "Compte réactivé");
        // an insured person or a doctor is not an agent: no role change; and nobody else may use the page
        SignedInUser insured = TestAccounts.create(accounts, Role.INSURED);
        admin.submit(page, "/admin/comptes/" + insured.accountId() + "/role", Map.of("role", "ADMIN"));
        assertThat(accounts.findById(insured.accountId()).orElseThrow().role()).isEqualTo(Role.INSURED);
        assertThat(TestAccounts.signedIn(accounts, Role.ADVISOR, port)
                        .get("/admin/comptes")
                        .status())
                .isEqualTo(403);
    }

    @Test
    void the_administrator_sees_the_activation_codes_without_the_code_and_cancels_one() throws Exception {
        LocalDate birth = LocalDate.of(1990, 2, 2);
        int order = (int) (System.nanoTime() % 899) + 100;
        long householdId = households.create(
                "Foyer Code Admin",
                InseeCode.of("29019"),
                List.of(new NewMember("Yves", "Admincode", birth, Nir.of(nir(birth, order)), null, null)));
        long memberId = jdbc.sql("select id from member where household_id = ?")
                .param(householdId)
                .query(Long.class)
                .single();
        ActivationCodes.Issued issued = codes.issue(householdId, memberId, ActivationCodes.Channel.LETTER);
        String code = codeOf(issued);
        WebSession admin = TestAccounts.signedIn(accounts, Role.ADMIN, port);
        String page = text(admin.get("/admin/codes-activation").body());
        assertThat(page)
                .contains("membre n° " + memberId + " (foyer n° " + householdId + ")")
                .contains("En attente")
                .doesNotContain(code);
        assertThat(admin.submit(
                                "/admin/codes-activation",
                                "/admin/codes-activation/" + issued.id() + "/annuler",
                                Map.of())
                        .location())
                .endsWith("/admin/codes-activation");
        assertThatThrownBy(() -> codes.activate(
                        code,
                        nir(birth, order),
                        birth,
                        "yves" + order + "@exemple.fr",
                        TestAccounts.PASSWORD,
                        "10.0.0.9"))
                .hasMessageContaining("remplacé");
        assertThat(TestAccounts.signedIn(accounts, Role.ADVISOR, port)
                        .get("/admin/codes-activation")
                        .status())
                .isEqualTo(403);
    }
}
