package fr.traitant.app.programmes;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;
import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.BrowserContext;
import com.microsoft.playwright.Download;
import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.MovableClock;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.engine.directory.Rpps;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #19, the browser test: a doctor volunteers two days; the manager plans the month and publishes it; the doctor
 * confirms; a patient books a slot; the days happen (the test clock moves on), the place confirms them held, and the
 * month's statement shows 400 €.
 */
@IntegrationTest
class MissionBrowserTest {

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    Doctors doctors;

    @Autowired
    MissionSites sites;

    @Autowired
    MissionVolunteers volunteers;

    @Autowired
    Households households;

    @Autowired
    MovableClock clock;

    Page signIn(String email, String path) {
        BrowserContext context = chromium.browser().newContext();
        Page page = context.newPage();
        page.navigate("http://localhost:" + port + path);
        page.getByLabel("Adresse électronique").fill(email);
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        return page;
    }

    @Test
    void a_doctor_volunteers_the_month_is_planned_confirmed_booked_held_and_paid() throws Exception {
        YearMonth month = YearMonth.now(FrenchDates.PARIS).plusMonths(1);
        LocalDate d1 = month.atDay(9), d2 = month.atDay(16);
        // a place in Toulon open those two days; a synthetic doctor of the Var with an account
        long place = sites.add(
                new MissionSites.NewPlace("Lieu navigateur Toulon", "83137", null, 1, true, "Cabinet équipé"));
        sites.open(place, month, Set.of(d1, d2));
        String rpps = doctors.activeWithRppsInDepartement("83").stream()
                .filter(d -> !d.locations().isEmpty())
                .map(d -> d.rpps().orElseThrow())
                .filter(r -> volunteers.find(r, month).isEmpty()
                        && accounts.findDoctorByRpps(r).isEmpty())
                .findFirst()
                .orElseThrow();
        String doctorMail = "volontaire" + System.nanoTime() + "@test.traitant.fr";
        accounts.createLocal(doctorMail, "Dr Volontaire", Role.DOCTOR, TestAccounts.PASSWORD, Rpps.of(rpps));

        // the doctor volunteers two days
        Page doctor = signIn(doctorMail, "/espace-medecin/missions");
        List<String> doctorErrors = BrowserSupport.consoleErrors(doctor, text -> false);
        assertThat(doctor.locator("h1")).hasText("Un médecin près de chez vous");
        // DSFR draws radios and checkboxes on their labels: a person clicks the label
        doctor.locator("label[for='jours-2']").click();
        doctor.locator("label[for='date-" + d1 + "']").click();
        doctor.locator("label[for='date-" + d2 + "']").click();
        doctor.locator("#minutes").fill("240");
        doctor.locator("#enregistrer-engagement").click();
        assertThat(doctor.locator("#message")).containsText("2 journée(s)");

        // the manager plans the month and publishes it
        String managerMail =
                TestAccounts.create(accounts, Role.PROGRAMME_MANAGER).username();
        Page manager = signIn(managerMail, "/programmes/missions?mois=" + month);
        manager.locator("#planifier").click();
        assertThat(manager.locator("#message")).containsText("Planning calculé");
        assertThat(manager.locator("#table-journees tbody tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("Lieu navigateur Toulon")))
                .hasCount(2);
        manager.locator("#publier").click();
        assertThat(manager.locator("#message")).containsText("Planning publié");

        // the doctor confirms both days
        doctor.navigate("http://localhost:" + port + "/espace-medecin/missions");
        for (LocalDate d : List.of(d1, d2)) {
            doctor.getByRole(
                            AriaRole.BUTTON,
                            new Page.GetByRoleOptions().setName("Confirmer la journée du " + FrenchDates.day(d)))
                    .click();
            assertThat(doctor.locator("#message")).containsText("Journée confirmée");
        }

        // a patient of Toulon books a slot
        long household = households.create(
                "Foyer navigateur",
                InseeCode.of("83137"),
                List.of(new NewMember("Inès", "Navigateur", LocalDate.of(1990, 3, 3), null, null, null)));
        var insured = TestAccounts.create(accounts, Role.INSURED);
        households.link(household, insured.accountId());
        Page patient = signIn(insured.username(), "/consultations-mission");
        assertThat(patient.locator("#table-creneaux")).containsText("Lieu navigateur Toulon");
        patient.locator("#table-creneaux tbody tr")
                .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText("Lieu navigateur Toulon"))
                .first()
                .getByRole(AriaRole.BUTTON)
                .click();
        assertThat(patient.locator("#message")).containsText("Rendez-vous réservé");
        assertThat(patient.locator("#mes-rendez-vous")).containsText("Lieu navigateur Toulon");

        // the days happen; the place confirms them held; the month's statement shows 400 €
        clock.advance(Duration.between(
                java.time.Instant.now(),
                d2.plusDays(1).atStartOfDay(FrenchDates.PARIS).toInstant()));
        try {
            manager.navigate("http://localhost:" + port + "/programmes/missions?mois=" + month);
            for (int i = 0; i < 2; i++) {
                manager.locator("#table-journees tbody tr")
                        .filter(new com.microsoft.playwright.Locator.FilterOptions()
                                .setHasText("Lieu navigateur Toulon"))
                        .getByRole(
                                AriaRole.BUTTON,
                                new com.microsoft.playwright.Locator.GetByRoleOptions()
                                        .setName("Tenue")
                                        .setExact(true))
                        .first()
                        .click();
                assertThat(manager.locator("#message")).containsText("Journée tenue");
            }
            var row = manager.locator("#table-releves tbody tr")
                    .filter(new com.microsoft.playwright.Locator.FilterOptions().setHasText(volunteers.name(rpps)));
            assertThat(row).containsText("400,00 €");
            Download pdf =
                    manager.waitForDownload(() -> row.getByRole(AriaRole.LINK).click());
            assertThat(Files.readAllBytes(pdf.path()))
                    .startsWith("%PDF-".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
            assertThat(manager.locator("#consultations")).not().hasText("0");
            Path shots = Path.of("target/screenshots");
            Files.createDirectories(shots);
            manager.screenshot(BrowserSupport.screenshot().setPath(shots.resolve("missions-mois.png")));
        } finally {
            clock.reset();
        }
        assertThat(doctorErrors).isEmpty();
    }
}
