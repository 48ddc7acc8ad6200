package fr.traitant.app.reporting;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The family's survey after choosing its médecin traitant: three questions, errors next to the fields. */
@Controller
class SatisfactionPages {

    private final Satisfaction satisfaction;
    private final Households households;
    private final CurrentUser currentUser;

    SatisfactionPages(Satisfaction satisfaction, Households households, CurrentUser currentUser) {
        this.satisfaction = satisfaction;
        this.households = households;
        this.currentUser = currentUser;
    }

    private long household() {
        List<Long> own = households.householdsOf(currentUser.get().accountId());
        if (own.isEmpty()) throw new NotFoundException("Aucun foyer n'est rattaché à votre compte.");
        return own.getFirst();
    }

    @GetMapping("/mon-avis")
    String form(Model model) {
        long household = household();
        model.addAttribute("pending", satisfaction.pendingFor(household).isPresent());
        model.addAttribute("answered", satisfaction.answered(household));
        model.addAttribute("times", Satisfaction.SearchTime.values());
        model.addAttribute("errors", Map.of());
        return "reporting/satisfaction";
    }

    @PostMapping("/mon-avis")
    String answer(
            @RequestParam(name = "note", defaultValue = "") String score,
            @RequestParam(name = "duree", defaultValue = "") String time,
            @RequestParam(name = "recommande", defaultValue = "") String recommend,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long household = household();
        Map<String, String> errors = new LinkedHashMap<>();
        int note = switch (score) {
            case "1", "2", "3", "4", "5" -> Integer.parseInt(score);
            default -> {
                errors.put("note", "Choisissez une note de 1 à 5.");
                yield 0;
            }
        };
        Satisfaction.SearchTime searchTime = null;
        for (Satisfaction.SearchTime t : Satisfaction.SearchTime.values())
            if (t.name().equals(time)) searchTime = t;
        if (searchTime == null) errors.put("duree", "Indiquez combien de temps vous avez cherché.");
        if (!recommend.equals("oui") && !recommend.equals("non")) errors.put("recommande", "Répondez oui ou non.");
        if (!errors.isEmpty() || searchTime == null) {
            response.setStatus(422);
            model.addAttribute("pending", true);
            model.addAttribute("answered", false);
            model.addAttribute("times", Satisfaction.SearchTime.values());
            model.addAttribute("errors", errors);
            model.addAttribute("note", score);
            model.addAttribute("duree", time);
            model.addAttribute("recommande", recommend);
            return "reporting/satisfaction";
        }
        satisfaction.answer(household, note, searchTime, recommend.equals("oui"));
        redirect.addFlashAttribute("message", "Merci pour votre avis : il nous aide à améliorer Traitant.");
        return "redirect:/mon-medecin-traitant";
    }
}
