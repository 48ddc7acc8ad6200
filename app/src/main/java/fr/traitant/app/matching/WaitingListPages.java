package fr.traitant.app.matching;

import java.util.List;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

@Controller
class WaitingListPages {
    private final WaitingList waitingList;
    private final WaitingFigures figures;
    private final fr.traitant.app.members.Households households;
    private final fr.traitant.app.identity.CurrentUser currentUser;
    private final java.time.Clock clock;

    private final ProposalWorkflow workflow;

    private final Proposals proposals;

    private final fr.traitant.app.territory.Territory territory;

    private final org.springframework.beans.factory.ObjectProvider<HouseholdRequests> requests;

    private final DoctorRequests doctorRequests;
    private final fr.traitant.app.directory.Doctors doctors;
    private final ProposalAnswer.Form answers;

    WaitingListPages(
            WaitingList waitingList,
            WaitingFigures figures,
            fr.traitant.app.members.Households households,
            fr.traitant.app.identity.CurrentUser currentUser,
            java.time.Clock clock,
            ProposalWorkflow workflow,
            Proposals proposals,
            fr.traitant.app.territory.Territory territory,
            org.springframework.beans.factory.ObjectProvider<HouseholdRequests> requests,
            DoctorRequests doctorRequests,
            fr.traitant.app.directory.Doctors doctors) {
        this.requests = requests;
        this.doctorRequests = doctorRequests;
        this.doctors = doctors;
        this.territory = territory;
        this.proposals = proposals;
        this.workflow = workflow;
        this.waitingList = waitingList;
        this.figures = figures;
        this.households = households;
        this.currentUser = currentUser;
        this.clock = clock;
        this.answers = new ProposalAnswer.Form(
                new ProposalAnswer("confirmer", workflow::confirm, "Votre médecin traitant est déclaré."),
                new ProposalAnswer(
                        "refuser",
                        workflow::refuse,
                        "Proposition refusée : votre demande reste active, sans perdre votre ancienneté."),
                "/mon-medecin-traitant");
    }

    @GetMapping("/chiffres/attente")
    String figures(Model model) {
        model.addAttribute("cells", figures.waiting());
        model.addAttribute("months", figures.attachedPerMonth());
        return "matching/figures";
    }

    @GetMapping("/liste-attente")
    String waiting(
            @jakarta.validation.Valid @org.springframework.web.bind.annotation.ModelAttribute("filter")
                    WaitingListFilter filter,
            org.springframework.validation.BindingResult errors,
            fr.traitant.app.platform.ListRequest list,
            Model model,
            jakarta.servlet.http.HttpServletResponse response) {
        if (!errors.hasFieldErrors("departement")) {
            territory
                    .departementError(filter.departement())
                    .ifPresent(message -> errors.rejectValue("departement", "departement", message));
        }
        model.addAttribute("priorities", PRIORITIES);
        if (errors.hasErrors()) {
            response.setStatus(422);
            model.addAttribute("entries", null);
            return "matching/waiting";
        }
        model.addAttribute(
                "entries",
                waitingList.waiting(
                        filter.departement().toUpperCase(java.util.Locale.ROOT),
                        filter.priority(),
                        list,
                        fr.traitant.app.platform.ListRequest.SIZE));
        model.addAttribute("csv", list.path() + ".csv" + (list.query().isEmpty() ? "" : "?" + list.query()));
        return "matching/waiting";
    }

    /** The priorities 1 to 5, for the filter's list. */
    private static final java.util.List<fr.traitant.app.platform.FormChoice> PRIORITIES =
            java.util.stream.IntStream.rangeClosed(1, 5)
                    .mapToObj(p -> new fr.traitant.app.platform.FormChoice(Integer.toString(p), Integer.toString(p)))
                    .toList();

    @GetMapping(value = "/liste-attente.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> waitingCsv(
            @RequestParam(name = "departement", required = false) String departement,
            @RequestParam(name = "priorite", required = false) Integer priority) {
        String d = departement == null ? "" : departement.strip().toUpperCase(java.util.Locale.ROOT);
        if (!d.isEmpty() && !territory.isDepartement(d)) {
            throw new IllegalArgumentException("Département inconnu : " + departement);
        }
        java.util.List<java.util.List<String>> rows = new java.util.ArrayList<>();
        for (WaitingList.Entry e : waitingList
                .waiting(d, priority, fr.traitant.app.platform.ListRequest.first("/liste-attente"), 100_000)
                .rows()) {
            rows.add(java.util.List.of(
                    Long.toString(e.householdId()),
                    e.departement(),
                    territory.departementLabel(e.departement()),
                    Integer.toString(e.priority()),
                    e.priorityReasons() == null ? "" : e.priorityReasons(),
                    Integer.toString(e.people()),
                    e.waitingSinceDay().toString(),
                    e.source().label(),
                    Integer.toString(e.unansweredContacts())));
        }
        return fr.traitant.app.platform.CsvExport.of(
                "liste-attente" + (d.isEmpty() ? "" : "-" + d) + ".csv",
                java.util.List.of(
                        "foyer",
                        "departement",
                        "departement_nom",
                        "priorite",
                        "motifs",
                        "personnes",
                        "en_attente_depuis",
                        "origine",
                        "contacts_sans_reponse"),
                rows);
    }

    @org.springframework.web.bind.annotation.PostMapping("/liste-attente/{id}/contacts")
    String contact(
            @PathVariable long id,
            @RequestParam("canal") WaitingList.Channel channel,
            @RequestParam("reponse") boolean answered) {
        WaitingList.Entry entry = waitingList.recordContact(id, channel, answered);
        return "redirect:/liste-attente?departement=" + entry.departement();
    }

    /** The insured person's request: where it stands. */
    @GetMapping("/mon-medecin-traitant")
    String mine(Model model) {
        List<Long> own = households.householdsOf(currentUser.get().accountId());
        model.addAttribute("requests", java.util.List.of());
        model.addAttribute("doctorRequests", java.util.List.of());
        if (own.isEmpty()) {
            // a page that says why, not an error: the account is not yet linked to the fund's household
            model.addAttribute("noHousehold", true);
            return "matching/mine";
        }
        WaitingList.Entry entry = waitingList.openEntry(own.getFirst()).orElse(null);
        model.addAttribute("entry", entry);
        model.addAttribute(
                "doctorRequests",
                doctorRequests.ofHousehold(own.getFirst()).stream()
                        .filter(DoctorRequests.Request::waiting)
                        .map(r -> java.util.Map.entry(
                                r,
                                doctors.findByRpps(r.rpps())
                                        .map(fr.traitant.app.directory.DoctorProfile::displayName)
                                        .orElse("RPPS " + r.rpps())))
                        .toList());
        model.addAttribute("helpRequested", entry != null && waitingList.helpRequested(entry.id()));
        // one status for the family: the PASS or conciliation request about finding a doctor, if one is open
        model.addAttribute(
                "requests",
                requests.stream()
                        .flatMap(r -> r.openFindDoctorRequests(own.getFirst()).stream())
                        .toList());
        workflow.latestForHousehold(own.getFirst()).ifPresent(id -> {
            model.addAttribute("proposalId", id.value());
            model.addAttribute("proposalStatus", workflow.status(id));
            proposals.doctorForMyHousehold(id.value()).ifPresent(doctor -> model.addAttribute("doctor", doctor));
        });
        return "matching/mine";
    }

    @org.springframework.web.bind.annotation.PostMapping("/mon-medecin-traitant/propositions/{id}/reponse")
    String answer(@PathVariable long id, @RequestParam("decision") String decision, RedirectAttributes redirect) {
        return answers.apply(id, decision, redirect);
    }

    /** The insured person asks an advisor for help. */
    @org.springframework.web.bind.annotation.PostMapping("/mon-medecin-traitant/aide")
    String help(RedirectAttributes redirect) {
        List<Long> own = households.householdsOf(currentUser.get().accountId());
        if (own.isEmpty()) {
            throw new fr.traitant.app.platform.NotFoundException("Aucun foyer n'est rattaché à votre compte.");
        }
        waitingList.requestHelp(own.getFirst());
        redirect.addFlashAttribute("message", "Votre demande d'aide est transmise : un conseiller vous contactera.");
        return "redirect:/mon-medecin-traitant";
    }

    /** The insured person asks for a médecin traitant (online registration). */
    @org.springframework.web.bind.annotation.PostMapping("/mon-medecin-traitant/inscription")
    String register() {
        List<Long> own = households.householdsOf(currentUser.get().accountId());
        if (own.isEmpty()) {
            throw new fr.traitant.app.platform.NotFoundException("Aucun foyer n'est rattaché à votre compte.");
        }
        waitingList.register(own.getFirst(), WaitingList.Source.ONLINE, clock.instant());
        return "redirect:/mon-medecin-traitant";
    }
}
