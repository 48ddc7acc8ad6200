package fr.traitant.app.identity;

import static org.assertj.core.api.Assertions.assertThat;

import com.microsoft.playwright.Page;
import com.microsoft.playwright.options.LoadState;
import fr.traitant.app.BrowserSupport;
import fr.traitant.app.IntegrationTest;
import java.util.List;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Every public page runs in Chromium without a console error under the strict Content-Security-Policy. */
@IntegrationTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ContentSecurityPolicyBrowserTest {

    @LocalServerPort
    int port;

    @RegisterExtension
    static final BrowserSupport.Chromium chromium = new BrowserSupport.Chromium();

    @ParameterizedTest
    @ValueSource(
            strings = {
                "/acces-aux-soins",
                "/communes/83137",
                "/communes?query=toulon",
                "/sources",
                "/connexion",
                "/page-inconnue"
            })
    void no_console_error(String path) {
        Page page = chromium.browser().newPage();
        // the unknown page answers 404 on purpose, and Chromium reports a document's error status as a console
        // error ("Failed to load resource: … status of 404"); on every other page any error counts, a 404 too
        List<String> errors = BrowserSupport.consoleErrors(
                page, text -> path.equals("/page-inconnue") && text.contains("status of 404"));
        page.navigate("http://localhost:" + port + path);
        page.waitForLoadState(LoadState.NETWORKIDLE);
        assertThat(errors).as(path).isEmpty();
        page.close();
    }
}
