package fr.traitant.app.platform;

import com.openhtmltopdf.outputdevice.helper.BaseRendererBuilder;
import com.openhtmltopdf.pdfboxout.PdfRendererBuilder;
import java.awt.color.ColorSpace;
import java.awt.color.ICC_Profile;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import org.springframework.stereotype.Component;
import org.thymeleaf.TemplateEngine;
import org.thymeleaf.context.Context;

/**
 * The one way the platform writes PDF (letters, statements, the report): a Thymeleaf template (well-formed XHTML,
 * under {@code templates/pdf/}) rendered by openhtmltopdf on PDFBox, with the DejaVu Sans font embedded (accents print
 * anywhere) and PDF/A-2b conformance (sRGB output intent) for archiving. Tests read the PDF back with PDFBox.
 */
@Component
public class PdfDocuments {

    private static final String FONT = "DejaVu Sans";
    private final TemplateEngine templates;
    private final byte[] srgb = ICC_Profile.getInstance(ColorSpace.CS_sRGB).getData();

    PdfDocuments(TemplateEngine templates) {
        this.templates = templates;
    }

    /**
     * Renders {@code templates/pdf/<name>.html} with {@code model}.
     *
     * @param title the document's title (PDF metadata)
     */
    public byte[] render(String name, String title, Map<String, Object> model) {
        Context context = new Context(Locale.FRANCE, model);
        context.setVariable("documentTitle", title);
        String html = templates.process("pdf/" + name, context);
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try {
            PdfRendererBuilder builder = new PdfRendererBuilder();
            builder.useFastMode();
            builder.usePdfAConformance(PdfRendererBuilder.PdfAConformance.PDFA_2_B);
            builder.useColorProfile(srgb);
            builder.useFont(
                    () -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans.ttf"),
                    FONT,
                    400,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useFont(
                    () -> PdfDocuments.class.getResourceAsStream("/fonts/DejaVuSans-Bold.ttf"),
                    FONT,
                    700,
                    BaseRendererBuilder.FontStyle.NORMAL,
                    true);
            builder.useSVGDrawer(new com.openhtmltopdf.svgsupport.BatikSVGDrawer());
            builder.withProducer("Traitant");
            builder.withHtmlContent(html, null);
            builder.toStream(out);
            builder.run();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
