package fr.traitant.app.members;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRule;
import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import jakarta.validation.Valid;
import java.io.IOException;
import java.time.LocalDate;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Component;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The public activation page ({@code /activation}: code + NIR + birth date + chosen e-mail and password) and the
 * advisor's action on a household page that issues a code (letter as PDF, or e-mail).
 */
@Controller
class ActivationPages {

    private final ActivationCodes codes;

    ActivationPages(ActivationCodes codes) {
        this.codes = codes;
    }

    @Component
    static class Rules implements AccessRules {
        @Override
        public List<AccessRule> rules() {
            return List.of(
                    everybody(HttpMethod.GET, "/activation"),
                    everybody(HttpMethod.POST, "/activation"),
                    roles(HttpMethod.POST, "/foyers/{id}/membres/{member}/code-activation", Role.ADVISOR),
                    roles(HttpMethod.GET, "/admin/codes-activation", Role.ADMIN),
                    roles(HttpMethod.POST, "/admin/codes-activation/{id}/annuler", Role.ADMIN));
        }
    }

    @GetMapping("/activation")
    String form(Model model) {
        model.addAttribute("form", ActivationForm.empty());
        return "members/activation";
    }

    @PostMapping("/activation")
    String activate(
            @Valid @ModelAttribute("form") ActivationForm form,
            BindingResult errors,
            HttpServletRequest request,
            HttpServletResponse response) {
        LocalDate birthDate = form.birthDate().orElse(null);
        if (birthDate == null) {
            errors.rejectValue("naissance", "naissance", "Saisissez votre date de naissance.");
        }
        if (!form.password().equals(form.confirmation())) {
            errors.rejectValue("password", "password", "Les deux mots de passe ne sont pas identiques.");
        }
        if (!errors.hasErrors() && birthDate != null) {
            try {
                codes.activate(
                        form.code(), form.nir(), birthDate, form.email(), form.password(), request.getRemoteAddr());
                return "redirect:/connexion?compte";
            } catch (IllegalArgumentException e) {
                String message = String.valueOf(e.getMessage());
                String field =
                        message.contains("mot de passe") ? "password" : message.contains("adresse") ? "email" : "code";
                errors.rejectValue(field, field, message);
            }
        }
        response.setStatus(422);
        return "members/activation";
    }

    @PostMapping("/foyers/{id}/membres/{member}/code-activation")
    @Nullable
    String issue(
            @PathVariable long id,
            @PathVariable long member,
            @RequestParam("canal") ActivationCodes.Channel channel,
            HttpServletResponse response,
            RedirectAttributes redirect)
            throws IOException {
        try {
            ActivationCodes.Issued issued = codes.issue(id, member, channel);
            if (issued.letter().isPresent()) {
                response.setContentType("application/pdf");
                response.setHeader(
                        "Content-Disposition",
                        "attachment; filename=\"courrier-code-activation-" + issued.id() + ".pdf\"");
                response.getOutputStream().write(issued.letter().get());
                return null;
            }
            redirect.addFlashAttribute("activationMessage", "Code d'activation envoyé par courriel.");
        } catch (IllegalArgumentException e) {
            redirect.addFlashAttribute("activationError", e.getMessage());
        }
        return "redirect:/foyers/" + id;
    }

    /** The administrator's list of activation codes (never the code itself): state, channel, dates; cancel an open one. */
    @GetMapping("/admin/codes-activation")
    String adminList(
            @RequestParam(name = "ouverts", defaultValue = "false") boolean openOnly,
            fr.traitant.app.platform.ListRequest list,
            Model model) {
        model.addAttribute("codes", codes.page(openOnly, list));
        model.addAttribute("openOnly", openOnly);
        return "members/activation-codes";
    }

    @PostMapping("/admin/codes-activation/{id}/annuler")
    String adminRevoke(@PathVariable long id, RedirectAttributes redirect) {
        codes.revoke(id);
        redirect.addFlashAttribute("message", "Code n° " + id + " annulé.");
        return "redirect:/admin/codes-activation";
    }
}
