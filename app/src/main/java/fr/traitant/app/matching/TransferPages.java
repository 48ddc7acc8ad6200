package fr.traitant.app.matching;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

@Controller
class TransferPages {
    private final Transfers transfers;

    TransferPages(Transfers transfers) {
        this.transfers = transfers;
    }

    @GetMapping("/mutations/import")
    String form(Model model) {
        model.addAttribute("columns", String.join(";", Transfers.COLUMNS));
        return "matching/transfers";
    }

    @org.springframework.web.bind.annotation.PostMapping("/mutations/import")
    String upload(
            @org.springframework.web.bind.annotation.RequestParam(name = "fichier", required = false)
                    org.springframework.web.multipart.MultipartFile file,
            Model model,
            jakarta.servlet.http.HttpServletResponse response)
            throws java.io.IOException {
        model.addAttribute("columns", String.join(";", Transfers.COLUMNS));
        if (file == null || file.isEmpty()) {
            response.setStatus(422);
            model.addAttribute(
                    "errors", java.util.List.of("Choisissez un fichier à importer (CSV UTF-8, séparateur « ; »)."));
            return "matching/transfers";
        }
        try (var reader = fr.traitant.app.platform.TextFile.utf8(file.getInputStream())) {
            model.addAttribute("result", transfers.importPlan(reader));
        } catch (Transfers.TransferPlanRefused e) {
            response.setStatus(422);
            model.addAttribute("errors", e.errors());
        } catch (fr.traitant.app.platform.ConflictException e) {
            response.setStatus(409);
            model.addAttribute("errors", java.util.List.of(e.getMessage()));
        }
        return "matching/transfers";
    }
}
