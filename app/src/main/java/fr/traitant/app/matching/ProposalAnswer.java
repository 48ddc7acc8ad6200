package fr.traitant.app.matching;

import java.util.function.Consumer;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * One of the two answers of a proposal's answer form — the doctor's (accept, decline) or the household's (confirm,
 * refuse): the word the form sends, the transition it makes and what the person is told after it.
 */
record ProposalAnswer(String word, Consumer<ProposalId> transition, String done) {

    /** An answer form: its two answers and the page the person goes back to. */
    record Form(ProposalAnswer one, ProposalAnswer other, String back) {

        /**
         * Makes the transition the {@code decision} word names (one of the two answers) and says what happened, or
         * why the workflow refused it (already answered, expired…), in the flash message; the redirect back.
         */
        String apply(long id, String decision, RedirectAttributes redirect) {
            ProposalAnswer chosen = decision.equals(one.word) ? one : decision.equals(other.word) ? other : null;
            if (chosen == null) {
                throw new IllegalArgumentException("Décision inconnue.");
            }
            try {
                chosen.transition.accept(new ProposalId(id));
                redirect.addFlashAttribute("message", chosen.done);
            } catch (ProposalWorkflow.TransitionRefused e) {
                redirect.addFlashAttribute("message", e.getMessage());
            }
            return "redirect:" + back;
        }
    }
}
