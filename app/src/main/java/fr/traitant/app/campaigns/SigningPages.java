package fr.traitant.app.campaigns;

import fr.traitant.app.network.CharterCommitments;
import fr.traitant.app.platform.ConflictException;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The doctor's side of a campaign (public, the personal link is the key): read the charter, sign it with one's
 * commitments, or refuse further campaigns.
 */
@Controller
class SigningPages {

    private final SigningLinks links;
    private final fr.traitant.app.network.Charter charter;

    SigningPages(SigningLinks links, fr.traitant.app.network.Charter charter) {
        this.links = links;
        this.charter = charter;
    }

    @GetMapping("/charte/signer/{token}")
    String page(@PathVariable String token, Model model) {
        model.addAttribute("link", links.open(token));
        model.addAttribute("charter", charter.currentVersion());
        model.addAttribute("token", token);
        if (!model.containsAttribute("patients")) model.addAttribute("patients", "5");
        return "campaigns/sign";
    }

    @PostMapping("/charte/signer/{token}")
    String sign(
            @PathVariable String token,
            @RequestParam(defaultValue = "false") boolean transferredFamilies,
            @RequestParam(defaultValue = "false") boolean declaredDoctor,
            @RequestParam(defaultValue = "") String patients,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        String error = null;
        int perYear = 0;
        try {
            perYear = Integer.parseInt(patients.strip());
            if (perYear < 0 || perYear > 2_000) error = "Indiquez un nombre entre 0 et 2 000.";
        } catch (NumberFormatException e) {
            error = "Indiquez un nombre entier, par exemple 5.";
        }
        String commitmentsError = !transferredFamilies && !declaredDoctor
                ? "Cochez au moins un engagement : accueillir des familles mutées ou devenir médecin traitant."
                : null;
        if (error != null || commitmentsError != null) {
            response.setStatus(422);
            model.addAttribute("patientsError", error);
            model.addAttribute("commitmentsError", commitmentsError);
            model.addAttribute("patients", patients);
            model.addAttribute("transferredFamilies", transferredFamilies);
            model.addAttribute("declaredDoctor", declaredDoctor);
            return page(token, model);
        }
        try {
            links.sign(token, new CharterCommitments(transferredFamilies, declaredDoctor, perYear));
            redirect.addFlashAttribute("message", "Merci : vous avez signé la charte. Bienvenue dans le réseau.");
        } catch (ConflictException e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/charte/signer/" + token;
    }

    @PostMapping("/charte/signer/{token}/refus")
    String optOut(@PathVariable String token, RedirectAttributes redirect) {
        links.optOut(token);
        redirect.addFlashAttribute(
                "message", "C’est noté : vous ne recevrez plus de courrier de nos campagnes de recrutement.");
        return "redirect:/charte/signer/" + token;
    }
}
