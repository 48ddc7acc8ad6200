package fr.traitant.app.cases;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZonedDateTime;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: case files. Who sees what (ADR 0020): PASS cases are for advisors, conciliation cases for the
 * conciliator(s); an insured person sees the requests they filed themselves. Anybody else is told the case does
 * not exist (404). Every read and change is audited for each person the case concerns; changes are journaled. The
 * insured person's side is {@link CaseRequests}.
 */
@Service
public class Cases {

    public static final String INSURED_PURPOSE = "Consultation par l'assuré de sa propre demande";
    public static final String DEFAULT_AGENT_PURPOSE = "Traitement du dossier d'accompagnement";
    static final String LIST_PURPOSE = "Liste de dossiers (boîte de réception, recherche)";

    private final CaseRepository repository;
    private final CurrentUser currentUser;
    private final AuditTrail auditTrail;
    private final Households households;
    private final ProposalWorkflow workflow;
    private final Accounts accounts;
    private final DoctorFinder doctorFinder;
    private final Clock clock;
    private final fr.traitant.app.identity.Inbox inbox;
    private final fr.traitant.app.matching.WaitingList waitingList;

    Cases(
            CaseRepository repository,
            CurrentUser currentUser,
            AuditTrail auditTrail,
            Households households,
            ProposalWorkflow workflow,
            Accounts accounts,
            DoctorFinder doctorFinder,
            Clock clock,
            fr.traitant.app.identity.Inbox inbox,
            fr.traitant.app.matching.WaitingList waitingList) {
        this.waitingList = waitingList;
        this.inbox = inbox;
        this.repository = repository;
        this.currentUser = currentUser;
        this.auditTrail = auditTrail;
        this.households = households;
        this.workflow = workflow;
        this.accounts = accounts;
        this.doctorFinder = doctorFinder;
        this.clock = clock;
    }

    public LocalDate today() {
        return LocalDate.now(clock.withZone(CaseView.PARIS));
    }

    // ---- agents

    /** The kind of case the signed-in agent handles; 404 for anybody else (the access rules make that rare). */
    public CaseKind myKind() {
        return CaseKind.handledBy(currentUser.get().role()).orElseThrow(() -> new NotFoundException("Aucun dossier."));
    }

    /** An agent opens a case received by phone, mail, a partner or reported by an agent; assigned to them. */
    @Transactional
    public CaseView open(NewCase c) {
        SignedInUser user = currentUser.get();
        if (c.kind() != myKind()) {
            throw new IllegalArgumentException(
                    "Vous ne traitez pas les dossiers de type « " + c.kind().label() + " ».");
        }
        CaseView created = create(c, null, user);
        repository.assign(created.id(), user.accountId(), user.displayName());
        repository.journal(
                created.id(),
                user.username(),
                user.accountId(),
                JournalKind.ASSIGNMENT,
                "Attribué à " + user.displayName(),
                clock.instant());
        return repository.find(created.id()).orElseThrow();
    }

    /** A case of the agent's kind with its whole journal, audited with the purpose; 404 for another kind. */
    @Transactional
    public CaseFile read(long id, String purpose) {
        CaseView c = forAgent(id);
        audit(id, AuditAction.READ, purpose == null || purpose.isBlank() ? DEFAULT_AGENT_PURPOSE : purpose);
        return new CaseFile(c, repository.journal(id));
    }

    /** The agent's list of their kind, audited case by case. */
    @Transactional
    ListPage<CaseView> list(CaseRepository.Scope scope, String text, ListRequest request) {
        return list(scope, text, request, ListRequest.SIZE);
    }

    /** The whole list at once (the CSV export), audited case by case like the pages. */
    @Transactional
    List<CaseView> export(CaseRepository.Scope scope, String text) {
        return list(scope, text, ListRequest.first("/dossiers"), 100_000).rows();
    }

    private ListPage<CaseView> list(CaseRepository.Scope scope, String text, ListRequest request, int size) {
        SignedInUser user = currentUser.get();
        ListPage<CaseView> found = repository.list(myKind(), scope, user.accountId(), text, today(), request, size);
        found.rows().forEach(c -> audit(c.id(), AuditAction.READ, LIST_PURPOSE));
        return found;
    }

    /** Moves a case along the transition table; the requester is notified. */
    @Transactional
    public CaseView move(long id, CaseTransition transition) {
        SignedInUser user = currentUser.get();
        CaseView c = forAgent(id, true);
        CaseStatus target = transition.applyTo(c.status());
        if (transition instanceof CaseTransition.Close close
                && close.outcome() == Outcome.DOCTOR_DECLARED
                && (c.householdId() == null
                        || workflow.attachedProposal(c.householdId()).isEmpty())) {
            // one truth: "médecin traitant déclaré" is what the proposal workflow says, not a free choice
            throw new IllegalArgumentException(
                    "Aucun médecin traitant n'est déclaré pour ce foyer dans Traitant : le dossier se "
                            + "clôture avec cette issue quand le foyer a confirmé un médecin (il se clôture alors tout seul).");
        }
        Instant now = clock.instant();
        switch (transition) {
            case CaseTransition.Start s -> repository.moveTo(id, target, null, null, null, null);
            case CaseTransition.WaitForThirdParty w -> repository.moveTo(id, target, w.party(), null, null, null);
            case CaseTransition.Close close ->
                repository.moveTo(
                        id, target, null, close.outcome(), close.note().isEmpty() ? null : close.note(), now);
        }
        repository.journal(id, user.username(), user.accountId(), JournalKind.STATUS, transition.describe(), now);
        if (c.assigneeAccountId() == null) {
            repository.assign(id, user.accountId(), user.displayName());
            repository.journal(
                    id,
                    user.username(),
                    user.accountId(),
                    JournalKind.ASSIGNMENT,
                    "Attribué à " + user.displayName(),
                    now);
        }
        notifyRequester(
                c,
                "Votre demande " + c.reference() + " : " + target.label().toLowerCase(java.util.Locale.ROOT)
                        + (target == CaseStatus.CLOSED
                                ? " ("
                                        + ((CaseTransition.Close) transition)
                                                .outcome()
                                                .label() + "). Donnez-nous votre avis."
                                : "."),
                now);
        audit(id, AuditAction.UPDATE, "Changement d'état du dossier");
        return repository.find(id).orElseThrow();
    }

    /**
     * When a household confirms its médecin traitant, its open "find me a médecin traitant" cases are closed with that
     * outcome (same transaction); the journal and the requester say so.
     */
    @org.springframework.context.event.EventListener
    void onMedecinTraitantChosen(fr.traitant.app.matching.MedecinTraitantChosen chosen) {
        Instant now = clock.instant();
        for (CaseView c : repository.openForHousehold(chosen.householdId(), Motive.FIND_DOCTOR)) {
            repository.moveTo(c.id(), CaseStatus.CLOSED, null, Outcome.DOCTOR_DECLARED, null, now);
            repository.journal(
                    c.id(),
                    "système",
                    null,
                    JournalKind.STATUS,
                    "Clôturé : le foyer a confirmé son médecin traitant (proposition n° " + chosen.proposalId() + ")",
                    now);
            notifyRequester(
                    c,
                    "Votre demande " + c.reference() + " : clôturée (" + Outcome.DOCTOR_DECLARED.label()
                            + "). Donnez-nous votre avis.",
                    now);
            audit(c.id(), AuditAction.UPDATE, "Clôture du dossier : médecin traitant déclaré");
        }
    }

    /** The agents a case of the signed-in agent's kind can be assigned to. */
    public List<SignedInUser> colleagues() {
        return accounts.withRole(myKind().handler());
    }

    /** Gives a case to another agent of the same kind (or to nobody: back to the unassigned pile). */
    @Transactional
    public void assign(long id, @Nullable Long accountId) {
        SignedInUser user = currentUser.get();
        CaseView c = forAgent(id, true);
        if (c.status() == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("Un dossier clôturé ne se réattribue pas.");
        }
        String name = null;
        if (accountId != null) {
            SignedInUser to = accounts.findById(accountId)
                    .filter(a -> a.has(c.kind().handler()))
                    .orElseThrow(
                            () -> new IllegalArgumentException("Cet agent ne traite pas les dossiers de ce type."));
            name = to.displayName();
        }
        repository.assign(id, accountId, name);
        repository.journal(
                id,
                user.username(),
                user.accountId(),
                JournalKind.ASSIGNMENT,
                accountId == null ? "Remis dans les dossiers non attribués" : "Attribué à " + name,
                clock.instant());
        audit(id, AuditAction.UPDATE, "Attribution du dossier");
    }

    /** Changes the priority; the due date follows (counted from the day received). */
    @Transactional
    public void reprioritize(long id, Priority priority) {
        SignedInUser user = currentUser.get();
        CaseView c = forAgent(id, true);
        if (c.status() == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("Un dossier clôturé ne change plus de priorité.");
        }
        LocalDate due = c.receivedOn().plus(priority.deadline());
        repository.setPriority(id, priority, due);
        repository.journal(
                id,
                user.username(),
                user.accountId(),
                JournalKind.NOTE,
                "Priorité : " + priority.label() + " (échéance " + due + ")",
                clock.instant());
        audit(id, AuditAction.UPDATE, "Changement de priorité du dossier");
    }

    /** Appends a line written by the agent (call, letter, doctor or partner contacted, note). */
    @Transactional
    public void addJournal(long id, @Nullable JournalKind kind, String text) {
        SignedInUser user = currentUser.get();
        forAgent(id);
        if (kind == null || !kind.byAgent()) {
            throw new IllegalArgumentException("Choisissez le type d'action.");
        }
        String t = text == null ? "" : text.strip();
        if (t.isEmpty() || t.length() > 4000) {
            throw new IllegalArgumentException("Décrivez l'action (1 à 4000 caractères).");
        }
        repository.journal(id, user.username(), user.accountId(), kind, t, clock.instant());
        audit(id, AuditAction.UPDATE, "Ajout au journal du dossier");
    }

    /** Doctors to contact for a case, near its commune (or another one), network members first. */
    @Transactional
    public List<DoctorCandidate> findDoctors(long id, String communeCode, String name) {
        CaseView c = forAgent(id);
        audit(id, AuditAction.READ, "Recherche d'un médecin traitant pour le dossier");
        String commune = communeCode == null || communeCode.isBlank() ? c.communeCode() : communeCode.strip();
        return doctorFinder.near(commune, name, 20);
    }

    /**
     * Proposes a doctor to the case's household: a proposal (matching module) linked to the case; the journal and
     * the requester record it. The outcome (médecin traitant declared or not) is given when the case is closed.
     */
    @Transactional
    public CaseView proposeDoctor(long id, String doctorRef) {
        SignedInUser user = currentUser.get();
        CaseView c = forAgent(id, true);
        if (c.status() == CaseStatus.CLOSED) {
            throw new IllegalArgumentException("Le dossier est clôturé.");
        }
        DoctorCandidate doctor =
                doctorFinder.find(doctorRef).orElseThrow(() -> new IllegalArgumentException("Médecin introuvable."));
        Instant now = clock.instant();
        Long proposalId = null;
        if (c.householdId() != null && doctor.accountId() != null) {
            proposalId = workflow.proposeFromCase(
                            c.householdId(), fr.traitant.app.identity.AccountId.of(doctor.accountId()), c.reference())
                    .value();
        }
        repository.linkProposal(id, proposalId, doctor.accountId(), doctor.name());
        repository.journal(
                id,
                user.username(),
                user.accountId(),
                JournalKind.PROPOSAL,
                (proposalId == null ? "Médecin proposé : " : "Proposition n° " + proposalId + " envoyée : ")
                        + doctor.name(),
                now);
        notifyRequester(
                c, "Votre demande " + c.reference() + " : un médecin vous est proposé (" + doctor.name() + ").", now);
        audit(id, AuditAction.UPDATE, "Proposition d'un médecin traitant au foyer");
        return repository.find(id).orElseThrow();
    }

    /** Open cases of the agent's kind per assignee. */
    List<CaseRepository.Load> workload() {
        return repository.workload(myKind(), today());
    }

    // ---- indicators (no personal data)

    public CaseIndicators.Report indicators(LocalDate from, LocalDate to) {
        Instant start = from.atStartOfDay(CaseView.PARIS).toInstant();
        Instant end = to.plusDays(1).atStartOfDay(CaseView.PARIS).toInstant();
        return CaseIndicators.compute(repository.facts(start, end), from, to, CaseView.PARIS);
    }

    /** Whether the demo's synthetic history is present (the indicators page says so). */
    public boolean hasSyntheticHistory() {
        return repository.anySynthetic();
    }

    /** The default period of the indicators page: the last full calendar year with cases (else the current year). */
    public int defaultIndicatorYear() {
        int year = today().getYear();
        return repository.latestYearBefore(year).orElse(year);
    }

    // ---- internals

    /**
     * The platform itself opens a case for the PASS (e.g. a FranceConnect sign-in that matched nobody), unassigned, in
     * the queue of the advisors.
     */
    @Transactional
    public CaseView openBySystem(NewCase c) {
        return create(c, null, null);
    }

    CaseView create(NewCase c, @Nullable Long submittedBy, @Nullable SignedInUser author) {
        Instant now = clock.instant();
        ZonedDateTime received = now.atZone(CaseView.PARIS);
        String reference = repository.nextReference(c.kind(), received.getYear());
        long id = repository.insert(
                c,
                reference,
                submittedBy,
                now,
                received.toLocalDate().plus(c.priority().deadline()),
                false);
        if (c.householdId() != null) {
            households.personRefs(c.householdId()).forEach(p -> repository.addPerson(id, p));
        }
        repository.journal(
                id,
                author == null ? "système" : author.username(),
                author == null ? null : author.accountId(),
                JournalKind.RECEIVED,
                "Demande reçue (" + c.channel().label() + ") : " + c.motive().label(),
                now);
        audit(
                id,
                AuditAction.CREATE,
                submittedBy != null
                        ? "Demande d'accompagnement déposée en ligne par l'assuré"
                        : author == null
                                ? "Ouverture automatique d'un dossier d'accompagnement"
                                : "Ouverture d'un dossier d'accompagnement");
        if (submittedBy != null) {
            inbox.notify(submittedBy, "Votre demande " + reference + " a bien été reçue.", "/mes-demandes/" + id, now);
        }
        if (c.motive() == Motive.FIND_DOCTOR && c.householdId() != null) {
            // a case about finding a GP puts the household on the waiting list (the matching will propose a doctor)
            String note;
            try {
                long entry =
                        waitingList.register(c.householdId(), fr.traitant.app.matching.WaitingList.Source.CASE, now);
                note = "Foyer inscrit sur la liste d'attente (inscription n° " + entry + ")";
            } catch (IllegalArgumentException e) {
                note = "Foyer non inscrit sur la liste d'attente : " + e.getMessage();
            }
            repository.journal(id, "système", null, JournalKind.NOTE, note, now);
        }
        return repository.find(id).orElseThrow();
    }

    private void notifyRequester(CaseView c, String message, Instant at) {
        if (c.submittedBy() != null) {
            inbox.notify(c.submittedBy(), message, "/mes-demandes/" + c.id(), at);
        }
    }

    private CaseView forAgent(long id) {
        return forAgent(id, false);
    }

    private CaseView forAgent(long id, boolean lock) {
        CaseKind kind = myKind();
        return (lock ? repository.lock(id) : repository.find(id))
                .filter(c -> c.kind() == kind && !c.synthetic())
                .orElseThrow(() -> notFound(id));
    }

    SignedInUser requireRole(Role role) {
        SignedInUser user = currentUser.get();
        if (!user.has(role)) {
            throw new NotFoundException("Aucune demande.");
        }
        return user;
    }

    void audit(long caseId, AuditAction action, String purpose) {
        List<String> persons = repository.persons(caseId);
        if (persons.isEmpty()) {
            auditTrail.record(null, "case", Long.toString(caseId), action, purpose);
        }
        persons.forEach(p -> auditTrail.record(p, "case", Long.toString(caseId), action, purpose));
    }

    static NotFoundException notFound(long id) {
        return new NotFoundException("Aucun dossier " + id + ".");
    }
}
