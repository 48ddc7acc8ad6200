package fr.traitant.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.WebSession;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.cos.COSName;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Issue #21 (its own context and database: the demo profile with the fund's synthetic population at full scale): the
 * 2024 report of the demo data, as a page and as a PDF read back, reproduces the fund's published 2024
 * figures exactly (774,468 beneficiaries; 710 PASS referrals, 643 closed, 34 days mean handling time; 315
 * conciliation cases), and the PDF embeds its fonts.
 */
@org.springframework.boot.test.context.SpringBootTest(
        classes = fr.traitant.app.TraitantApplication.class,
        webEnvironment = org.springframework.boot.test.context.SpringBootTest.WebEnvironment.RANDOM_PORT,
        properties = {
            "traitant.database.embedded.directory=target/test-postgres-report",
            "traitant.demo.synthetic-doctors=0",
            "traitant.demo.synthetic-population-scale=1"
        })
@org.springframework.test.context.ActiveProfiles({"test", "demo"})
class DemoReportTest {

    @LocalServerPort
    int port;

    /** French number formats use no-break spaces: compared with plain ones. */
    private static String plain(String text) {
        return text.replace('\u202f', ' ').replace('\u00a0', ' ').replaceAll("[ \\t]+", " ");
    }

    @Test
    void the_2024_report_page_gives_the_published_figures() {
        WebSession.Response page = new WebSession(port).get("/rapport/2024");
        assertThat(page.status()).isEqualTo(200);
        String text = plain(page.body().replaceAll("<[^>]+>", " "));
        assertThat(text)
                .contains("Bénéficiaires 774 468")
                .contains("Demandes reçues 710")
                .contains("Dossiers clos 643")
                .contains("Délai moyen de traitement 34 jours")
                .contains("Saisines 315");
        assertThat(new WebSession(port).get("/rapport").location())
                .endsWith("/rapport/" + (java.time.Year.now().getValue() - 1));
    }

    @Test
    void the_2024_report_pdf_read_back_gives_the_figures_with_embedded_fonts() throws Exception {
        var response = java.net.http.HttpClient.newHttpClient()
                .send(
                        java.net.http.HttpRequest.newBuilder(
                                        java.net.URI.create("http://localhost:" + port + "/rapport/2024.pdf"))
                                .build(),
                        java.net.http.HttpResponse.BodyHandlers.ofByteArray());
        assertThat(response.statusCode()).isEqualTo(200);
        assertThat(response.headers().firstValue("Content-Type")).hasValue("application/pdf");
        byte[] pdf = response.body();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = plain(new PDFTextStripper().getText(document)).replace('\n', ' ');
            assertThat(text)
                    .contains("Rapport d’activité 2024")
                    .contains("774 468")
                    .contains("Demandes reçues 710")
                    .contains("Dossiers clos 643")
                    .contains("34 jours")
                    .contains("Saisines 315");
            int fonts = 0;
            for (PDPage p : document.getPages()) {
                for (COSName name : p.getResources().getFontNames()) {
                    PDFont font = p.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                    fonts++;
                }
            }
            assertThat(fonts).isPositive();
            assertThat(document.getDocumentCatalog().getMetadata())
                    .as("PDF/A metadata")
                    .isNotNull();
        }
    }
}
