package fr.traitant.app.matching;

import static fr.traitant.app.identity.AccessRule.everybody;
import static fr.traitant.app.identity.AccessRule.roles;

import fr.traitant.app.identity.AccessRules;
import fr.traitant.app.identity.Role;
import java.util.List;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Proposal API and the doctor's page, with their access rules (ownership checked by {@link Proposals}). */
@Configuration(proxyBeanMethods = false)
class MatchingWeb {

    @Bean
    AccessRules matchingAccessRules() {
        return () -> List.of(
                roles(HttpMethod.GET, "/api/v1/proposals", Role.DOCTOR),
                roles(HttpMethod.GET, "/api/v1/proposals/{id}", Role.DOCTOR, Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/propositions", Role.DOCTOR),
                roles(HttpMethod.GET, "/propositions/{id}", Role.DOCTOR),
                roles(HttpMethod.POST, "/propositions/{id}/declaration", Role.DOCTOR),
                roles(HttpMethod.GET, "/liste-attente", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/liste-attente.csv", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/appariements", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/mutations/import", Role.ADVISOR, Role.ADMIN),
                roles(HttpMethod.POST, "/mutations/import", Role.ADVISOR, Role.ADMIN),
                roles(HttpMethod.GET, "/appariements/{id}", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.POST, "/appariements", Role.ADVISOR),
                roles(HttpMethod.POST, "/appariements/{id}/publication", Role.ADVISOR),
                roles(HttpMethod.GET, "/appariements/{id}/foyers/{entry}", Role.ADVISOR),
                roles(HttpMethod.GET, "/appariements/{id}/etat", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.POST, "/appariements/{id}/foyers/{entry}/medecin", Role.ADVISOR),
                roles(HttpMethod.POST, "/appariements/{id}/foyers/{entry}/retrait", Role.ADVISOR),
                roles(HttpMethod.POST, "/liste-attente/{id}/contacts", Role.ADVISOR, Role.CONCILIATOR),
                roles(HttpMethod.GET, "/mon-medecin-traitant", Role.INSURED),
                roles(HttpMethod.POST, "/mon-medecin-traitant/propositions/{id}/reponse", Role.INSURED),
                roles(HttpMethod.POST, "/propositions/{id}/reponse", Role.DOCTOR),
                roles(HttpMethod.POST, "/propositions/capacite", Role.DOCTOR),
                // signed single-use links sent by e-mail: the token is the authorisation
                everybody(HttpMethod.GET, "/reponse/{token}"),
                everybody(HttpMethod.POST, "/reponse/{token}"),
                roles(HttpMethod.POST, "/mon-medecin-traitant/inscription", Role.INSURED),
                roles(HttpMethod.POST, "/mon-medecin-traitant/aide", Role.INSURED),
                // public aggregates (no personal data)
                everybody(HttpMethod.GET, "/chiffres/attente"),
                everybody(HttpMethod.GET, "/chiffres/attente.csv"),
                everybody(HttpMethod.GET, "/api/v1/figures/waiting"));
    }

    @RestController
    @RequestMapping("/api/v1/proposals")
    static class ProposalsApi {
        private final Proposals proposals;

        ProposalsApi(Proposals proposals) {
            this.proposals = proposals;
        }

        /** The proposals addressed to the signed-in doctor. */
        @GetMapping
        List<ProposalView> mine() {
            return proposals.mine();
        }

        /** One proposal; 404 for a doctor it is not addressed to. */
        @GetMapping("/{id}")
        ProposalView proposal(@PathVariable long id) {
            return proposals.read(id);
        }
    }

    @RestController
    static class WaitingFiguresApi {
        private final WaitingFigures figures;

        WaitingFiguresApi(WaitingFigures figures) {
            this.figures = figures;
        }

        /** Households and people waiting by département and priority, median wait, attached per month. */
        @GetMapping("/api/v1/figures/waiting")
        java.util.Map<String, Object> waiting() {
            return java.util.Map.of("waiting", figures.waiting(), "attachedPerMonth", figures.attachedPerMonth());
        }

        @GetMapping(value = "/chiffres/attente.csv", produces = "text/csv;charset=UTF-8")
        org.springframework.http.ResponseEntity<String> csv() {
            return org.springframework.http.ResponseEntity.ok()
                    .header("Content-Disposition", "attachment; filename=\"liste-attente.csv\"")
                    .body(figures.waitingCsv());
        }
    }

    @Controller
    static class WaitingListPages {
        private final WaitingList waitingList;
        private final WaitingFigures figures;
        private final fr.traitant.app.members.Households households;
        private final fr.traitant.app.identity.CurrentUser currentUser;
        private final java.time.Clock clock;

        private final ProposalWorkflow workflow;

        private final Proposals proposals;

        private final fr.traitant.app.territory.Territory territory;

        private final org.springframework.beans.factory.ObjectProvider<HouseholdRequests> requests;

        WaitingListPages(
                WaitingList waitingList,
                WaitingFigures figures,
                fr.traitant.app.members.Households households,
                fr.traitant.app.identity.CurrentUser currentUser,
                java.time.Clock clock,
                ProposalWorkflow workflow,
                Proposals proposals,
                fr.traitant.app.territory.Territory territory,
                org.springframework.beans.factory.ObjectProvider<HouseholdRequests> requests) {
            this.requests = requests;
            this.territory = territory;
            this.proposals = proposals;
            this.workflow = workflow;
            this.waitingList = waitingList;
            this.figures = figures;
            this.households = households;
            this.currentUser = currentUser;
            this.clock = clock;
        }

        @GetMapping("/chiffres/attente")
        String figures(Model model) {
            model.addAttribute("cells", figures.waiting());
            model.addAttribute("months", figures.attachedPerMonth());
            return "matching/figures";
        }

        @GetMapping("/liste-attente")
        String waiting(
                @org.springframework.web.bind.annotation.RequestParam(name = "departement", required = false)
                        String departement,
                @org.springframework.web.bind.annotation.RequestParam(name = "priorite", required = false)
                        String priority,
                fr.traitant.app.platform.ListRequest list,
                Model model,
                jakarta.servlet.http.HttpServletResponse response) {
            String d = departement == null ? "" : departement.strip().toUpperCase(java.util.Locale.ROOT);
            String p = priority == null ? "" : priority.strip();
            java.util.Map<String, String> errors = new java.util.LinkedHashMap<>();
            territory.departementError(departement).ifPresent(message -> errors.put("departement", message));
            if (!p.isEmpty() && !p.matches("[1-5]")) {
                errors.put("priorite", "La priorité va de 1 à 5.");
            }
            model.addAttribute("departement", departement == null ? "" : departement);
            model.addAttribute("priority", p);
            model.addAttribute("errors", errors);
            if (!errors.isEmpty()) {
                response.setStatus(422);
                model.addAttribute("entries", null);
                return "matching/waiting";
            }
            model.addAttribute(
                    "entries",
                    waitingList.waiting(
                            d,
                            p.isEmpty() ? null : Integer.valueOf(p),
                            list,
                            fr.traitant.app.platform.ListRequest.SIZE));
            model.addAttribute("csv", list.path() + ".csv" + (list.query().isEmpty() ? "" : "?" + list.query()));
            return "matching/waiting";
        }

        @GetMapping(value = "/liste-attente.csv", produces = "text/csv")
        org.springframework.http.ResponseEntity<String> waitingCsv(
                @org.springframework.web.bind.annotation.RequestParam(name = "departement", required = false)
                        String departement,
                @org.springframework.web.bind.annotation.RequestParam(name = "priorite", required = false)
                        Integer priority) {
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
                @org.springframework.web.bind.annotation.RequestParam("canal") WaitingList.Channel channel,
                @org.springframework.web.bind.annotation.RequestParam("reponse") boolean answered) {
            WaitingList.Entry entry = waitingList.recordContact(id, channel, answered);
            return "redirect:/liste-attente?departement=" + entry.departement();
        }

        /** The insured person's request: where it stands. */
        @GetMapping("/mon-medecin-traitant")
        String mine(Model model) {
            List<Long> own = households.householdsOf(currentUser.get().accountId());
            model.addAttribute("requests", java.util.List.of());
            if (own.isEmpty()) {
                // a page that says why, not an error: the account is not yet linked to the fund's household
                model.addAttribute("noHousehold", true);
                return "matching/mine";
            }
            WaitingList.Entry entry = waitingList.openEntry(own.getFirst()).orElse(null);
            model.addAttribute("entry", entry);
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
        String answer(
                @PathVariable long id,
                @org.springframework.web.bind.annotation.RequestParam("decision") String decision,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            try {
                switch (decision) {
                    case "confirmer" -> workflow.confirm(new ProposalId(id));
                    case "refuser" -> workflow.refuse(new ProposalId(id));
                    default -> throw new IllegalArgumentException("Décision inconnue.");
                }
                redirect.addFlashAttribute(
                        "message",
                        decision.equals("confirmer")
                                ? "Votre médecin traitant est déclaré."
                                : "Proposition refusée : votre demande reste active, sans perdre votre ancienneté.");
            } catch (ProposalWorkflow.TransitionRefused e) {
                redirect.addFlashAttribute("message", e.getMessage());
            }
            return "redirect:/mon-medecin-traitant";
        }

        /** The insured person asks an advisor for help. */
        @org.springframework.web.bind.annotation.PostMapping("/mon-medecin-traitant/aide")
        String help(org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            List<Long> own = households.householdsOf(currentUser.get().accountId());
            if (own.isEmpty()) {
                throw new fr.traitant.app.platform.NotFoundException("Aucun foyer n'est rattaché à votre compte.");
            }
            waitingList.requestHelp(own.getFirst());
            redirect.addFlashAttribute(
                    "message", "Votre demande d'aide est transmise : un conseiller vous contactera.");
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

    @Controller
    static class ProposalPages {
        private final Proposals proposals;
        private final ProposalWorkflow workflow;
        private final fr.traitant.app.identity.CurrentUser currentUser;
        private final fr.traitant.app.territory.Territory territory;

        ProposalPages(
                Proposals proposals,
                ProposalWorkflow workflow,
                fr.traitant.app.identity.CurrentUser currentUser,
                fr.traitant.app.territory.Territory territory) {
            this.territory = territory;
            this.proposals = proposals;
            this.workflow = workflow;
            this.currentUser = currentUser;
        }

        @GetMapping("/propositions")
        String mine(Model model) {
            fill(model);
            return "matching/proposals";
        }

        private void fill(Model model) {
            model.addAttribute("proposals", proposals.mineWithProfiles());
            ProposalWorkflow.Capacity capacity =
                    workflow.capacity(currentUser.get().accountId()).orElse(null);
            model.addAttribute("capacity", capacity);
            model.addAttribute("statuses", fr.traitant.engine.directory.NewPatients.values());
            if (!model.containsAttribute("form")) {
                model.addAttribute(
                        "form",
                        java.util.Map.of(
                                "statut", capacity == null ? "" : capacity.accepting() ? "ACCEPTING" : "NOT_ACCEPTING",
                                "capacite", capacity == null ? "" : Integer.toString(capacity.capacity()),
                                "commune", capacity == null ? "" : territory.communeLabel(capacity.communeCode())));
            }
            if (!model.containsAttribute("errors")) {
                model.addAttribute("errors", java.util.Map.of());
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
        String declared(
                @PathVariable long id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            try {
                workflow.recordDeclaration(new ProposalId(id));
                redirect.addFlashAttribute(
                        "message",
                        "Déclaration enregistrée : le foyer voit que vous êtes son médecin traitant déclaré.");
            } catch (ProposalWorkflow.TransitionRefused e) {
                redirect.addFlashAttribute("message", e.getMessage());
            }
            return "redirect:/propositions/" + id;
        }

        @org.springframework.web.bind.annotation.PostMapping("/propositions/{id}/reponse")
        String answer(
                @PathVariable long id,
                @org.springframework.web.bind.annotation.RequestParam("decision") String decision,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            try {
                switch (decision) {
                    case "accepter" -> workflow.accept(new ProposalId(id));
                    case "decliner" -> workflow.decline(new ProposalId(id));
                    default -> throw new IllegalArgumentException("Décision inconnue.");
                }
                redirect.addFlashAttribute(
                        "message",
                        decision.equals("accepter")
                                ? "Proposition acceptée : le foyer est prévenu."
                                : "Proposition déclinée.");
            } catch (ProposalWorkflow.TransitionRefused e) {
                redirect.addFlashAttribute("message", e.getMessage());
            }
            return "redirect:/propositions";
        }

        /** The doctor's availability: new-patient status, capacity, practice commune; errors next to the field. */
        @org.springframework.web.bind.annotation.PostMapping("/propositions/capacite")
        String capacity(
                @org.springframework.web.bind.annotation.RequestParam(name = "statut", required = false) String status,
                @org.springframework.web.bind.annotation.RequestParam(name = "capacite", required = false)
                        String capacity,
                @org.springframework.web.bind.annotation.RequestParam(name = "commune", required = false)
                        String commune,
                Model model,
                jakarta.servlet.http.HttpServletResponse response,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            java.util.Map<String, String> form = new java.util.HashMap<>();
            form.put("statut", status == null ? "" : status);
            form.put("capacite", capacity == null ? "" : capacity);
            form.put("commune", commune == null ? "" : commune);
            try {
                fr.traitant.engine.directory.NewPatients parsed = status == null || status.isBlank()
                        ? null
                        : fr.traitant.engine.directory.NewPatients.parse(status);
                if (status != null && !status.isBlank() && parsed == null) {
                    throw new ProposalWorkflow.AvailabilityRefused("statut", "Statut inconnu.");
                }
                Integer places;
                try {
                    places = capacity == null || capacity.isBlank() ? null : Integer.valueOf(capacity.strip());
                } catch (NumberFormatException e) {
                    throw new ProposalWorkflow.AvailabilityRefused(
                            "capacite", "Indiquez un nombre entier de nouveaux patients.");
                }
                workflow.updateMyAvailability(parsed, places, commune);
            } catch (ProposalWorkflow.AvailabilityRefused e) {
                response.setStatus(422);
                model.addAttribute("form", form);
                model.addAttribute("errors", java.util.Map.of(e.field(), e.getMessage()));
                fill(model);
                return "matching/proposals";
            }
            redirect.addFlashAttribute(
                    "message", "Disponibilité mise à jour : elle sera prise en compte au prochain appariement.");
            return "redirect:/propositions";
        }
    }

    @Controller
    static class TransferPages {
        private final Transfers transfers;

        TransferPages(Transfers transfers) {
            this.transfers = transfers;
        }

        @GetMapping("/mutations/import")
        String form(Model model) {
            model.addAttribute("columns", String.join(";", Transfers.COLUMNS));
            return "matching/transfers";
        }

        @org.springframework.web.bind.annotation.PostMapping("/mutations/import")
        String upload(
                @org.springframework.web.bind.annotation.RequestParam(name = "fichier", required = false)
                        org.springframework.web.multipart.MultipartFile file,
                Model model,
                jakarta.servlet.http.HttpServletResponse response)
                throws java.io.IOException {
            model.addAttribute("columns", String.join(";", Transfers.COLUMNS));
            if (file == null || file.isEmpty()) {
                response.setStatus(422);
                model.addAttribute(
                        "errors", java.util.List.of("Choisissez un fichier à importer (CSV UTF-8, séparateur « ; »)."));
                return "matching/transfers";
            }
            try (var reader = fr.traitant.app.platform.TextFile.utf8(file.getInputStream())) {
                model.addAttribute("result", transfers.importPlan(reader));
            } catch (Transfers.TransferPlanRefused e) {
                response.setStatus(422);
                model.addAttribute("errors", e.errors());
            } catch (fr.traitant.app.platform.ConflictException e) {
                response.setStatus(409);
                model.addAttribute("errors", java.util.List.of(e.getMessage()));
            }
            return "matching/transfers";
        }
    }

    @Controller
    static class MatchingRunPages {
        private final MatchingRuns runs;
        private final fr.traitant.app.territory.Territory territory;

        MatchingRunPages(MatchingRuns runs, fr.traitant.app.territory.Territory territory) {
            this.runs = runs;
            this.territory = territory;
        }

        @GetMapping("/appariements")
        String list(fr.traitant.app.platform.ListRequest list, Model model) {
            return form(list, model, "", null);
        }

        private String form(fr.traitant.app.platform.ListRequest list, Model model, String departement, String error) {
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
        String review(@PathVariable long id, Model model) {
            MatchingRuns.Progress progress = runs.progress(id);
            if (progress.running() || "FAILED".equals(progress.status())) {
                // computing in the background: the page shows the step under way and polls until the draft is ready
                model.addAttribute("progress", progress);
                return "matching/run-progress";
            }
            model.addAttribute("run", runs.get(id));
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
            model.addAttribute("choice", runs.choices(id, entry));
            return "matching/choice";
        }

        @org.springframework.web.bind.annotation.PostMapping("/appariements/{id}/foyers/{entry}/medecin")
        String reassign(
                @PathVariable long id,
                @PathVariable long entry,
                @org.springframework.web.bind.annotation.RequestParam(name = "medecin", defaultValue = "0") long doctor,
                org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            try {
                redirect.addFlashAttribute("message", runs.reassign(id, entry, doctor));
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
                redirect.addFlashAttribute("message", runs.remove(id, entry));
            } catch (ProposalWorkflow.TransitionRefused e) {
                redirect.addFlashAttribute("message", e.getMessage());
            }
            return "redirect:/appariements/" + id;
        }

        @org.springframework.web.bind.annotation.PostMapping("/appariements/{id}/publication")
        String publish(@PathVariable long id, org.springframework.web.servlet.mvc.support.RedirectAttributes redirect) {
            try {
                redirect.addFlashAttribute("message", runs.publish(id).message());
            } catch (ProposalWorkflow.TransitionRefused e) {
                redirect.addFlashAttribute("message", e.getMessage());
            }
            return "redirect:/appariements/" + id;
        }
    }

    @Controller
    static class AnswerPages {
        private final ProposalWorkflow workflow;

        AnswerPages(ProposalWorkflow workflow) {
            this.workflow = workflow;
        }

        private static final java.util.Map<String, String[]> WORDING = java.util.Map.of(
                "ACCEPT", new String[] {"Acceptez-vous de devenir le médecin traitant de ce foyer ?", "J'accepte"},
                "DECLINE", new String[] {"Déclinez-vous cette proposition ?", "Je décline"},
                "CONFIRM",
                        new String[] {"Confirmez-vous ce médecin comme médecin traitant de votre foyer ?", "Je confirme"
                        },
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
                                model.addAttribute("question", WORDING.get(action)[0]);
                                model.addAttribute("label", WORDING.get(action)[1]);
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
}
