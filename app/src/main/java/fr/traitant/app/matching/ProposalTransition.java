package fr.traitant.app.matching;

/**
 * What happens to a proposal, each with the status it leads to; {@link #applyTo} checks it against the transition
 * table ({@link ProposalStatus#next()}) — the one place that says which move is allowed. The database's conditional
 * update (from the status read) then makes two concurrent answers impossible.
 */
public sealed interface ProposalTransition {

    ProposalStatus target();

    /** The doctor accepts (places committed). */
    record Accept() implements ProposalTransition {
        public ProposalStatus target() {
            return ProposalStatus.ACCEPTED;
        }
    }

    /** The doctor declines. */
    record Decline() implements ProposalTransition {
        public ProposalStatus target() {
            return ProposalStatus.DECLINED;
        }
    }

    /** The family confirms the doctor: the médecin traitant is chosen. */
    record Confirm() implements ProposalTransition {
        public ProposalStatus target() {
            return ProposalStatus.ATTACHED;
        }
    }

    /** The family refuses the doctor (before or after the doctor's answer). */
    record Refuse() implements ProposalTransition {
        public ProposalStatus target() {
            return ProposalStatus.REFUSED;
        }
    }

    /** The answer period ran out. */
    record Expire() implements ProposalTransition {
        public ProposalStatus target() {
            return ProposalStatus.EXPIRED;
        }
    }

    /** The status this transition leads to from {@code current}; {@link ProposalWorkflow.TransitionRefused} if the table forbids it. */
    default ProposalStatus applyTo(ProposalStatus current) {
        if (!current.next().contains(target())) {
            throw new ProposalWorkflow.TransitionRefused(
                    current == ProposalStatus.PENDING && target() == ProposalStatus.ATTACHED
                            ? "Le médecin n'a pas encore accepté cette proposition."
                            : current.terminal()
                                    ? "Cette proposition n'attend plus de réponse ("
                                            + current.label().toLowerCase(java.util.Locale.FRENCH) + ")."
                                    : "Cette proposition a déjà reçu une réponse.");
        }
        return target();
    }
}
