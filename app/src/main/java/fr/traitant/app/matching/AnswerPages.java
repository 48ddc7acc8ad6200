package fr.traitant.app.matching;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class AnswerPages {
    private final ProposalWorkflow workflow;

    AnswerPages(ProposalWorkflow workflow) {
        this.workflow = workflow;
    }

    private static final java.util.Map<String, String[]> WORDING = java.util.Map.of(
            "ACCEPT", new String[] {"Acceptez-vous de devenir le médecin traitant de ce foyer ?", "J'accepte"},
            "DECLINE", new String[] {"Déclinez-vous cette proposition ?", "Je décline"},
            "CONFIRM",
                    new String[] {"Confirmez-vous ce médecin comme médecin traitant de votre foyer ?", "Je confirme"},
            "REFUSE",
                    new String[] {
                        "Refusez-vous ce médecin ? Votre demande reste active sans perdre votre ancienneté.",
                        "Je refuse"
                    });

    /** Shows what the link does; a GET never changes anything (mail scanners open links). */
    @GetMapping("/reponse/{token}")
    String show(@PathVariable String token, Model model) {
        workflow.linkAction(token)
                .ifPresentOrElse(
                        action -> {
                            model.addAttribute("action", action);
                            model.addAttribute("token", token);
                            model.addAttribute("question", java.util.Objects.requireNonNull(WORDING.get(action))[0]);
                            model.addAttribute("label", java.util.Objects.requireNonNull(WORDING.get(action))[1]);
                        },
                        () -> model.addAttribute("invalid", "Ce lien n'est pas valide, a expiré ou a déjà servi."));
        return "matching/answer";
    }

    @org.springframework.web.bind.annotation.PostMapping("/reponse/{token}")
    String use(@PathVariable String token, Model model) {
        try {
            workflow.answerByLink(token);
            model.addAttribute("done", "Votre réponse est enregistrée. Merci.");
        } catch (fr.traitant.app.platform.NotFoundException | ProposalWorkflow.TransitionRefused e) {
            model.addAttribute("invalid", e.getMessage());
        }
        return "matching/answer";
    }
}
