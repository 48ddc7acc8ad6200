package fr.traitant.app.directory;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.directory.DirectoryFormat;
import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
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

    @Operation(
            summary =
                    "Importer un fichier de l'annuaire (RPPS_EXTRACTION ou TRAITANT_CSV, UTF-8) dans le corps de la requête ; "
                            + "200 s'il est appliqué ou vérifié (dryRun), 422 avec le rapport s'il est refusé, 409 si un import est en cours ; "
                            + "avec « Prefer: respond-async » : 202 et l'adresse de l'état de l'import (Location)")
    @PostMapping
    ResponseEntity<?> importFile(
            @RequestParam DirectoryFormat format,
            @RequestParam(defaultValue = "false") boolean dryRun,
            @Parameter(
                            description =
                                    "Extraction nationale complète : les médecins qu'elle ne liste plus sont désactivés")
                    @RequestParam(defaultValue = "false")
                    boolean complete,
            @Parameter(description = "Confirme une désactivation de plus de 5 % de l'annuaire actif")
                    @RequestParam(defaultValue = "false")
                    boolean confirmDeactivation,
            @RequestHeader(name = "Prefer", required = false) String prefer,
            HttpServletRequest request)
            throws IOException {
        long size = Math.max(0, request.getContentLengthLong());
        ImportOptions options = new ImportOptions(dryRun, complete, confirmDeactivation);
        if (prefer != null && prefer.toLowerCase(java.util.Locale.ROOT).contains("respond-async")) {
            if (!imports.running().isEmpty()) {
                throw new ImportAlreadyRunningException(
                        Optional.of(imports.running().getFirst()));
            }
            Path file = Files.createTempFile("traitant-annuaire-", ".upload");
            try (InputStream in = request.getInputStream()) {
                Files.copy(in, file, StandardCopyOption.REPLACE_EXISTING);
            } catch (IOException e) {
                Files.deleteIfExists(file);
                throw e;
            }
            long id = imports.start(file, format, options, "");
            return ResponseEntity.accepted()
                    .location(URI.create("/api/v1/directory/imports/" + id))
                    .header("Preference-Applied", "respond-async")
                    .body(imports.find(id).orElseThrow());
        }
        ImportReport report = imports.importFile(request.getInputStream(), format, options, "", size);
        HttpStatus status = switch (report.status()) {
            case REFUSED -> HttpStatus.UNPROCESSABLE_CONTENT;
            case NEEDS_CONFIRMATION -> HttpStatus.CONFLICT;
            case APPLIED, DRY_RUN -> HttpStatus.OK;
        };
        return ResponseEntity.status(status)
                .location(URI.create("/api/v1/directory/imports/" + report.importId()))
                .body(report);
    }

    @Operation(summary = "Les 20 derniers imports, les plus récents d'abord : qui, quand, résultat")
    @GetMapping
    List<ImportJob> history() {
        return imports.recent(HISTORY);
    }

    @Operation(
            summary = "Un import : sa progression pendant qu'il tourne (étape, lignes lues, débit), puis son résultat")
    @GetMapping("/{id}")
    ImportJob job(@PathVariable long id) {
        return imports.find(id).orElseThrow(() -> new NotFoundException("Aucun import n'a le numéro " + id + "."));
    }

    @Operation(summary = "Lignes rejetées d'un import refusé, en CSV (ligne;raison), 100 000 au plus")
    @GetMapping(value = "/{id}/rejections", produces = "text/csv")
    void rejections(@PathVariable long id, HttpServletResponse response) throws IOException {
        DirectoryImportPages.writeCsv(imports, job(id), response);
    }

    @Operation(
            summary =
                    "Lignes reprises avec un avertissement (ex. code de savoir-faire hors table), en CSV (ligne;avertissement)")
    @GetMapping(value = "/{id}/warnings", produces = "text/csv")
    void warnings(@PathVariable long id, HttpServletResponse response) throws IOException {
        DirectoryImportPages.writeWarningsCsv(imports, job(id), response);
    }

    @Operation(summary = "Imports en cours, avec le nombre de lignes déjà lues")
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
        return ResponseEntity.status(HttpStatus.CONFLICT)
                .header("Retry-After", "30")
                .body(problem);
    }
}
