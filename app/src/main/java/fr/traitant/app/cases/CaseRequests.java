package fr.traitant.app.cases;

import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.members.Households;
import fr.traitant.app.privacy.AuditAction;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The insured person's side of the case files: a request filed online, the list and the file of their own requests
 * (with the journal lines meant for them, audited), where the search for a médecin traitant stands, and their rating
 * of a closed request. Any other request is told not to exist (404).
 */
@Service
class CaseRequests {

    private final Cases cases;
    private final CaseRepository repository;
    private final Households households;
    private final ProposalWorkflow workflow;
    private final Clock clock;

    CaseRequests(
            Cases cases, CaseRepository repository, Households households, ProposalWorkflow workflow, Clock clock) {
        this.cases = cases;
        this.repository = repository;
        this.households = households;
        this.workflow = workflow;
        this.clock = clock;
    }

    /**
     * The signed-in insured person files a request online, for their household (the first linked to their account).
     * Any vulnerability raises the priority to HIGH.
     */
    @Transactional
    public CaseView submit(NewCase request) {
        SignedInUser user = cases.requireRole(Role.INSURED);
        if (request.channel() != Channel.ONLINE_FORM) {
            throw new IllegalArgumentException("Une demande en ligne arrive par le formulaire en ligne.");
        }
        Long household =
                households.householdsOf(user.accountId()).stream().findFirst().orElse(null);
        NewCase withHousehold = new NewCase(
                request.kind(),
                request.channel(),
                request.motive(),
                request.vulnerabilities(),
                household,
                request.requesterName(),
                request.email(),
                request.phone(),
                request.commune(),
                request.summary(),
                request.vulnerabilities().isEmpty() ? Priority.NORMAL : Priority.HIGH);
        return cases.create(withHousehold, user.accountId(), user);
    }

    /** The requests the signed-in insured person filed, most recent first (audited). */
    @Transactional
    public List<CaseView> myRequests() {
        SignedInUser user = cases.requireRole(Role.INSURED);
        List<CaseView> mine = repository.submittedBy(user.accountId());
        mine.forEach(c -> cases.audit(c.id(), AuditAction.READ, Cases.INSURED_PURPOSE));
        return mine;
    }

    /** One of the signed-in insured person's requests with the journal lines meant for them; 404 if not theirs. */
    @Transactional
    public CaseFile myRequest(long id) {
        SignedInUser user = cases.requireRole(Role.INSURED);
        CaseView c = repository
                .find(id)
                .filter(v -> v.submittedBy() != null && v.submittedBy() == user.accountId())
                .orElseThrow(() -> Cases.notFound(id));
        cases.audit(id, AuditAction.READ, Cases.INSURED_PURPOSE);
        return new CaseFile(
                c,
                repository.journal(id).stream()
                        .filter(JournalEntry::visibleToRequester)
                        .toList());
    }

    /**
     * For a request about finding a médecin traitant: where the household's search stands in the proposal workflow, as
     * the family reads it on "Mon médecin traitant" (one status for the family); empty for other requests.
     */
    public java.util.Optional<String> doctorSearchStatus(CaseView c) {
        if (c.motive() != Motive.FIND_DOCTOR || c.householdId() == null) {
            return java.util.Optional.empty();
        }
        return workflow.latestForHousehold(c.householdId()).map(id -> switch (workflow.status(id)) {
            case "ATTACHED" -> "Vous avez choisi votre médecin traitant.";
            case "ACCEPTED" -> "Un médecin accepte de devenir votre médecin traitant : confirmez votre choix.";
            case "PENDING" -> "Un médecin a reçu une proposition pour votre foyer ; nous attendons sa réponse.";
            default -> "Nous cherchons un médecin qui accepte de nouveaux patients près de chez vous.";
        });
    }

    /**
     * For the real-time status: the request if it changed since {@code knownVersion}, else empty. An unchanged
     * request discloses nothing and is not audited; a changed one is read (and audited) like {@link #myRequest}.
     */
    @Transactional
    public Optional<CaseFile> myRequestIfChanged(long id, int knownVersion) {
        SignedInUser user = cases.requireRole(Role.INSURED);
        int version = repository.versionIfSubmittedBy(id, user.accountId()).orElseThrow(() -> Cases.notFound(id));
        return version == knownVersion ? Optional.empty() : Optional.of(myRequest(id));
    }

    /** The requester rates the handling of their closed request, once: 1–5 and an optional comment. */
    @Transactional
    public void rate(long id, int score, String comment) {
        SignedInUser user = cases.requireRole(Role.INSURED);
        CaseView c = repository
                .lock(id)
                .filter(v -> v.submittedBy() != null && v.submittedBy() == user.accountId())
                .orElseThrow(() -> Cases.notFound(id));
        if (c.status() != CaseStatus.CLOSED) {
            throw new IllegalArgumentException("Vous pourrez donner votre avis quand la demande sera clôturée.");
        }
        if (c.satisfactionScore() != null) {
            throw new IllegalArgumentException("Vous avez déjà donné votre avis sur cette demande.");
        }
        if (score < 1 || score > 5) {
            throw new IllegalArgumentException("La note va de 1 à 5.");
        }
        String text = comment == null ? "" : comment.strip();
        if (text.length() > 2000) {
            throw new IllegalArgumentException("Le commentaire compte au plus 2000 caractères.");
        }
        Instant now = clock.instant();
        repository.satisfaction(id, score, text.isEmpty() ? null : text, now);
        repository.journal(
                id,
                user.username(),
                user.accountId(),
                JournalKind.SATISFACTION,
                "Note " + score + "/5" + (text.isEmpty() ? "" : " — " + text),
                now);
        cases.audit(id, AuditAction.UPDATE, "Avis de l'assuré sur sa demande clôturée");
    }
}
