package fr.traitant.app.matching;

/**
 * What happens to a proposal, each with the status it leads to; {@link #applyTo} checks it against the transition
 * table ({@link ProposalStatus#next()}) — the one place that says which move is allowed. The database's conditional
 * update (from the status read) then makes two concurrent answers impossible.
 */
public enum ProposalTransition {
    /** The doctor accepts (places committed). */
    ACCEPT(ProposalStatus.ACCEPTED),
    /** The doctor declines. */
    DECLINE(ProposalStatus.DECLINED),
    /** The family confirms the doctor: the médecin traitant is chosen. */
    CONFIRM(ProposalStatus.ATTACHED),
    /** The family refuses the doctor (before or after the doctor's answer). */
    REFUSE(ProposalStatus.REFUSED),
    /** The answer period ran out. */
    EXPIRE(ProposalStatus.EXPIRED);

    private final ProposalStatus target;

    ProposalTransition(ProposalStatus target) {
        this.target = target;
    }

    ProposalStatus target() {
        return target;
    }

    /** The status this transition leads to from {@code current}; {@link ProposalWorkflow.TransitionRefused} if the table forbids it. */
    ProposalStatus applyTo(ProposalStatus current) {
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
