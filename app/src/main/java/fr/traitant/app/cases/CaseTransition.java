package fr.traitant.app.cases;

import java.util.Objects;

/**
 * A move of a case, with the data that move needs: waiting names the third party, closing gives the outcome.
 * {@link #applyTo} refuses a move that the table in {@link CaseStatus#next()} does not allow.
 */
public sealed interface CaseTransition {

    /** The state after the move. */
    CaseStatus target();

    /** A short French description for the journal and the requester's notification. */
    String describe();

    /** Take the case up (NEW → IN_PROGRESS) or resume it after the third party answered (WAITING → IN_PROGRESS). */
    record Start() implements CaseTransition {
        public CaseStatus target() {
            return CaseStatus.IN_PROGRESS;
        }

        public String describe() {
            return "Demande en cours de traitement";
        }
    }

    /** Wait for a third party (a doctor, a partner, the requester's documents). */
    record WaitForThirdParty(String party) implements CaseTransition {
        public WaitForThirdParty {
            party = party == null ? "" : party.strip();
            if (party.length() < 2 || party.length() > 200) {
                throw new IllegalArgumentException("Indiquez qui est attendu (2 à 200 caractères).");
            }
        }

        public CaseStatus target() {
            return CaseStatus.WAITING_THIRD_PARTY;
        }

        public String describe() {
            return "En attente : " + party;
        }
    }

    /** Close with an outcome. */
    record Close(Outcome outcome, String note) implements CaseTransition {
        public Close {
            Objects.requireNonNull(outcome, "Choisissez l'issue du dossier.");
            note = note == null ? "" : note.strip();
            if (note.length() > 2000) {
                throw new IllegalArgumentException("La note de clôture compte au plus 2000 caractères.");
            }
        }

        public CaseStatus target() {
            return CaseStatus.CLOSED;
        }

        public String describe() {
            return "Clôturée : " + outcome.label() + (note.isEmpty() ? "" : " — " + note);
        }
    }

    /**
     * The state after this move from {@code from}.
     *
     * @throws IllegalTransitionException when the table does not allow it
     */
    default CaseStatus applyTo(CaseStatus from) {
        if (!from.canMoveTo(target())) {
            throw new IllegalTransitionException(from, target());
        }
        return target();
    }

    /** A move the transition table refuses (answered 400 / shown next to the form). */
    final class IllegalTransitionException extends IllegalArgumentException {
        private final CaseStatus from;
        private final CaseStatus to;

        public IllegalTransitionException(CaseStatus from, CaseStatus to) {
            super("Un dossier « " + from.label() + " » ne peut pas passer à « " + to.label() + " ».");
            this.from = from;
            this.to = to;
        }

        public CaseStatus from() {
            return from;
        }

        public CaseStatus to() {
            return to;
        }
    }
}
