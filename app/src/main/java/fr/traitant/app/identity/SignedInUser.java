package fr.traitant.app.identity;

/** The person behind the current request: their account, name and role. */
public record SignedInUser(long accountId, String username, String displayName, Role role) {

    public boolean has(Role candidate) {
        return role == candidate;
    }
}
