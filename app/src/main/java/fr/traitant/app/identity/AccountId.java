package fr.traitant.app.identity;

/** The number of an account, typed where it stands beside another number (a household's, a proposal's). */
public record AccountId(long value) {

    public AccountId {
        if (value <= 0) {
            throw new IllegalArgumentException("An account number is positive: " + value);
        }
    }

    public static AccountId of(long value) {
        return new AccountId(value);
    }

    @Override
    public String toString() {
        return Long.toString(value);
    }
}
