package fr.traitant.app.identity;

import jakarta.servlet.http.HttpServletResponse;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The page an invitation link opens: choose a password, which creates the account (public: the link is the key). */
@Controller
class InvitationPages {

    private final Invitations invitations;

    InvitationPages(Invitations invitations) {
        this.invitations = invitations;
    }

    @GetMapping("/invitation/{secret}")
    String open(@PathVariable String secret, Model model, HttpServletResponse response) {
        return page(secret, model, response, null);
    }

    @PostMapping("/invitation/{secret}")
    String accept(
            @PathVariable String secret,
            @RequestParam(defaultValue = "") String password,
            @RequestParam(defaultValue = "") String confirmation,
            Model model,
            HttpServletResponse response) {
        if (!password.equals(confirmation)) {
            response.setStatus(422);
            return page(secret, model, response, "Les deux mots de passe ne sont pas identiques.");
        }
        try {
            invitations.accept(secret, password);
            return "redirect:/connexion?compte";
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            return page(secret, model, response, e.getMessage());
        }
    }

    private String page(String secret, Model model, HttpServletResponse response, @Nullable String passwordError) {
        var problem = invitations.problem(secret);
        if (problem.isPresent()) {
            response.setStatus(HttpServletResponse.SC_GONE);
            model.addAttribute("problem", problem.get());
            return "identity/invitation";
        }
        model.addAttribute("invitation", invitations.open(secret).orElseThrow());
        model.addAttribute("secret", secret);
        model.addAttribute("passwordError", passwordError);
        return "identity/invitation";
    }
}
