package fr.traitant.app.matching;

import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;

@Controller
class MatchingRunPages {
    private final MatchingRuns runs;
    private final RunReview review;
    private final RunPublication publication;
    private final fr.traitant.app.territory.Territory territory;

    MatchingRunPages(
            MatchingRuns runs,
            RunReview review,
            RunPublication publication,
            fr.traitant.app.territory.Territory territory) {
        this.runs = runs;
        this.review = review;
        this.publication = publication;
        this.territory = territory;
    }

    @GetMapping("/appariements")
    String list(fr.traitant.app.platform.ListRequest list, Model model) {
        return form(list, model, "", null);
    }

    private String form(
            fr.traitant.app.platform.ListRequest list, Model model, String departement, @Nullable String error) {
        model.addAttribute("runs", runs.recent(list, fr.traitant.app.platform.ListRequest.SIZE));
        model.addAttribute("departement", departement);
        model.addAttribute("error", error);
        return "matching/runs";
    }

    @org.springframework.web.bind.annotation.PostMapping("/appariements")
    String run(
            @org.springframework.web.bind.annotation.RequestParam(name = "departement", defaultValue = "")
                    String departement,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        String typed = departement.strip();
        String error = typed.isEmpty()
                ? "Saisissez la zone à apparier : un département (83), une région (Occitanie) ou « France »."
                : runs.zone(typed).isPresent()
                        ? null
                        : territory
                                .departementError(typed)
                                .map(e -> e + " Vous pouvez aussi saisir une région (Occitanie) ou « France ».")
                                .orElse(
                                        "Zone inconnue : saisissez un département (83, 2A), une région (Occitanie) ou « France ».");
        if (error != null) {
            response.setStatus(422);
            return form(fr.traitant.app.platform.ListRequest.first("/appariements"), model, departement, error);
        }
        return "redirect:/appariements/" + runs.start(typed);
    }

    @GetMapping("/appariements/{id}")
    String review(@PathVariable long id, fr.traitant.app.platform.ListRequest list, Model model) {
        MatchingRuns.Progress progress = runs.progress(id);
        if (progress.running() || "FAILED".equals(progress.status())) {
            // computing in the background: the page shows the step under way and polls until the draft is ready
            model.addAttribute("progress", progress);
            return "matching/run-progress";
        }
        MatchingRun run = runs.get(id);
        model.addAttribute("run", run);
        // a national run proposes thousands of households: a page of them at a time, the total said
        model.addAttribute("lines", list.slice(run.lines()));
        return "matching/run";
    }

    /** The progress block, polled by htmx; once the run is no longer computing, the browser loads its page. */
    @GetMapping("/appariements/{id}/etat")
    String progress(@PathVariable long id, Model model, jakarta.servlet.http.HttpServletResponse response) {
        MatchingRuns.Progress progress = runs.progress(id);
        if (!progress.running()) {
            response.setHeader("HX-Redirect", "/appariements/" + id);
        }
        model.addAttribute("progress", progress);
        return "matching/run-progress :: etat";
    }

    /** One household of a draft: the doctors it could be given instead, and taking it out of the draft. */
    @GetMapping("/appariements/{id}/foyers/{entry}")
    String choice(@PathVariable long id, @PathVariable long entry, Model model) {
        model.addAttribute("choice", review.choices(id, entry));
        return "matching/choice";
    }

    @org.springframework.web.bind.annotation.PostMapping("/appariements/{id}/foyers/{entry}/medecin")
    String reassign(
            @PathVariable long id,
            @PathVariable long entry,
            @org.springframework.web.bind.annotation.RequestParam(name = "medecin", defaultValue = "0") long doctor,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", review.reassign(id, entry, doctor));
        } catch (ProposalWorkflow.TransitionRefused e) {
            redirect.addFlashAttribute("message", e.getMessage());
            return "redirect:/appariements/" + id + "/foyers/" + entry;
        }
        return "redirect:/appariements/" + id;
    }

    @org.springframework.web.bind.annotation.PostMapping("/appariements/{id}/foyers/{entry}/retrait")
    String remove(
            @PathVariable long id,
            @PathVariable long entry,
            org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", review.remove(id, entry));
        } catch (ProposalWorkflow.TransitionRefused e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/appariements/" + id;
    }

    @org.springframework.web.bind.annotation.PostMapping("/appariements/{id}/publication")
    String publish(@PathVariable long id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
        try {
            redirect.addFlashAttribute("message", publication.publish(id).message());
        } catch (ProposalWorkflow.TransitionRefused e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/appariements/" + id;
    }
}
