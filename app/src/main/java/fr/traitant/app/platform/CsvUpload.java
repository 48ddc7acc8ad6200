package fr.traitant.app.platform;

import java.io.IOException;
import java.io.Reader;
import java.util.List;
import java.util.function.ToIntFunction;
import org.jspecify.annotations.Nullable;
import org.springframework.web.multipart.MultipartFile;

/** An uploaded semicolon CSV imported whole or refused: what the import pages share. */
public final class CsvUpload {

    private CsvUpload() {}

    /** The rows imported, or the reasons the file was refused (then nothing was imported). */
    public record Outcome(int imported, List<String> errors) {
        public boolean refused() {
            return !errors.isEmpty();
        }
    }

    /** Reads the upload as strict UTF-8 and hands it to {@code importer} (which throws {@link SemicolonCsv.Refused}). */
    public static Outcome run(@Nullable MultipartFile file, ToIntFunction<Reader> importer) throws IOException {
        if (file == null || file.isEmpty()) {
            return new Outcome(0, List.of("Choisissez un fichier CSV (UTF-8, séparateur point-virgule)."));
        }
        try (Reader reader = TextFile.utf8(file.getInputStream())) {
            return new Outcome(importer.applyAsInt(reader), List.of());
        } catch (SemicolonCsv.Refused e) {
            return new Outcome(0, e.errors());
        }
    }

    /**
     * The whole POST of an import page: imported → a flash message ({@code done} with the count) and a redirect to
     * {@code next}; refused → the form page again ({@code form}) with status 422 and the errors (attribute
     * {@code errors}), nothing imported.
     */
    public static String page(
            @Nullable MultipartFile file,
            ToIntFunction<Reader> importer,
            java.util.function.IntFunction<String> done,
            String next,
            String form,
            org.springframework.ui.Model model,
            jakarta.servlet.http.HttpServletResponse response,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect)
            throws IOException {
        Outcome outcome = run(file, importer);
        if (!outcome.refused()) {
            redirect.addFlashAttribute("message", done.apply(outcome.imported()));
            return "redirect:" + next;
        }
        response.setStatus(422);
        model.addAttribute("errors", outcome.errors());
        return form;
    }
}
