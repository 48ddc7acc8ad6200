package fr.traitant.app.directory;

import fr.traitant.engine.directory.DirectoryFileParser.Format;
import io.swagger.v3.oas.annotations.Operation;
import jakarta.servlet.http.HttpServletRequest;
import java.io.IOException;
import java.util.List;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Directory imports (access: ADMIN and NETWORK_MANAGER — to declare in the identity module's registry). The body is
 * the file itself, streamed (no size limit in memory).
 */
@RestController
@RequestMapping("/api/v1/directory/imports")
class DirectoryImportApi {

    private final DirectoryImports imports;

    DirectoryImportApi(DirectoryImports imports) {
        this.imports = imports;
    }

    @Operation(summary = "Import a directory file (RPPS_EXTRACTION or TRAITANT_CSV, UTF-8) as the request body; "
            + "200 when applied or checked (dryRun), 422 with the report when refused")
    @PostMapping
    ResponseEntity<ImportReport> importFile(@RequestParam Format format, @RequestParam(defaultValue = "false") boolean dryRun,
                                            HttpServletRequest request) throws IOException {
        ImportReport report = imports.importFile(request.getInputStream(), format, dryRun);
        return ResponseEntity.status(report.status() == ImportReport.Status.REFUSED ? HttpStatus.UNPROCESSABLE_CONTENT : HttpStatus.OK)
                .body(report);
    }

    @Operation(summary = "Imports in progress, with the number of lines read so far")
    @GetMapping("/running")
    List<DirectoryImports.Progress> running() {
        return imports.running();
    }
}
