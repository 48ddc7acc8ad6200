package fr.traitant.app.cases;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.values.EmailAddress;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.platform.values.PhoneNumber;
import fr.traitant.app.territory.Territory;
import jakarta.servlet.http.HttpServletResponse;
import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.validation.BindingResult;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The agents' pages (advisors: PASS cases; conciliators: conciliation cases): inbox with search and overdue cases
 * first, workload per agent, opening a case, the case file with its journal and actions, finding a doctor.
 */
@Controller
class CasePages {

    static final List<String> PURPOSES = List.of(
            Cases.DEFAULT_AGENT_PURPOSE,
            "Recherche d'un médecin traitant pour le foyer",
            "Instruction d'une saisine du conciliateur",
            "Réponse à une demande de l'assuré");

    static final Map<String, String> SCOPES = new LinkedHashMap<>();

    static {
        SCOPES.put("mine", "Mes dossiers ouverts");
        SCOPES.put("unassigned", "Non attribués");
        SCOPES.put("overdue", "En retard");
        SCOPES.put("open", "Tous les dossiers ouverts");
        SCOPES.put("all", "Tous, y compris clôturés");
    }

    private final Cases cases;
    private final Territory territory;
    private final CurrentUser currentUser;

    CasePages(Cases cases, Territory territory, CurrentUser currentUser) {
        this.cases = cases;
        this.territory = territory;
        this.currentUser = currentUser;
    }

    private static CaseRepository.Scope scopeOf(String s) {
        return switch (s) {
            case "unassigned" -> CaseRepository.Scope.UNASSIGNED;
            case "overdue" -> CaseRepository.Scope.OVERDUE;
            case "open" -> CaseRepository.Scope.OPEN;
            case "all" -> CaseRepository.Scope.ALL;
            default -> CaseRepository.Scope.MINE;
        };
    }

    @GetMapping("/dossiers")
    String inbox(
            @RequestParam(name = "vue", defaultValue = "mine") String scope,
            @RequestParam(name = "q", required = false) String query,
            ListRequest list,
            Model model) {
        String s = SCOPES.containsKey(scope) ? scope : "mine";
        boolean searching = query != null && !query.isBlank();
        model.addAttribute("cases", cases.list(searching ? CaseRepository.Scope.ALL : scopeOf(s), query, list));
        model.addAttribute("scope", searching ? "" : s);
        model.addAttribute("scopes", SCOPES);
        model.addAttribute("query", query == null ? "" : query);
        model.addAttribute("today", cases.today());
        model.addAttribute("kind", cases.myKind());
        model.addAttribute("csv", "/dossiers.csv" + (list.query().isEmpty() ? "" : "?" + list.query()));
        return "cases/inbox";
    }

    /** The same list as a CSV file (every row, no paging), audited like the page. */
    @GetMapping(value = "/dossiers.csv", produces = "text/csv")
    org.springframework.http.ResponseEntity<String> inboxCsv(
            @RequestParam(name = "vue", defaultValue = "mine") String scope,
            @RequestParam(name = "q", required = false) String query) {
        String s = SCOPES.containsKey(scope) ? scope : "mine";
        boolean searching = query != null && !query.isBlank();
        LocalDate today = cases.today();
        List<List<String>> rows = new java.util.ArrayList<>();
        for (CaseView c : cases.export(searching ? CaseRepository.Scope.ALL : scopeOf(s), query)) {
            rows.add(List.of(
                    c.reference(),
                    c.requesterName() == null ? "" : c.requesterName(),
                    c.motive().label(),
                    c.priority().label(),
                    c.status().label(),
                    c.assigneeName() == null ? "" : c.assigneeName(),
                    java.time.LocalDate.ofInstant(c.receivedAt(), fr.traitant.app.platform.FrenchDates.PARIS)
                            .toString(),
                    c.dueOn() == null ? "" : c.dueOn().toString(),
                    c.overdue(today) ? "oui" : "non"));
        }
        return fr.traitant.app.platform.CsvExport.of(
                "dossiers-" + s + ".csv",
                List.of(
                        "reference",
                        "demandeur",
                        "motif",
                        "priorite",
                        "etat",
                        "agent",
                        "recu_le",
                        "echeance",
                        "en_retard"),
                rows);
    }

    @GetMapping("/dossiers/charge")
    String workload(Model model) {
        model.addAttribute("loads", cases.workload());
        model.addAttribute("kind", cases.myKind());
        return "cases/workload";
    }

    @GetMapping("/dossiers/nouveau")
    String newCase(Model model) {
        model.addAttribute("form", CaseForm.empty());
        return newCasePage(model);
    }

    @PostMapping("/dossiers")
    String open(
            @jakarta.validation.Valid @ModelAttribute("form") CaseForm form,
            BindingResult errors,
            Model model,
            HttpServletResponse response) {
        CaseKind kind = cases.myKind();
        Channel channel =
                RequestPages.FormChecks.enumValue(Channel.class, form.channel()).orElse(null);
        if (channel == null) {
            errors.rejectValue("channel", "channel", "Choisissez le canal.");
        }
        Motive motive = RequestPages.FormChecks.enumValue(Motive.class, form.motive())
                .filter(m -> m.allowedFor(kind))
                .orElse(null);
        if (motive == null) {
            errors.rejectValue("motive", "motive", "Choisissez le motif.");
        }
        Priority priority = RequestPages.FormChecks.enumValue(Priority.class, form.priority())
                .orElse(null);
        if (priority == null) {
            errors.rejectValue("priority", "priority", "Choisissez la priorité.");
        }
        Set<CaseSituation> vulnerabilities = RequestPages.FormChecks.vulnerabilities(form.vulnerabilities(), errors);
        Long household = null;
        if (form.household() != null && !form.household().isBlank()) {
            try {
                household = Long.valueOf(form.household().strip());
            } catch (NumberFormatException e) {
                errors.rejectValue("household", "household", "Le numéro de foyer est un nombre.");
            }
        }
        String name = form.requesterName() == null ? "" : form.requesterName().strip();
        if (name.isEmpty() || name.length() > 200) {
            errors.rejectValue("requesterName", "requesterName", "Indiquez le nom du demandeur (1 à 200 caractères).");
        }
        InseeCode commune = RequestPages.FormChecks.commune(territory, form.commune(), false, errors);
        PhoneNumber phone = RequestPages.FormChecks.phone(form.phone(), errors);
        EmailAddress email = RequestPages.FormChecks.email(form.email(), errors);
        if (errors.hasErrors()) {
            response.setStatus(422);
            return newCasePage(model);
        }
        CaseView created = cases.open(new NewCase(
                java.util.Objects.requireNonNull(kind),
                java.util.Objects.requireNonNull(channel),
                java.util.Objects.requireNonNull(motive),
                vulnerabilities,
                household,
                name,
                email,
                phone,
                commune,
                form.summary(),
                java.util.Objects.requireNonNull(priority)));
        return "redirect:/dossiers/" + created.id();
    }

    private String newCasePage(Model model) {
        CaseKind kind = cases.myKind();
        model.addAttribute("kind", kind);
        model.addAttribute(
                "channels",
                List.of(Channel.values()).stream()
                        .filter(c -> c != Channel.ONLINE_FORM)
                        .toList());
        model.addAttribute("motives", Motive.of(kind));
        model.addAttribute("priorities", Priority.values());
        model.addAttribute("allVulnerabilities", CaseSituation.values());
        return "cases/case-form";
    }

    @GetMapping("/dossiers/{id}")
    String file(@PathVariable long id, @RequestParam(name = "motif", required = false) String purpose, Model model) {
        String why = purpose == null || purpose.isBlank() ? Cases.DEFAULT_AGENT_PURPOSE : purpose;
        return page(cases.read(id, why), why, model);
    }

    @GetMapping("/dossiers/{id}/medecins")
    String doctors(
            @PathVariable long id,
            @RequestParam(name = "commune", required = false) String commune,
            @RequestParam(name = "nom", required = false) String name,
            Model model,
            HttpServletResponse response) {
        try {
            model.addAttribute("doctors", cases.findDoctors(id, commune, name));
        } catch (IllegalArgumentException e) {
            response.setStatus(422);
            model.addAttribute("doctorCommuneError", e.getMessage());
        }
        model.addAttribute("doctorCommune", commune == null ? "" : commune);
        model.addAttribute("doctorName", name == null ? "" : name);
        return page(
                cases.read(id, "Recherche d'un médecin traitant pour le foyer"),
                "Recherche d'un médecin traitant pour le foyer",
                model);
    }

    @PostMapping("/dossiers/{id}/proposition")
    String propose(
            @PathVariable long id,
            @RequestParam(name = "medecin", required = false) String doctor,
            Model model,
            HttpServletResponse response) {
        return act(id, "doctor", model, response, () -> cases.proposeDoctor(id, doctor));
    }

    @PostMapping("/dossiers/{id}/etat")
    String move(
            @PathVariable long id,
            @RequestParam(name = "action", required = false) String action,
            @RequestParam(name = "tiers", required = false) String party,
            @RequestParam(name = "issue", required = false) String outcome,
            @RequestParam(name = "note", required = false) String note,
            Model model,
            HttpServletResponse response) {
        return act(id, "status", model, response, () -> {
            CaseTransition transition = switch (action == null ? "" : action) {
                case "start" -> new CaseTransition.Start();
                case "wait" -> new CaseTransition.WaitForThirdParty(party);
                case "close" ->
                    new CaseTransition.Close(
                            RequestPages.FormChecks.enumValue(Outcome.class, outcome)
                                    .orElseThrow(() -> new IllegalArgumentException("Choisissez l'issue du dossier.")),
                            note);
                default -> throw new IllegalArgumentException("Action inconnue.");
            };
            cases.move(id, transition);
        });
    }

    @PostMapping("/dossiers/{id}/journal")
    String journal(
            @PathVariable long id,
            @RequestParam(name = "type", required = false) String kind,
            @RequestParam(name = "texte", required = false) String text,
            Model model,
            HttpServletResponse response) {
        return act(
                id,
                "journal",
                model,
                response,
                () -> cases.addJournal(
                        id,
                        RequestPages.FormChecks.enumValue(JournalKind.class, kind)
                                .orElse(null),
                        text));
    }

    @PostMapping("/dossiers/{id}/attribution")
    String assign(
            @PathVariable long id,
            @RequestParam(name = "agent", required = false) String agent,
            Model model,
            HttpServletResponse response) {
        return act(id, "assign", model, response, () -> {
            Long to;
            try {
                to = agent == null || agent.isBlank() ? null : Long.valueOf(agent);
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("Choisissez un agent.");
            }
            cases.assign(id, to);
        });
    }

    @PostMapping("/dossiers/{id}/priorite")
    String priority(
            @PathVariable long id,
            @RequestParam(name = "priorite", required = false) String priority,
            Model model,
            HttpServletResponse response) {
        return act(
                id,
                "priority",
                model,
                response,
                () -> cases.reprioritize(
                        id,
                        RequestPages.FormChecks.enumValue(Priority.class, priority)
                                .orElseThrow(() -> new IllegalArgumentException("Choisissez la priorité."))));
    }

    /** Runs an action; on a refusal, shows the case again with the message next to the form that was used. */
    private String act(long id, String form, Model model, HttpServletResponse response, Runnable action) {
        try {
            action.run();
            return "redirect:/dossiers/" + id;
        } catch (IllegalArgumentException | fr.traitant.app.platform.ConflictException e) {
            response.setStatus(e instanceof fr.traitant.app.platform.ConflictException ? 409 : 422);
            model.addAttribute("errorForm", form);
            model.addAttribute("errorMessage", e.getMessage());
            return page(cases.read(id, Cases.DEFAULT_AGENT_PURPOSE), Cases.DEFAULT_AGENT_PURPOSE, model);
        }
    }

    private String page(CaseFile file, String purpose, Model model) {
        model.addAttribute("file", file);
        model.addAttribute("purpose", purpose);
        model.addAttribute("purposes", PURPOSES);
        model.addAttribute("today", cases.today());
        model.addAttribute("colleagues", cases.colleagues());
        model.addAttribute("outcomes", Outcome.values());
        model.addAttribute("priorities", Priority.values());
        model.addAttribute(
                "journalKinds",
                List.of(JournalKind.values()).stream()
                        .filter(JournalKind::byAgent)
                        .toList());
        model.addAttribute("me", currentUser.get());
        return "cases/case";
    }
}
