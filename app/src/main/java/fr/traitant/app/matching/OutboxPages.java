package fr.traitant.app.matching;

import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import fr.traitant.app.platform.Outbox;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/** The operator's view of the e-mail outbox: waiting, sent and failing messages (with the error), and resending. */
@Controller
class OutboxPages {

    static final int PAGE_SIZE = 50;
    private final Outbox outbox;

    OutboxPages(Outbox outbox) {
        this.outbox = outbox;
    }

    @Bean
    static AccessRules outboxAccessRules() {
        return () -> List.of(
                roles(HttpMethod.GET, "/exploitation/courriels", Role.ADMIN),
                roles(HttpMethod.POST, "/exploitation/courriels/{id}/renvoi", Role.ADMIN));
    }

    @GetMapping("/exploitation/courriels")
    String show(
            @RequestParam(name = "etat", defaultValue = "echec") String state,
            fr.traitant.app.platform.ListRequest list,
            Model model) {
        String key = switch (state) {
            case "attente" -> "waiting";
            case "envoyes" -> "sent";
            case "echec" -> "failing";
            default -> throw new IllegalArgumentException("État inconnu : choisissez en échec, en attente ou envoyés.");
        };
        model.addAttribute("counts", outbox.counts());
        model.addAttribute("state", state);
        model.addAttribute("messages", outbox.page(key, list, PAGE_SIZE));
        return "matching/outbox";
    }

    @PostMapping("/exploitation/courriels/{id}/renvoi")
    String resend(@PathVariable long id, RedirectAttributes redirect) {
        redirect.addFlashAttribute(
                "message",
                outbox.resend(id)
                        ? "Le message n° " + id + " repart au prochain passage de l'envoi (quelques secondes)."
                        : "Le message n° " + id + " est déjà envoyé.");
        return "redirect:/exploitation/courriels";
    }
}
