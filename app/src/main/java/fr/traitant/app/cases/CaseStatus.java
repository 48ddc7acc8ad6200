package fr.traitant.app.cases;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where a case stands. The allowed moves are written out in {@link #next()}, one line per state, and nowhere else:
 * <pre>
 * NEW                 → IN_PROGRESS, CLOSED          (taken up; or answered at once, e.g. an information request)
 * IN_PROGRESS         → WAITING_THIRD_PARTY, CLOSED
 * WAITING_THIRD_PARTY → IN_PROGRESS, CLOSED          (the third party answered; or closed while waiting)
 * CLOSED              → (none: a closed case is final; a new request opens a new case)
 * </pre>
 */
public enum CaseStatus {
    NEW("Reçue", "Votre demande a été reçue ; un conseiller va la prendre en charge."),
    IN_PROGRESS("En cours de traitement", "Un conseiller traite votre demande."),
    WAITING_THIRD_PARTY("En attente d'un tiers", "Nous attendons la réponse d'un tiers (médecin, partenaire…)."),
    CLOSED("Clôturée", "Votre demande est clôturée.");

    private final String label;
    private final String forRequester;

    CaseStatus(String label, String forRequester) {
        this.label = label;
        this.forRequester = forRequester;
    }

    public String label() {
        return label;
    }

    /** What the insured person reads about this state. */
    public String forRequester() {
        return forRequester;
    }

    /** The states this one may move to: the whole transition table. */
    public Set<CaseStatus> next() {
        return switch (this) {
            case NEW -> EnumSet.of(IN_PROGRESS, CLOSED);
            case IN_PROGRESS -> EnumSet.of(WAITING_THIRD_PARTY, CLOSED);
            case WAITING_THIRD_PARTY -> EnumSet.of(IN_PROGRESS, CLOSED);
            case CLOSED -> EnumSet.noneOf(CaseStatus.class);
        };
    }

    public boolean canMoveTo(CaseStatus target) {
        return next().contains(target);
    }

    /** Whether it may be taken up or resumed (→ IN_PROGRESS). */
    public boolean canStart() {
        return canMoveTo(IN_PROGRESS);
    }

    /** Whether it may be put on hold for a third party. */
    public boolean canWait() {
        return canMoveTo(WAITING_THIRD_PARTY);
    }

    public boolean open() {
        return this != CLOSED;
    }
}
