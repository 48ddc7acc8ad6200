package fr.traitant.app.matching;

/**
 * The number of a proposal, typed so that it cannot be passed where a household, a waiting entry, a workflow doctor
 * or an account number is expected ({@code confirmAs(proposal, household)} and {@code acceptAs(proposal, account)}
 * both took two {@code long}s).
 */
public record ProposalId(long value) {

    public ProposalId {
        if (value <= 0) {
            throw new IllegalArgumentException("A proposal number is positive: " + value);
        }
    }

    public static ProposalId of(long value) {
        return new ProposalId(value);
    }

    /** The number as pages and e-mails write it. */
    @Override
    public String toString() {
        return Long.toString(value);
    }
}
