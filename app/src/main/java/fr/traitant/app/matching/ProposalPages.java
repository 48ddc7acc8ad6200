package fr.traitant.app.matching;

import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class ProposalPages {
    private final Proposals proposals;
    private final ProposalWorkflow workflow;
    private final DoctorCapacities capacities;
    private final fr.traitant.app.identity.CurrentUser currentUser;
    private final fr.traitant.app.territory.Territory territory;
    private final ProposalAnswer.Form answers;

    ProposalPages(
            Proposals proposals,
            ProposalWorkflow workflow,
            DoctorCapacities capacities,
            fr.traitant.app.identity.CurrentUser currentUser,
            fr.traitant.app.territory.Territory territory) {
        this.territory = territory;
        this.proposals = proposals;
        this.workflow = workflow;
        this.capacities = capacities;
        this.currentUser = currentUser;
        this.answers = new ProposalAnswer.Form(
                new ProposalAnswer("accepter", workflow::accept, "Proposition acceptée : le foyer est prévenu."),
                new ProposalAnswer("decliner", workflow::decline, "Proposition déclinée."),
                "/propositions");
    }

    @GetMapping("/propositions")
    String mine(Model model) {
        fill(model);
        return "matching/proposals";
    }

    private void fill(Model model) {
        model.addAttribute("proposals", proposals.mineWithProfiles());
        DoctorCapacities.Capacity capacity =
                capacities.capacity(currentUser.get().accountId()).orElse(null);
        model.addAttribute("capacity", capacity);
        model.addAttribute("statuses", fr.traitant.engine.directory.NewPatients.values());
        if (!model.containsAttribute("form")) {
            model.addAttribute(
                    "form",
                    capacity == null
                            ? new AvailabilityForm("", "", "")
                            : new AvailabilityForm(
                                    capacity.accepting() ? "ACCEPTING" : "NOT_ACCEPTING",
                                    Integer.toString(capacity.capacity()),
                                    territory.communeLabel(capacity.communeCode())));
        }
    }

    /** One proposal with its household's profile; 404 unless it is addressed to the signed-in doctor. */
    @GetMapping("/propositions/{id}")
    String one(@PathVariable long id, Model model) {
        var entry = proposals.readWithProfile(id);
        model.addAttribute("proposal", entry.getKey());
        model.addAttribute("profile", entry.getValue());
        proposals.familyOfMyProposal(id).ifPresent(family -> model.addAttribute("family", family));
        return "matching/proposal";
    }

    /** The doctor records that they declared themselves médecin traitant of the household that chose them. */
    @org.springframework.web.bind.annotation.PostMapping("/propositions/{id}/declaration")
    String declared(@PathVariable long id, RedirectAttributes redirect) {
        try {
            workflow.recordDeclaration(new ProposalId(id));
            redirect.addFlashAttribute(
                    "message", "Déclaration enregistrée : le foyer voit que vous êtes son médecin traitant déclaré.");
        } catch (ProposalWorkflow.TransitionRefused e) {
            redirect.addFlashAttribute("message", e.getMessage());
        }
        return "redirect:/propositions/" + id;
    }

    @org.springframework.web.bind.annotation.PostMapping("/propositions/{id}/reponse")
    String answer(@PathVariable long id, @RequestParam("decision") String decision, RedirectAttributes redirect) {
        return answers.apply(id, decision, redirect);
    }

    /** The doctor's availability: new-patient status, capacity, practice commune; errors next to the field. */
    @org.springframework.web.bind.annotation.PostMapping("/propositions/capacite")
    String capacity(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("form")
                    AvailabilityForm form,
            org.springframework.validation.BindingResult errors,
            Model model,
            jakarta.servlet.http.HttpServletResponse response,
            RedirectAttributes redirect) {
        if (!errors.hasFieldErrors("status") && form.newPatients() == null) {
            errors.rejectValue("status", "status", "Statut inconnu.");
        }
        if (!errors.hasErrors()) {
            try {
                capacities.updateMyAvailability(form.newPatients(), form.places(), form.commune());
                redirect.addFlashAttribute(
                        "message", "Disponibilité mise à jour : elle sera prise en compte au prochain appariement.");
                return "redirect:/propositions";
            } catch (DoctorCapacities.AvailabilityRefused e) {
                errors.rejectValue(e.field(), e.field(), String.valueOf(e.getMessage()));
            }
        }
        response.setStatus(422);
        fill(model);
        return "matching/proposals";
    }
}
