package fr.traitant.app.identity;

import org.jspecify.annotations.Nullable;

/**
 * Something happened to an account that the audit trail keeps (creation, role change, disabling, a refused first
 * sign-in or activation): published by identity, written by the privacy module's audit trail in the same transaction
 * (identity cannot call privacy, which depends on it).
 *
 * @param personRef  the person concerned ({@code account:12}, {@code member:34}), or null for an unknown person
 * @param recordType the kind of record ({@code account}, {@code invitation}, {@code activation})
 * @param recordId   its id (or the attempted identifier, never a secret)
 * @param change     what happened
 * @param purpose    the French sentence shown to the DPO
 */
public record AccountAudited(
        @Nullable String personRef, String recordType, String recordId, Change change, String purpose) {

    /** Kinds of changes, mapped to the audit trail's actions. */
    public enum Change {
        CREATE,
        UPDATE,
        READ,
        REFUSED
    }

    public static AccountAudited of(long accountId, Change change, String purpose) {
        return new AccountAudited("account:" + accountId, "account", Long.toString(accountId), change, purpose);
    }
}
