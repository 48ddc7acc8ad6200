package fr.traitant.app.reporting;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PostMapping;
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
        model.addAttribute("form", SatisfactionForm.empty());
        return "reporting/satisfaction";
    }

    @PostMapping("/mon-avis")
    String answer(
            @Valid @ModelAttribute("form") SatisfactionForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response,
            RedirectAttributes redirect) {
        long household = household();
        Satisfaction.SearchTime searchTime = form.searchTime().orElse(null);
        if (searchTime == null) errors.rejectValue("duree", "duree", "Indiquez combien de temps vous avez cherché.");
        if (errors.hasErrors() || searchTime == null) {
            response.setStatus(422);
            model.addAttribute("pending", true);
            model.addAttribute("answered", false);
            model.addAttribute("times", Satisfaction.SearchTime.values());
            return "reporting/satisfaction";
        }
        satisfaction.answer(
                household,
                Integer.parseInt(form.note()),
                searchTime,
                form.recommande().equals("oui"));
        redirect.addFlashAttribute("message", "Merci pour votre avis : il nous aide à améliorer Traitant.");
        return "redirect:/mon-medecin-traitant";
    }
}
