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

    /** What an import page answers when no file was chosen (or an empty one). */
    public static final String NO_FILE = "Choisissez un fichier CSV (UTF-8, séparateur point-virgule).";

    /** An import that reads the uploaded file itself (e.g. twice: checked whole, then written). */
    @FunctionalInterface
    public interface Import<T> {
        T from(MultipartFile file) throws IOException;
    }

    /** An import of the upload read as strict UTF-8 text. */
    public static <T> Import<T> utf8(java.util.function.Function<Reader, T> importer) {
        return file -> {
            try (Reader reader = TextFile.utf8(file.getInputStream())) {
                return importer.apply(reader);
            }
        };
    }

    /**
     * The POST of an import page that shows its result on the same page: imported, the result under {@code
     * attribute}; refused — no file or a bad one (status 422, every reason) or an import of the same file already
     * running (409) — the reasons under {@code errors}, nothing imported.
     */
    public static <T> void show(
            @Nullable MultipartFile file,
            Import<T> importer,
            String attribute,
            org.springframework.ui.Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws IOException {
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            model.addAttribute("errors", List.of(NO_FILE));
            return;
        }
        try {
            model.addAttribute(attribute, importer.from(file));
        } catch (SemicolonCsv.Refused e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
        } catch (ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", List.of(e.getMessage()));
        }
    }

    /** Reads the upload as strict UTF-8 and hands it to {@code importer} (which throws {@link SemicolonCsv.Refused}). */
    public static Outcome run(@Nullable MultipartFile file, ToIntFunction<Reader> importer) throws IOException {
        if (file == null || file.isEmpty()) {
            return new Outcome(0, List.of(NO_FILE));
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
