package fr.traitant.app.directory;

import fr.traitant.engine.directory.DirectoryFileParser;
import fr.traitant.engine.directory.DirectoryFileParser.Format;
import java.io.IOException;
import java.io.InputStream;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** Page to import a directory file (access: ADMIN and NETWORK_MANAGER). */
@Controller
class DirectoryImportPages {

    private final DirectoryImports imports;

    DirectoryImportPages(DirectoryImports imports) {
        this.imports = imports;
    }

    @GetMapping("/annuaire/import")
    String page(Model model) {
        model.addAttribute("csvColumns", String.join(",", DirectoryFileParser.CsvColumns.ALL));
        return "directory/import";
    }

    @PostMapping("/annuaire/import")
    String upload(@RequestParam("fichier") MultipartFile file, @RequestParam Format format,
                  @RequestParam(defaultValue = "false") boolean dryRun, Model model) throws IOException {
        model.addAttribute("csvColumns", String.join(",", DirectoryFileParser.CsvColumns.ALL));
        if (file.isEmpty()) {
            model.addAttribute("error", "Choisissez un fichier à importer.");
            return "directory/import";
        }
        try (InputStream in = file.getInputStream()) {
            model.addAttribute("report", imports.importFile(in, format, dryRun));
        }
        model.addAttribute("fileName", file.getOriginalFilename());
        return "directory/import";
    }
}
