package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.directory.DirectoryFileParser.Format;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Directory imports (access: ADMIN and NETWORK_MANAGER). The body is the file itself, streamed. Synchronous by
 * default (the answer is the report); with {@code Prefer: respond-async} (RFC 7240) the body is saved, the import
 * runs in the background and the answer is 202 with {@code Location: /api/v1/directory/imports/{id}} to poll.
 * One import at a time: another one answers 409 (problem details).
 */
@RestController
@RequestMapping("/api/v1/directory/imports")
class DirectoryImportApi {

    static final int HISTORY = 20;

    private final DirectoryImports imports;

    DirectoryImportApi(DirectoryImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a directory file (RPPS_EXTRACTION or TRAITANT_CSV, UTF-8) as the request body; "
            + "200 when applied or checked (dryRun), 422 with the report when refused, 409 if an import runs; "
            + "with 'Prefer: respond-async': 202 and Location of the import's status")
    @PostMapping
    ResponseEntity<?> importFile(@RequestParam Format format, @RequestParam(defaultValue = "false") boolean dryRun,
                                 @RequestHeader(name = "Prefer", required = false) String prefer,
                                 HttpServletRequest request) throws IOException {
        long size = Math.max(0, request.getContentLengthLong());
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            if (!imports.running().isEmpty()) {
                throw new ImportAlreadyRunningException(Optional.of(imports.running().getFirst()));
            }
            Path file = Files.createTempFile("traitant-annuaire-", ".upload");
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            long id = imports.start(file, format, dryRun, "");
            return ResponseEntity.accepted().location(URI.create("/api/v1/directory/imports/" + id))
                    .header("Preference-Applied", "respond-async")
                    .body(imports.find(id).orElseThrow());
        }
        ImportReport report = imports.importFile(request.getInputStream(), format, dryRun, "", size);
        return ResponseEntity.status(report.status() == ImportReport.Status.REFUSED ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .location(URI.create("/api/v1/directory/imports/" + report.importId()))
                .body(report);
    }

    @Operation(summary = "The last 20 imports, newest first: who, when, result")
    @GetMapping
    List<ImportJob> history() {
        return imports.recent(HISTORY);
    }

    @Operation(summary = "One import: its live progress while it runs (phase, lines read, rate), then its result")
    @GetMapping("/{id}")
    ImportJob job(@PathVariable long id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("Aucun import n'a le numéro " + id + "."));
    }

    @Operation(summary = "Rejected lines of a refused import, as CSV (ligne;raison), up to 100,000")
    @GetMapping(value = "/{id}/rejections", produces = "text/csv")
    void rejections(@PathVariable long id, HttpServletResponse response) throws IOException {
        DirectoryImportPages.writeCsv(imports, job(id), response);
    }

    @Operation(summary = "Imports in progress, with the number of lines read so far")
    @GetMapping("/running")
    List<ImportProgress> running() {
        return imports.running();
    }

    @ExceptionHandler(ImportAlreadyRunningException.class)
    ResponseEntity<ProblemDetail> alreadyRunning(ImportAlreadyRunningException e, HttpServletRequest request) {
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT, e.getMessage());
        problem.setTitle("Import déjà en cours");
        problem.setInstance(URI.create(request.getRequestURI()));
        e.running().ifPresent(p -> problem.setProperty("running", "/api/v1/directory/imports/" + p.id()));
        return ResponseEntity.status(HttpStatus.CONFLICT).header("Retry-After", "30").body(problem);
    }
}
