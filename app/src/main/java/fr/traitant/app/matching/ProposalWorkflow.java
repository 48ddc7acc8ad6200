package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.app.territory.Commune;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.directory.NewPatients;
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
 * under concurrent acceptances. Every transition is audited for each member of the household.
 */
@Service
public class ProposalWorkflow {

    /** A workflow doctor's capacity ({@code doctorId}: the {@code doctor_capacity} row, ADR 0051). */
    public record Capacity(
            long doctorId,
            String communeCode,
            String departement,
            int capacity,
            int committed,
            boolean networkMember,
            boolean accepting) {
        public int remaining() {
            return capacity - committed;
        }

        /** The workflow doctor, typed (what {@link ProposalWorkflow#propose} takes). */
        public WorkflowDoctorId doctor() {
            return WorkflowDoctorId.of(doctorId);
        }
    }

    /** Thrown when a transition is not possible (already answered, capacity reached): HTTP 409 in the API. */
    public static class TransitionRefused extends fr.traitant.app.platform.ConflictException {
        public TransitionRefused(String message) {
            super(message);
        }
    }

    /** A proposal: {@code doctorId} is the workflow doctor (null for a case worker's proposal to an account without one). */
    record Row(
            long id,
            long householdId,
            Long doctorId,
            Long doctorAccountId,
            String status,
            Long entryId,
            int people,
            Instant deadline) {}

    private final ProposalRepository repository;
    private final Households households;
    private final WaitingList waitingList;
    private final AuditTrail auditTrail;
    private final CurrentUser currentUser;
    private final Territory territory;
    private final Clock clock;
    private final Duration answerPeriod;
    private final Outbox outbox;
    private final fr.traitant.app.identity.Inbox inbox;
    private final AnswerLinks links;
    private final DoctorRoster roster;
    private final ZoneInputs inputs;
    private final ZoneMatcher matcher;
    private final fr.traitant.app.directory.Doctors directory;
    private final fr.traitant.app.identity.Accounts accounts;
    private final org.springframework.context.ApplicationEventPublisher events;
    private final Proposals proposals;

    ProposalWorkflow(
            ProposalRepository repository,
            Households households,
            WaitingList waitingList,
            AuditTrail auditTrail,
            CurrentUser currentUser,
            Territory territory,
            Clock clock,
            Outbox outbox,
            AnswerLinks links,
            DoctorRoster roster,
            fr.traitant.app.directory.Doctors directory,
            fr.traitant.app.identity.Accounts accounts,
            ZoneInputs inputs,
            ZoneMatcher matcher,
            org.springframework.context.ApplicationEventPublisher events,
            Proposals proposals,
            fr.traitant.app.identity.Inbox inbox,
            MatchingProperties settings) {
        Duration answerPeriod = settings.workflow().answerPeriod();
        this.inbox = inbox;
        this.events = events;
        this.proposals = proposals;
        this.inputs = inputs;
        this.matcher = matcher;
        this.roster = roster;
        this.directory = directory;
        this.accounts = accounts;
        this.outbox = outbox;
        this.links = links;
        this.repository = repository;
        this.households = households;
        this.waitingList = waitingList;
        this.auditTrail = auditTrail;
        this.currentUser = currentUser;
        this.territory = territory;
        this.clock = clock;
        this.answerPeriod = answerPeriod;
    }

    // ---- capacity

    /** A field of the doctor's availability form is invalid: shown next to that field. */
    public static class AvailabilityRefused extends IllegalArgumentException {
        private final String field;

        AvailabilityRefused(String field, String message) {
            super(message);
            this.field = field;
        }

        /** Form field: {@code statut}, {@code capacite} or {@code commune}. */
        public String field() {
            return field;
        }
    }

    /**
     * Declares (or updates) where a doctor practises and how many new patients they take (accepting when
     * {@code capacity > 0}). Network membership is the network module's (ADR 0050), never declared here.
     */
    @Transactional
    public void declareCapacity(long doctorAccountId, String rpps, String communeCode, int capacity) {
        declareCapacity(doctorAccountId, rpps, communeCode, capacity, null);
    }

    /**
     * @param email the doctor's (MSSanté) address for proposals, or null to keep the known one
     */
    @Transactional
    public void declareCapacity(long doctorAccountId, String rpps, String communeCode, int capacity, String email) {
        declare(
                doctorAccountId,
                rpps,
                capacity > 0 ? NewPatients.ACCEPTING : NewPatients.NOT_ACCEPTING,
                capacity,
                communeCode,
                email);
    }

    /**
     * The signed-in doctor states their new-patient status (HL7 semantics, as in the directory), how many new patients
     * they take and the commune of the practice used for matching. The directory's availability is updated when the
     * account's RPPS is a directory doctor (the source of truth, ADR 0050). Audited.
     *
     * @throws AvailabilityRefused naming the invalid field
     */
    @Transactional
    public void updateMyAvailability(NewPatients status, Integer capacity, String communeCode) {
        SignedInUser doctor = requireRole(Role.DOCTOR);
        if (status == null) {
            throw new AvailabilityRefused("statut", "Indiquez si vous acceptez de nouveaux patients.");
        }
        if (capacity == null || capacity < 0 || capacity > 2_000) {
            throw new AvailabilityRefused("capacite", "Le nombre de nouveaux patients va de 0 à 2000.");
        }
        if (status != NewPatients.ACCEPTING && capacity != 0) {
            throw new AvailabilityRefused(
                    "capacite", "Un nombre de nouveaux patients ne s'indique que si vous en acceptez : mettez 0.");
        }
        String rpps = accounts.doctorRpps(doctor.accountId())
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElseGet(() -> repository.rppsOfAccount(doctor.accountId()).orElse(null));
        declare(doctor.accountId(), rpps, status, capacity, communeCode, null);
        auditTrail.record(
                null,
                "doctor_availability",
                Long.toString(doctor.accountId()),
                AuditAction.UPDATE,
                "Disponibilité déclarée par le médecin : " + status.label() + ", " + capacity
                        + " nouveau(x) patient(s), commune " + communeCode);
    }

    private void declare(
            long doctorAccountId, String rpps, NewPatients status, int capacity, String communeCode, String email) {
        String address = email == null
                ? null
                : fr.traitant.app.platform.values.EmailAddress.of(email).value();
        if (capacity < 0 || capacity > 5000) {
            throw new AvailabilityRefused("capacite", "La capacité va de 0 à 5000 nouveaux patients.");
        }
        Commune commune = territory
                .resolveCommune(communeCode)
                .orElseThrow(() -> new AvailabilityRefused(
                        "commune",
                        "Commune introuvable : indiquez le nom de la commune du cabinet, "
                                + "son code postal ou son code INSEE."));
        if (rpps != null) {
            repository.adoptMirrorRow(doctorAccountId, rpps);
        }
        int committed = capacity(doctorAccountId).map(Capacity::committed).orElse(0);
        if (capacity < committed) {
            throw new AvailabilityRefused(
                    "capacite",
                    "Vous avez déjà accepté " + committed + " patient(s) : la capacité ne peut pas être inférieure.");
        }
        double lat = commune.lat();
        double lon = commune.lon();
        // the directory entry is changed only for the account the identity module links to that RPPS (its own)
        Optional<fr.traitant.app.directory.DoctorProfile> linked = rpps == null
                ? Optional.empty()
                : accounts.doctorRpps(doctorAccountId)
                        .map(fr.traitant.engine.directory.Rpps::value)
                        .filter(rpps::equals)
                        .flatMap(roster::directoryDoctor);
        if (linked.isPresent()) {
            fr.traitant.app.directory.DoctorProfile p = linked.get();
            // the practice place: one of the directory's locations in that commune if there is one, else the commune
            Optional<fr.traitant.app.directory.PracticeLocation> place = p.locations().stream()
                    .filter(l -> l.communeCode().equals(commune.code()))
                    .findFirst();
            if (place.isPresent()) {
                lat = place.get().lat();
                lon = place.get().lon();
            }
            directory.updateAvailability(
                    rpps, status, status == NewPatients.ACCEPTING ? capacity : 0, p.maxComplexity(), false);
        }
        repository.upsertCapacity(
                doctorAccountId,
                rpps,
                commune,
                lat,
                lon,
                capacity,
                status == NewPatients.ACCEPTING,
                clock.instant(),
                address);
        roster.refresh(capacity(doctorAccountId).orElseThrow().doctorId());
    }

    /** The capacity of this DOCTOR account's workflow doctor: its own row, else the directory doctor's with its RPPS (ADR 0051). */
    public Optional<Capacity> capacity(long doctorAccountId) {
        String rpps = accounts.doctorRpps(doctorAccountId)
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElse(null);
        return repository.capacity(doctorAccountId, rpps);
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
        doctorEmail(doctorId)
                .ifPresent(email -> outbox.enqueue(
                        email,
                        "Traitant — un foyer cherche un médecin traitant (proposition " + id + ")",
                        "Bonjour,\n\nUn foyer de " + entry.people() + " personne(s) (priorité " + entry.priority()
                                + (entry.priorityReasons().isBlank()
                                        ? ""
                                        : " : " + Explanations.reasonsForDoctor(entry.priorityReasons()))
                                + ") cherche un médecin traitant près de votre cabinet.\n"
                                + (reason == null ? "" : reason + ".\n")
                                + "\nAccepter : " + links.create(id, AnswerLinks.Action.ACCEPT)
                                + "\nDécliner : " + links.create(id, AnswerLinks.Action.DECLINE)
                                + "\n\nCes liens servent une seule fois et expirent. Vous pouvez aussi répondre depuis « Mes propositions ».\n",
                        "proposal:" + id));
        Instant deadline = now.plus(answerPeriod);
        households
                .contactEmail(entry.householdId())
                .ifPresent(email -> outbox.enqueue(
                        email,
                        "Traitant — une proposition de médecin traitant est en cours pour votre foyer",
                        "Bonjour,\n\nNous avons proposé votre foyer à un médecin traitant près de chez vous. Il a jusqu'au "
                                + fr.traitant.app.platform.FrenchDates.day(deadline) + " pour répondre.\n\n"
                                + "S'il accepte, nous vous écrirons avec son nom, l'adresse de son cabinet et son téléphone, et vous "
                                + "confirmerez votre choix. S'il ne peut pas, votre demande reste active sans perdre votre ancienneté.\n\n"
                                + "Suivre votre demande : " + links.page("/mon-medecin-traitant") + "\n",
                        "proposal:" + id + ":family"));
        tellFamily(
                entry.householdId(),
                "Une proposition de médecin traitant est en cours pour votre foyer : le médecin a jusqu'au "
                        + fr.traitant.app.platform.FrenchDates.day(deadline) + " pour répondre.");
        tellDoctor(
                doctorId,
                id,
                "Un foyer de " + entry.people() + " personne(s) cherche un médecin traitant près de votre cabinet "
                        + "(proposition n° " + id + ") : acceptez ou déclinez.");
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
        lockHousehold(householdId);
        attachedProposal(householdId).ifPresent(attached -> {
            // one attachment per household (database constraint): say so now rather than when the family confirms
            throw new TransitionRefused("Ce foyer a déjà choisi son médecin traitant avec Traitant (proposition n° "
                    + attached + ") : une nouvelle proposition ne pourrait pas être confirmée.");
        });
        openProposal(householdId).ifPresent(open -> {
            throw new TransitionRefused("Une proposition est déjà en cours pour ce foyer (proposition n° " + open
                    + ") : attendez sa réponse ou son expiration avant d'en faire une autre.");
        });
        long doctorId = capacity(doctorAccountId)
                .map(Capacity::doctorId)
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

    /** Serialises proposals to one household (two agents, or one form sent twice) until the transaction ends. */
    private void lockHousehold(long householdId) {
        repository.lockHousehold(householdId);
    }

    /**
     * Proposes the best available doctor for one waiting entry (a transferred family before arrival): the engine on
     * this household alone against the doctors of its département (the destination's for a transfer) and of the
     * neighbouring départements within reach (ADR 0064) — the nearest
     * eligible doctor within 30 minutes with room for the whole household, network doctors first for transferred
     * families (ADR 0050); never a doctor who already declined or whose proposal the household refused.
     */
    @Transactional
    public Optional<ProposalId> proposeBest(long entryId) {
        WaitingList.Entry entry = waitingList.get(entryId);
        ZoneMatcher.Demand demand = inputs.entry(entryId);
        String departement = demand.communeCode() == null
                ? entry.departement()
                : InseeCode.of(demand.communeCode()).departement();
        ZoneMatcher.Result result = matcher.match(
                List.of(demand),
                inputs.doctors(List.of(departement), List.of(demand), step -> {})
                        .supplies(),
                inputs.excluded());
        return result.assignments().stream()
                .findFirst()
                .map(a -> propose(entryId, WorkflowDoctorId.of(a.doctorId()), Explanations.reason(a)));
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
    private void accept(Row p) {
        long proposalId = p.id();
        move(p, new ProposalTransition.Accept());
        if (p.doctorId() == null || !repository.commit(p.doctorId(), p.people(), clock.instant())) {
            throw new TransitionRefused("Votre capacité d'accueil de nouveaux patients est atteinte.");
        }
        audit(p.householdId(), proposalId, AuditAction.UPDATE, "Proposition acceptée par le médecin");
        String who = doctorIdentity(p.doctorId());
        households
                .contactEmail(p.householdId())
                .ifPresent(email -> outbox.enqueue(
                        email,
                        "Traitant — un médecin accepte de devenir votre médecin traitant",
                        "Bonjour,\n\nUn médecin proche de chez vous accepte de devenir le médecin traitant de votre foyer :\n\n"
                                + who
                                + "\nConfirmez s'il vous convient ; vous pourrez ensuite appeler le cabinet pour un premier rendez-vous.\n"
                                + "\nConfirmer : " + links.create(proposalId, AnswerLinks.Action.CONFIRM)
                                + "\nRefuser : " + links.create(proposalId, AnswerLinks.Action.REFUSE)
                                + "\n\nCes liens servent une seule fois et expirent. Vous pouvez aussi répondre depuis « Mon médecin traitant ».\n",
                        "proposal:" + proposalId));
        tellFamily(
                p.householdId(),
                "Un médecin accepte de devenir le médecin traitant de votre foyer : découvrez qui il est et "
                        + "confirmez votre choix.");
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

    private void decline(Row p) {
        move(p, new ProposalTransition.Decline());
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
        Row p = householdsProposal(proposalId, householdId);
        move(p, new ProposalTransition.Confirm());
        String rpps =
                p.doctorId() == null ? null : repository.rppsOf(p.doctorId()).orElse(null);
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
        tellDoctor(
                p.doctorId(),
                proposalId,
                "Un foyer vous a choisi comme médecin traitant (proposition n° " + proposalId
                        + ") : ses coordonnées et la déclaration à faire.");
        // the doctor learns who chose them (over MSSanté, the secure messaging of health professionals)
        if (p.doctorId() != null) {
            doctorEmail(p.doctorId()).ifPresent(email -> {
                StringBuilder members = new StringBuilder();
                for (var m : households.forTheirDoctor(
                        p.householdId(), "Envoi au médecin choisi des coordonnées du foyer")) {
                    members.append("- ")
                            .append(m.firstName())
                            .append(' ')
                            .append(m.lastName())
                            .append(", né(e) le ")
                            .append(m.birthDateText())
                            .append(m.phone() == null ? "" : ", tél. " + m.phone())
                            .append(m.email() == null ? "" : ", " + m.email())
                            .append('\n');
                }
                outbox.enqueue(
                        email,
                        "Traitant — un foyer vous a choisi comme médecin traitant (proposition " + proposalId + ")",
                        "Bonjour,\n\nLe foyer de la proposition " + proposalId
                                + " confirme son choix : vous êtes son médecin traitant.\n\n"
                                + members
                                + "\nProchaine étape : la déclaration de choix du médecin traitant pour chaque membre (en ligne "
                                + "ou sur le formulaire papier), puis indiquez-la dans « Mes propositions ».\n",
                        "proposal:" + proposalId);
            });
        }
    }

    /** Both sides learn that a proposal expired, and what happens next. */
    private void notifyExpiry(Row p) {
        boolean familyWasAsked = p.status().equals("ACCEPTED");
        tellFamily(
                p.householdId(),
                "La proposition de médecin traitant a expiré : votre demande reste active, avec son ancienneté.");
        tellDoctor(p.doctorId(), p.id(), "La proposition n° " + p.id() + " a expiré.");
        if (familyWasAsked) {
            households
                    .contactEmail(p.householdId())
                    .ifPresent(email -> outbox.enqueue(
                            email,
                            "Traitant — la proposition de médecin traitant a expiré",
                            "Bonjour,\n\nLa proposition de médecin traitant faite à votre foyer a expiré sans confirmation de votre part.\n"
                                    + "Votre demande reste active, avec son ancienneté : nous vous proposerons un autre médecin.\n",
                            "proposal:" + p.id()));
        }
        if (p.doctorId() != null) {
            doctorEmail(p.doctorId())
                    .ifPresent(email -> outbox.enqueue(
                            email,
                            "Traitant — la proposition " + p.id() + " a expiré",
                            "Bonjour,\n\nLa proposition " + p.id() + " a expiré "
                                    + (familyWasAsked
                                            ? "sans confirmation du foyer : la place que vous lui réserviez est de nouveau libre.\n"
                                            : "sans réponse de votre part : le foyer sera proposé à un autre médecin.\n"),
                            "proposal:" + p.id()));
        }
    }

    /** Name, practice address and phone of a workflow doctor, from the directory when it knows them (for e-mails). */
    private String doctorIdentity(Long doctorId) {
        if (doctorId == null) {
            return "";
        }
        String rpps = doctorId == null ? null : repository.rppsOf(doctorId).orElse(null);
        return (rpps == null
                        ? java.util.Optional.<fr.traitant.app.directory.DoctorProfile>empty()
                        : directory.findByRpps(rpps))
                .map(d -> {
                    String address = proposals.practiceAddress(d);
                    return Proposals.doctorName(d) + "\n" + (address.isEmpty() ? "" : address + "\n")
                            + (d.phone().isEmpty() ? "" : "Tél. " + d.phone() + "\n");
                })
                .orElse("");
    }

    /** Tells the household's linked accounts, in the application, with a link to "Mon médecin traitant". */
    private void tellFamily(long householdId, String message) {
        households.accountsOf(householdId).forEach(account -> inbox.notify(account, message, "/mon-medecin-traitant"));
    }

    /** Tells the doctor's account, if the workflow doctor has one, in the application, with a link to the proposal. */
    private void tellDoctor(Long doctorId, long proposalId, String message) {
        if (doctorId == null) {
            return;
        }
        repository
                .accountOf(doctorId)
                .ifPresent(account -> inbox.notify(account, message, "/propositions/" + proposalId));
    }

    /** The MSSanté address of a workflow doctor, if known (where proposals and news are sent). */
    private Optional<String> doctorEmail(Long doctorId) {
        return doctorId == null ? Optional.empty() : repository.emailOf(doctorId);
    }

    /**
     * The signed-in doctor records that they have declared themselves médecin traitant of the household that chose them
     * (online with the health insurance, or the paper form): the date is kept and shown to the family. Once only.
     */
    @Transactional
    public java.time.Instant recordDeclaration(ProposalId proposal) {
        long proposalId = proposal.value();
        Row p = doctorsProposal(proposalId, requireRole(Role.DOCTOR).accountId());
        if (!p.status().equals("ATTACHED")) {
            throw new TransitionRefused("La déclaration se fait une fois que le foyer vous a choisi.");
        }
        Instant now = clock.instant();
        if (!repository.recordDeclaration(proposalId, now)) {
            throw new TransitionRefused("La déclaration est déjà enregistrée.");
        }
        audit(p.householdId(), proposalId, AuditAction.UPDATE, "Déclaration de médecin traitant faite par le médecin");
        tellFamily(
                p.householdId(),
                "Votre médecin a fait la déclaration de médecin traitant le "
                        + fr.traitant.app.platform.FrenchDates.day(now) + ".");
        String who = doctorIdentity(p.doctorId());
        households
                .contactEmail(p.householdId())
                .ifPresent(email -> outbox.enqueue(
                        email,
                        "Traitant — votre médecin traitant est déclaré",
                        "Bonjour,\n\nVotre médecin a fait la déclaration de médecin traitant pour votre foyer le "
                                + fr.traitant.app.platform.FrenchDates.day(now) + " :\n\n" + who
                                + "\nElle est enregistrée auprès de l'Assurance Maladie. Vous la retrouvez dans « Mon médecin traitant ».\n",
                        "proposal:" + proposalId));
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
        Row p = householdsProposal(proposalId, householdId);
        String from = p.status();
        move(p, new ProposalTransition.Refuse());
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
        Row p = find(link.proposalId()).orElseThrow(() -> new NotFoundException("Introuvable."));
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
        List<Row> due = repository.declarationsDue(now.minus(DECLARATION_REMINDER));
        for (Row p : due) {
            repository.markReminded(p.id(), now);
            doctorEmail(p.doctorId())
                    .ifPresent(email -> outbox.enqueue(
                            email,
                            "Traitant — rappel : déclaration de médecin traitant (proposition " + p.id() + ")",
                            "Bonjour,\n\nUn foyer de " + p.people()
                                    + " personne(s) vous a choisi comme médecin traitant il y a plus de "
                                    + DECLARATION_REMINDER.toDays()
                                    + " jours, et la déclaration de médecin traitant n'est pas encore "
                                    + "enregistrée dans Traitant.\n\nQuand vous l'avez faite (en ligne auprès de l'Assurance Maladie ou sur le "
                                    + "formulaire papier), indiquez-le sur la page de la proposition : "
                                    + links.page("/propositions/" + p.id())
                                    + "\n\nC'est ce qui fait compter ce rattachement dans les chiffres de la caisse.\n",
                            "proposal:" + p.id() + ":reminder"));
            tellDoctor(
                    p.doctorId(),
                    p.id(),
                    "Rappel : la déclaration de médecin traitant du foyer de la proposition n° " + p.id()
                            + " n'est pas encore enregistrée.");
        }
        return due.size();
    }

    /** Expires the proposals past their deadline (runs every few minutes); returns how many. */
    @Scheduled(fixedDelayString = "${traitant.workflow.expiry-check:PT5M}", initialDelayString = "PT1M")
    @Transactional
    public int expireOverdue() {
        List<Row> overdue = repository.overdue(clock.instant());
        for (Row p : overdue) {
            move(p, new ProposalTransition.Expire());
            if (p.status().equals("ACCEPTED")) {
                release(p);
            }
            backToWaiting(p, "Proposition expirée sans réponse : retour sur la liste d'attente");
            notifyExpiry(p);
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

    private Optional<Row> find(long proposalId) {
        return repository.find(proposalId);
    }

    /** A proposal addressed to this DOCTOR account (to it, to its workflow doctor, or to its RPPS: ADR 0051), else 404. */
    private Row doctorsProposal(long proposalId, long doctorAccountId) {
        String rpps = accounts.doctorRpps(doctorAccountId)
                .map(fr.traitant.engine.directory.Rpps::value)
                .orElse(null);
        boolean mine = repository.addressedTo(proposalId, doctorAccountId, rpps);
        return find(proposalId)
                .filter(p -> mine)
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
    }

    private Row householdsProposal(long proposalId, long householdId) {
        return find(proposalId)
                .filter(p -> p.householdId() == householdId)
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + proposalId + "."));
    }

    private long householdOf(long proposalId) {
        SignedInUser insured = requireRole(Role.INSURED);
        List<Long> own = households.householdsOf(insured.accountId());
        return find(proposalId)
                .map(Row::householdId)
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
    private void move(Row p, ProposalTransition transition) {
        ProposalStatus from = ProposalStatus.valueOf(p.status());
        ProposalStatus to = transition.applyTo(from);
        if (!repository.move(p.id(), from, to, clock.instant())) {
            throw new TransitionRefused("Cette proposition a déjà reçu une réponse.");
        }
    }

    private void release(Row p) {
        if (p.doctorId() != null) {
            repository.release(p.doctorId(), p.people());
        }
    }

    private void backToWaiting(Row p, String purpose) {
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
