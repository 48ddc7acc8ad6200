package fr.traitant.app.campaigns;

import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/** The answers to the fund's past campaigns (NETWORK_MANAGER): what is known, and the import of more. */
@Controller
class PastAnswersPages {

    private final PastAnswers answers;
    private final SigningModel signing;

    PastAnswersPages(PastAnswers answers, SigningModel signing) {
        this.answers = answers;
        this.signing = signing;
    }

    @GetMapping("/reseau/campagnes/reponses-passees")
    String page(Model model) {
        model.addAttribute("columns", String.join(";", PastAnswers.COLUMNS));
        model.addAttribute("summaries", answers.summaries());
        SigningModel.Estimate e = signing.estimate();
        model.addAttribute("estimate", e);
        model.addAttribute("oddsRatios", SigningModel.oddsRatios(e).orElse(List.of()));
        return "campaigns/past-answers";
    }

    @PostMapping("/reseau/campagnes/reponses-passees")
    String upload(
            @RequestParam(name = "fichier", required = false) @Nullable MultipartFile file,
            Model model,
            HttpServletResponse response)
            throws IOException {
        fr.traitant.app.platform.CsvUpload.show(
                file, fr.traitant.app.platform.CsvUpload.utf8(answers::importFile), "result", model, response);
        return page(model);
    }
}
