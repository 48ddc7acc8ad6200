package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.directory.DirectoryFormat;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * Pages to import a directory file (access: ADMIN and NETWORK_MANAGER): the upload form with the history, then a
 * status page per import whose progress refreshes itself (htmx polling of a fragment) until the result shows.
 */
@Controller
class DirectoryImportPages {

    static final int REJECTIONS_PER_PAGE = 100;

    private final DirectoryImports imports;

    DirectoryImportPages(DirectoryImports imports) {
        this.imports = imports;
    }

    @GetMapping("/annuaire/import")
    String page(fr.traitant.app.platform.ListRequest list, Model model) {
        form(model, list);
        return "directory/import";
    }

    private void form(Model model) {
        form(model, fr.traitant.app.platform.ListRequest.first("/annuaire/import"));
    }

    private void form(Model model, fr.traitant.app.platform.ListRequest list) {
        model.addAttribute("csvColumns", String.join(",", DirectoryFormat.CsvColumns.ALL));
        model.addAttribute("history", imports.history(list));
        model.addAttribute("running", imports.running().stream().findFirst().orElse(null));
    }

    @PostMapping("/annuaire/import")
    String upload(
            @RequestParam("fichier") MultipartFile file,
            @RequestParam DirectoryFormat format,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @RequestParam(name = "complete", defaultValue = "false") boolean complete,
            @RequestParam(name = "confirmDeactivation", defaultValue = "false") boolean confirmDeactivation,
            Model model,
            HttpServletResponse response)
            throws IOException {
        if (file.isEmpty()) {
            form(model);
            model.addAttribute("error", "Choisissez un fichier à importer.");
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            return "directory/import";
        }
        Path copy = Files.createTempFile(DirectoryImports.UPLOAD_PREFIX, ".upload");
        try (InputStream in = file.getInputStream()) {
            Files.copy(in, copy, StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            Files.deleteIfExists(copy);
            throw e;
        }
        try {
            long id = imports.start(
                    copy,
                    format,
                    new ImportOptions(dryRun, complete, confirmDeactivation),
                    file.getOriginalFilename() == null ? "" : file.getOriginalFilename());
            return "redirect:/annuaire/import/" + id;
        } catch (ImportAlreadyRunningException e) {
            form(model);
            model.addAttribute("error", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "directory/import";
        }
    }

    @GetMapping("/annuaire/import/{id}")
    String run(@PathVariable long id, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        status(id, page, model);
        return "directory/import-run";
    }

    @GetMapping("/annuaire/import/{id}/etat")
    String state(@PathVariable long id, @RequestParam(name = "page", defaultValue = "1") int page, Model model) {
        status(id, page, model);
        return "directory/import-run :: etat";
    }

    /** Applies again, confirmed, a complete extraction that stopped before a large deactivation. */
    @PostMapping("/annuaire/import/{id}/confirmer")
    String confirm(@PathVariable long id, Model model, HttpServletResponse response) throws IOException {
        try {
            return "redirect:/annuaire/import/" + imports.confirm(id);
        } catch (IllegalStateException | ImportAlreadyRunningException e) {
            status(id, 1, model);
            model.addAttribute("error", e.getMessage());
            response.setStatus(HttpServletResponse.SC_CONFLICT);
            return "directory/import-run";
        }
    }

    @GetMapping(value = "/annuaire/import/{id}/avertissements.csv", produces = "text/csv")
    void warningsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        writeWarningsCsv(imports, get(id), response);
    }

    @GetMapping(value = "/annuaire/import/{id}/rejets.csv", produces = "text/csv")
    void rejectionsCsv(@PathVariable long id, HttpServletResponse response) throws IOException {
        writeCsv(imports, get(id), response);
    }

    private ImportJob get(long id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("Aucun import n'a le numéro " + id + "."));
    }

    private void status(long id, int page, Model model) {
        ImportJob job = get(id);
        model.addAttribute("job", job);
        if (!job.running() && job.rejected() > 0) {
            long stored = imports.storedRejections(id);
            int pages = (int) Math.max(1, (stored + REJECTIONS_PER_PAGE - 1) / REJECTIONS_PER_PAGE);
            int current = Math.clamp(page, 1, pages);
            model.addAttribute("storedRejections", stored);
            model.addAttribute(
                    "rejections", imports.rejections(id, (current - 1) * REJECTIONS_PER_PAGE, REJECTIONS_PER_PAGE));
            model.addAttribute("page", current);
            model.addAttribute("pages", pages);
        }
        if (!job.running() && job.warned() > 0) {
            model.addAttribute("storedWarnings", imports.storedWarnings(id));
            model.addAttribute("warnings", imports.warnings(id, 0, REJECTIONS_PER_PAGE));
        }
        model.addAttribute("canConfirm", job.needsConfirmation() && imports.canConfirm(id));
    }

    static void writeCsv(DirectoryImports imports, ImportJob job, HttpServletResponse response) throws IOException {
        writeLines(job, "lignes-rejetees", response, out -> imports.writeRejectionsCsv(job.id(), out));
    }

    static void writeWarningsCsv(DirectoryImports imports, ImportJob job, HttpServletResponse response)
            throws IOException {
        writeLines(job, "avertissements", response, out -> imports.writeWarningsCsv(job.id(), out));
    }

    /** A CSV download of kept report lines, UTF-8 with a byte-order mark so that spreadsheet programs read it. */
    private static void writeLines(
            ImportJob job, String what, HttpServletResponse response, java.util.function.Consumer<Writer> lines)
            throws IOException {
        response.setContentType("text/csv;charset=UTF-8");
        response.setHeader(
                "Content-Disposition", "attachment; filename=\"import-annuaire-" + job.id() + "-" + what + ".csv\"");
        Writer out = new OutputStreamWriter(response.getOutputStream(), StandardCharsets.UTF_8);
        out.write('\uFEFF');
        lines.accept(out);
        out.flush();
    }
}
