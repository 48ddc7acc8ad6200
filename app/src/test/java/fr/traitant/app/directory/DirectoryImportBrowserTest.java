package fr.traitant.app.directory;

import static com.microsoft.playwright.assertions.PlaywrightAssertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.AriaRole;
import com.microsoft.playwright.options.FilePayload;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.engine.directory.DirectoryFormat;
import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.io.SequenceInputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A network manager uploads directory files in a real headless Chromium: the run page shows the result with the
 * counts, a malformed file shows "ligne N : raison" on the right line and stores nothing, and a running import's
 * page follows its progress by itself (htmx) until the result, while a second upload is refused in French.
 */
@IntegrationTest
class DirectoryImportBrowserTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryImports imports;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    static String rpps(int n) {
        String body = String.format("1777%06d", n);
        for (char k = '0'; k <= '9'; k++) {
            if (fr.traitant.engine.directory.Rpps.isValid(body + k)) {
                return body + k;
            }
        }
        throw new IllegalStateException();
    }

    static String line(String rpps, String name, String commune) {
        return DirectoryImportIntegrationTest.line(rpps, name, "SM54", commune, "DES NAVIGATEURS");
    }

    long stored(String... rpps) {
        return jdbc.sql("select count(*) from doctor where rpps in (:rpps)")
                .param("rpps", List.of(rpps))
                .query(Long.class)
                .single();
    }

    Page signedInPage(List<String> consoleErrors) {
        Page page = chromium.browser().newContext().newPage();
        page.onConsoleMessage(m -> {
            if ("error".equals(m.type())) {
                consoleErrors.add(m.text());
            }
        });
        page.navigate("http://localhost:" + port + "/annuaire/import");
        page.getByLabel("Adresse électronique")
                .fill(TestAccounts.create(accounts, Role.NETWORK_MANAGER).username());
        page.getByLabel("Mot de passe").fill(TestAccounts.PASSWORD);
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Se connecter"))
                .click();
        assertThat(page.getByRole(
                        AriaRole.HEADING, new Page.GetByRoleOptions().setName("Importer des médecins dans l'annuaire")))
                .isVisible();
        return page;
    }

    void upload(Page page, String name, String content) {
        page.locator("#fichier")
                .setInputFiles(new FilePayload(name, "text/plain", content.getBytes(StandardCharsets.UTF_8)));
        page.locator("label[for=dryRun]").click();
        assertThat(page.locator("#dryRun")).not().isChecked();
        page.getByRole(AriaRole.BUTTON, new Page.GetByRoleOptions().setName("Importer"))
                .click();
    }

    @Test
    void a_good_file_shows_its_counts_and_a_malformed_one_its_lines_with_nothing_stored() {
        List<String> consoleErrors = new ArrayList<>();
        Page page = signedInPage(consoleErrors);

        upload(
                page,
                "bon-fichier.txt",
                DirectoryImportIntegrationTest.HEADER + "\n" + line(rpps(1), "NAVIGA", "83137") + "\n"
                        + line(rpps(2), "NAVIGB", "29019") + "\n");
        page.waitForURL(Pattern.compile(".*/annuaire/import/\\d+$"));
        assertThat(page.locator("#resultat-import")).containsText("Appliqué");
        assertThat(page.locator("#etape-import")).hasText("Terminé");
        assertThat(page.locator("#comptes-import tbody")).containsText("2");
        assertThat(page.locator("#comptes-import tbody td").first()).hasText("2"); // created
        assertThat(page.locator("#chiffres-import")).containsText("lignes/s");
        assertThat(page.locator("h1")).containsText("bon-fichier.txt");
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/import-applique.png")));
        org.assertj.core.api.Assertions.assertThat(stored(rpps(1), rpps(2))).isEqualTo(2);

        page.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Importer un autre fichier"))
                .click();
        upload(
                page,
                "mauvais-fichier.txt",
                DirectoryImportIntegrationTest.HEADER + "\n"
                        + line(rpps(3), "NAVIGC", "83137") + "\n"
                        + line("1234567890A", "NAVIGD", "83137") + "\n"
                        + line(rpps(4), "NAVIGE", "83137") + "\n"
                        + line(rpps(5), "NAVIGF", "99999") + "\n");
        page.waitForURL(Pattern.compile(".*/annuaire/import/\\d+$"));
        assertThat(page.locator("#resultat-import")).containsText("Refusé (rien d");
        assertThat(page.locator("#etape-import")).hasText("Refusé");
        assertThat(page.locator("#rejet-ligne-3")).containsText("ligne 3 : ");
        assertThat(page.locator("#rejet-ligne-3")).containsText("chiffres");
        assertThat(page.locator("#rejet-ligne-5")).containsText("ligne 5 : Commune inconnue");
        assertThat(page.locator("#table-rejets tbody tr")).hasCount(2);
        assertThat(page.locator("#telecharger-rejets")).isVisible();
        page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/import-refuse.png")));
        org.assertj.core.api.Assertions.assertThat(stored(rpps(3), rpps(4), rpps(5)))
                .as("nothing stored")
                .isZero();

        // the history lists both
        page.navigate("http://localhost:" + port + "/annuaire/import");
        assertThat(page.locator("#historique-imports")).containsText("bon-fichier.txt");
        assertThat(page.locator("#historique-imports")).containsText("mauvais-fichier.txt");
        org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
    }

    @Test
    void the_run_page_follows_a_running_import_until_its_result_and_a_second_upload_is_refused() throws Exception {
        List<String> consoleErrors = new ArrayList<>();
        Page page = signedInPage(consoleErrors);
        CountDownLatch release = new CountDownLatch(1);
        StringBuilder content = new StringBuilder(DirectoryImportIntegrationTest.HEADER).append('\n');
        for (int i = 10; i < 1_510; i++) {
            content.append(line(rpps(i), "SUIVI" + i, "83137")).append('\n');
        }
        InputStream blocking = new SequenceInputStream(
                new ByteArrayInputStream(content.toString().getBytes(StandardCharsets.UTF_8)), new InputStream() {
                    @Override
                    public int read() {
                        try {
                            release.await();
                        } catch (InterruptedException e) {
                            Thread.currentThread().interrupt();
                        }
                        return -1;
                    }
                });
        CompletableFuture<ImportReport> running = CompletableFuture.supplyAsync(
                () -> imports.importFile(blocking, DirectoryFormat.RPPS_EXTRACTION, false, "suivi.txt", 0));
        try {
            org.awaitility.Awaitility.await()
                    .atMost(java.time.Duration.ofSeconds(30))
                    .until(() -> !imports.running().isEmpty()
                            && imports.running().getFirst().lines() > 1_000);
            long id = imports.running().getFirst().id();

            page.navigate("http://localhost:" + port + "/annuaire/import/" + id);
            assertThat(page.locator("#etape-import")).hasText("Lecture et vérification des lignes");
            assertThat(page.locator("#barre-progression")).isVisible();
            assertThat(page.locator("#progression")).containsText("lignes lues");
            assertThat(page.locator("#progression")).containsText("lignes/s");
            page.screenshot(BrowserSupport.screenshot().setPath(Path.of("target/screenshots/import-en-cours.png")));

            // another upload meanwhile: refused, in French, with a link to the running one
            Page other = page.context().newPage();
            other.navigate("http://localhost:" + port + "/annuaire/import");
            assertThat(other.locator("#import-en-cours")).containsText("Un import est en cours");
            upload(
                    other,
                    "second.txt",
                    DirectoryImportIntegrationTest.HEADER + "\n" + line(rpps(2_000), "SECOND", "83137") + "\n");
            assertThat(other.locator("#erreur-import")).containsText("déjà en cours");
            assertThat(other.getByRole(AriaRole.LINK, new Page.GetByRoleOptions().setName("Suivre l'import en cours")))
                    .isVisible();
        } finally {
            release.countDown();
        }
        org.assertj.core.api.Assertions.assertThat(
                        running.get(60, TimeUnit.SECONDS).created())
                .isEqualTo(1_500);
        // the page updates itself (htmx polling), no reload
        assertThat(page.locator("#etape-import"))
                .hasText(
                        "Terminé",
                        new com.microsoft.playwright.assertions.LocatorAssertions.HasTextOptions().setTimeout(20_000));
        assertThat(page.locator("#comptes-import tbody td").first()).hasText("1500");
        org.assertj.core.api.Assertions.assertThat(stored(rpps(2_000))).isZero();
        org.assertj.core.api.Assertions.assertThat(consoleErrors).isEmpty();
    }
}
