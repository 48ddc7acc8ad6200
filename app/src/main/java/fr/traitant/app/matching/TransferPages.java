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
        fr.traitant.app.platform.CsvUpload.show(
                file, fr.traitant.app.platform.CsvUpload.utf8(transfers::importPlan), "result", model, response);
        return "matching/transfers";
    }
}
