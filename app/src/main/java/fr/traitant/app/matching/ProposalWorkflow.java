package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the proposal/consent workflow. A proposal is PENDING (made to a doctor) → ACCEPTED or DECLINED by the
 * doctor → ATTACHED (the household confirmed: médecin traitant declared) or REFUSED by the household → or EXPIRED at
 * its deadline. A decline, refusal or expiry puts the household back on the waiting list with its original
 * waiting-since date. Accepting commits the household's people against the doctor's capacity in the same
 * transaction, with a conditional update and a CHECK constraint, so that capacity is never over-committed even
 * under concurrent acceptances. Every transition is audited for each member of the household. The doctors' capacities
 * are {@link DoctorCapacities}'; what each side is told, {@link ProposalMessages}.
 */
@Service
public class ProposalWorkflow {

    /** Thrown when a transition is not possible (already answered, capacity reached): HTTP 409 in the API. */
    public static class TransitionRefused extends fr.traitant.app.platform.ConflictException {
        public TransitionRefused(String message) {
            super(message);
        }
    }

    private final ProposalRepository repository;
    private final CapacityRepository capacityRows;
    private final Households households;
    private final WaitingList waitingList;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Clock clock;
    private final Duration answerPeriod;
    private final AnswerLinks links;
    private final fr.traitant.app.identity.Accounts accounts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final DoctorCapacities capacities;
    private final ProposalMessages messages;

    ProposalWorkflow(
            ProposalRepository repository,
            CapacityRepository capacityRows,
            Households households,
            WaitingList waitingList,
            AuditTrail auditTrail,
            CurrentUser currentUser,
            Clock clock,
            AnswerLinks links,
            fr.traitant.app.identity.Accounts accounts,
            org.springframework.context.ApplicationEventPublisher events,
            DoctorCapacities capacities,
            ProposalMessages messages,
            MatchingProperties settings) {
        this.repository = repository;
        this.capacityRows = capacityRows;
        this.households = households;
        this.waitingList = waitingList;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.clock = clock;
        this.answerPeriod = settings.workflow().answerPeriod();
        this.links = links;
        this.accounts = accounts;
        this.events = events;
        this.capacities = capacities;
        this.messages = messages;
    }

    // ---- proposing

    /**
     * Proposes a workflow doctor (a {@code doctor_capacity} row: a directory doctor, an account, or both) for a waiting
     * entry; the entry becomes PROPOSED and the doctor gets an e-mail with signed links to answer, account or not.
     */
    @Transactional
    public ProposalId propose(long entryId, WorkflowDoctorId doctor, String reason) {
        long doctorId = doctor.value();
        WaitingList.Entry entry = waitingList.get(entryId);
        if (entry.status() != WaitingList.Status.WAITING) {
            throw new TransitionRefused("Ce foyer n'est pas en attente (" + entry.status() + ").");
        }
        Instant now = clock.instant();
        long id;
        try {
            id = repository
                    .insertPending(
                            entry.householdId(), entryId, entry.people(), now.plus(answerPeriod), reason, now, doctorId)
                    .orElseThrow(() -> new NotFoundException("Aucun médecin " + doctorId + "."));
        } catch (org.springframework.dao.DuplicateKeyException e) {
            // proposal_open_household / proposal_live_entry: another request proposed first (a double submission)
            throw new TransitionRefused("Une proposition est déjà en cours pour ce foyer.");
        }
        waitingList.changeStatus(entryId, WaitingList.Status.PROPOSED, "Proposition d'un médecin traitant");
        audit(entry.householdId(), id, AuditAction.CREATE, "Proposition d'un médecin traitant");
        messages.proposed(id, entry, doctorId, reason, now.plus(answerPeriod));
        return new ProposalId(id);
    }

    /**
     * An advisor or conciliator proposes a doctor (a DOCTOR account) to a household from a case file: the same
     * workflow as a matching run — the household is put on (or kept on) the waiting list, the proposal counts every
     * person needing a doctor, has an answer period, sends the doctor the e-mail with answer links, and expires.
     * At most one open proposal per household: a second one (another doctor, or the same form sent twice) is refused.
     */
    @Transactional
    public ProposalId proposeFromCase(
            long householdId, fr.traitant.app.identity.AccountId doctorAccount, String caseReference) {
        long doctorAccountId = doctorAccount.value();
        repository.lockHousehold(householdId); // serialises proposals to one household until the transaction ends
        attachedProposal(householdId).ifPresent(attached -> {
            // one attachment per household (database constraint): say so now rather than when the family confirms
            throw new TransitionRefused("Ce foyer a déjà choisi son médecin traitant avec Traitant (proposition n° "
                    + attached + ") : une nouvelle proposition ne pourrait pas être confirmée.");
        });
        openProposal(householdId).ifPresent(open -> {
            throw new TransitionRefused("Une proposition est déjà en cours pour ce foyer (proposition n° " + open
                    + ") : attendez sa réponse ou son expiration avant d'en faire une autre.");
        });
        long doctorId = capacities
                .capacity(doctorAccountId)
                .map(DoctorCapacities.Capacity::doctorId)
                .orElseThrow(() -> new TransitionRefused("Ce médecin n'a pas encore indiqué sa capacité d'accueil : "
                        + "il ne peut pas recevoir de proposition."));
        long entryId = waitingList.register(householdId, WaitingList.Source.CASE, clock.instant());
        WaitingList.Entry entry = waitingList.get(entryId);
        if (entry.status() == WaitingList.Status.PAUSED) {
            waitingList.changeStatus(
                    entryId,
                    WaitingList.Status.WAITING,
                    "Reprise pour une proposition faite depuis le dossier " + caseReference);
        }
        return propose(
                entryId, WorkflowDoctorId.of(doctorId), "Proposé par un conseiller (dossier " + caseReference + ")");
    }

    /** The proposal through which a household chose its médecin traitant (ATTACHED), if any. */
    public Optional<ProposalId> attachedProposal(long householdId) {
        return repository.attached(householdId).map(ProposalId::new);
    }

    /** The open (pending or accepted) proposal of a household, if any. */
    public Optional<ProposalId> openProposal(long householdId) {
        return repository.open(householdId).map(ProposalId::new);
    }

    // ---- the doctor's answer

    /** The signed-in doctor accepts a proposal addressed to them (404 otherwise). */
    @Transactional
    public void accept(ProposalId proposal) {
        acceptAs(proposal, requireRole(Role.DOCTOR).accountId());
    }

    /** The doctor (signed in, or through a signed e-mail link) accepts: their capacity is committed atomically. */
    @Transactional
    public void acceptAs(ProposalId proposal, long doctorAccountId) {
        accept(doctorsProposal(proposal.value(), doctorAccountId));
    }

    /** The proposal's doctor accepts (signed in, or through the link sent to them, account or not). */
    private void accept(ProposalRow p) {
        long proposalId = p.id();
        move(p, ProposalTransition.ACCEPT);
        if (p.doctorId() == null || !capacityRows.commit(p.doctorId(), p.people(), clock.instant())) {
            throw new TransitionRefused("Votre capacité d'accueil de nouveaux patients est atteinte.");
        }
        audit(p.householdId(), proposalId, AuditAction.UPDATE, "Proposition acceptée par le médecin");
        messages.accepted(p);
    }

    /** The signed-in doctor declines: the household goes back to the waiting list with its original date. */
    @Transactional
    public void decline(ProposalId proposal) {
        declineAs(proposal, requireRole(Role.DOCTOR).accountId());
    }

    @Transactional
    public void declineAs(ProposalId proposal, long doctorAccountId) {
        decline(doctorsProposal(proposal.value(), doctorAccountId));
    }

    private void decline(ProposalRow p) {
        move(p, ProposalTransition.DECLINE);
        backToWaiting(p, "Proposition déclinée par le médecin : retour sur la liste d'attente");
    }

    // ---- the household's answer

    /** The signed-in insured person confirms an accepted proposal: the médecin traitant is declared. */
    @Transactional
    public void confirm(ProposalId proposal) {
        confirmAs(proposal, householdOf(proposal.value()));
    }

    @Transactional
    public void confirmAs(ProposalId proposal, long householdId) {
        long proposalId = proposal.value();
        ProposalRow p = householdsProposal(proposalId, householdId);
        move(p, ProposalTransition.CONFIRM);
        String rpps =
                p.doctorId() == null ? null : capacityRows.rppsOf(p.doctorId()).orElse(null);
        households.declareDoctor(
                p.householdId(), rpps, "Déclaration du médecin traitant (proposition " + proposalId + ")");
        if (p.entryId() != null) {
            waitingList.changeStatus(p.entryId(), WaitingList.Status.ATTACHED, "Médecin traitant déclaré");
        }
        audit(
                p.householdId(),
                proposalId,
                AuditAction.UPDATE,
                "Proposition confirmée par le foyer : médecin traitant déclaré");
        events.publishEvent(new MedecinTraitantChosen(p.householdId(), proposalId));
        messages.confirmed(p);
    }

    /**
     * The signed-in doctor records that they have declared themselves médecin traitant of the household that chose them
     * (online with the health insurance, or the paper form): the date is kept and shown to the family. Once only.
     */
    @Transactional
    public java.time.Instant recordDeclaration(ProposalId proposal) {
        long proposalId = proposal.value();
        ProposalRow p = doctorsProposal(proposalId, requireRole(Role.DOCTOR).accountId());
        if (!p.status().equals("ATTACHED")) {
            throw new TransitionRefused("La déclaration se fait une fois que le foyer vous a choisi.");
        }
        Instant now = clock.instant();
        if (!repository.recordDeclaration(proposalId, now)) {
            throw new TransitionRefused("La déclaration est déjà enregistrée.");
        }
        audit(p.householdId(), proposalId, AuditAction.UPDATE, "Déclaration de médecin traitant faite par le médecin");
        messages.declared(p, now);
        return now;
    }

    /** The signed-in insured person refuses: back on the waiting list with the original date. */
    @Transactional
    public void refuse(ProposalId proposal) {
        refuseAs(proposal, householdOf(proposal.value()));
    }

    @Transactional
    public void refuseAs(ProposalId proposal, long householdId) {
        long proposalId = proposal.value();
        ProposalRow p = householdsProposal(proposalId, householdId);
        String from = p.status();
        move(p, ProposalTransition.REFUSE);
        if (from.equals("ACCEPTED")) {
            release(p);
        }
        backToWaiting(p, "Proposition refusée par le foyer : retour sur la liste d'attente");
    }

    // ---- answers through signed e-mail links

    /** What a link would do, without using it (for the confirmation page); empty if invalid, used or expired. */
    public Optional<String> linkAction(String token) {
        return links.check(token).map(l -> l.action().name());
    }

    /** Uses a signed link: performs its action as the doctor or household the proposal belongs to. */
    @Transactional
    public String answerByLink(String token) {
        AnswerLinks.Link link = links.use(token)
                .orElseThrow(() -> new NotFoundException("Ce lien n'est pas valide, a expiré ou a déjà servi."));
        ProposalRow p = repository.find(link.proposalId()).orElseThrow(() -> new NotFoundException("Introuvable."));
        switch (link.action()) {
            case ACCEPT -> accept(p);
            case DECLINE -> decline(p);
            case CONFIRM -> confirmAs(new ProposalId(p.id()), p.householdId());
            case REFUSE -> refuseAs(new ProposalId(p.id()), p.householdId());
        }
        return link.action().name();
    }

    // ---- deadlines

    /** Days after the family's choice before the doctor is reminded to record the declaration. */
    static final java.time.Duration DECLARATION_REMINDER = java.time.Duration.ofDays(14);

    /**
     * Reminds, once, each doctor chosen by a family more than 14 days ago who has not recorded the declaration of
     * médecin traitant (runs every hour); returns how many reminders were queued.
     */
    @Scheduled(fixedDelayString = "${traitant.workflow.declaration-reminder-check:PT1H}", initialDelayString = "PT2M")
    @Transactional
    public int remindDeclarations() {
        Instant now = clock.instant();
        List<ProposalRow> due = repository.declarationsDue(now.minus(DECLARATION_REMINDER));
        for (ProposalRow p : due) {
            repository.markReminded(p.id(), now);
            messages.declarationReminder(p);
        }
        return due.size();
    }

    /** Expires the proposals past their deadline (runs every few minutes); returns how many. */
    @Scheduled(fixedDelayString = "${traitant.workflow.expiry-check:PT5M}", initialDelayString = "PT1M")
    @Transactional
    public int expireOverdue() {
        List<ProposalRow> overdue = repository.overdue(clock.instant());
        for (ProposalRow p : overdue) {
            move(p, ProposalTransition.EXPIRE);
            if (p.status().equals("ACCEPTED")) {
                release(p);
            }
            backToWaiting(p, "Proposition expirée sans réponse : retour sur la liste d'attente");
            messages.expired(p);
        }
        return overdue.size();
    }

    /** The status of a proposal (for pages; the caller checked access). */
    public String status(ProposalId proposal) {
        long proposalId = proposal.value();
        return repository
                .status(proposalId)
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
    }

    /** The live or last proposal of a household (for the insured person's page). */
    public Optional<ProposalId> latestForHousehold(long householdId) {
        return repository.latest(householdId).map(ProposalId::new);
    }

    // ---- internals

    /** A proposal addressed to this DOCTOR account (to it, to its workflow doctor, or to its RPPS: ADR 0051), else 404. */
    private ProposalRow doctorsProposal(long proposalId, long doctorAccountId) {
        String rpps = accounts.doctorRpps(doctorAccountId)
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElse(null);
        boolean mine = repository.addressedTo(proposalId, doctorAccountId, rpps);
        return repository
                .find(proposalId)
                .filter(p -> mine)
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
    }

    private ProposalRow householdsProposal(long proposalId, long householdId) {
        return repository
                .find(proposalId)
                .filter(p -> p.householdId() == householdId)
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
    }

    private long householdOf(long proposalId) {
        SignedInUser insured = requireRole(Role.INSURED);
        List<Long> own = households.householdsOf(insured.accountId());
        return repository
                .find(proposalId)
                .map(ProposalRow::householdId)
                .filter(own::contains)
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
    }

    private SignedInUser requireRole(Role role) {
        SignedInUser user = currentUser.get();
        if (!user.has(role)) {
            throw new NotFoundException("Introuvable.");
        }
        return user;
    }

    /** Moves a proposal along the transition table, from the status read (a concurrent answer makes this refuse). */
    private void move(ProposalRow p, ProposalTransition transition) {
        ProposalStatus from = ProposalStatus.valueOf(p.status());
        ProposalStatus to = transition.applyTo(from);
        if (!repository.move(p.id(), from, to, clock.instant())) {
            throw new TransitionRefused("Cette proposition a déjà reçu une réponse.");
        }
    }

    private void release(ProposalRow p) {
        if (p.doctorId() != null) {
            capacityRows.release(p.doctorId(), p.people());
        }
    }

    private void backToWaiting(ProposalRow p, String purpose) {
        if (p.entryId() != null) {
            waitingList.changeStatus(p.entryId(), WaitingList.Status.WAITING, purpose); // waiting_since untouched
        }
        audit(p.householdId(), p.id(), AuditAction.UPDATE, purpose);
    }

    private void audit(long householdId, long proposalId, AuditAction action, String purpose) {
        List<String> persons = households.personRefs(householdId);
        if (persons.isEmpty()) {
            auditTrail.record(null, "proposal", Long.toString(proposalId), action, purpose);
        }
        for (String person : persons) {
            auditTrail.record(person, "proposal", Long.toString(proposalId), action, purpose);
        }
    }
}
