package fr.traitant.app;

import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;

/** Creates fresh local accounts for a test (unique e-mails, since the test context and database are shared). */
public final class TestAccounts {

    public static final String PASSWORD = "Test-Motdepasse-2026";
    private static final AtomicInteger SEQUENCE = new AtomicInteger();
    private static final String RUN = Long.toString(System.nanoTime(), 36);

    private TestAccounts() {}

    public static SignedInUser create(Accounts accounts, Role role) {
        String email = role.name().toLowerCase(Locale.ROOT).replace('_', '-') + "-" + RUN + "-"
                + SEQUENCE.incrementAndGet() + "@test.traitant.fr";
        accounts.createLocal(email, "Test " + role.label(), role, PASSWORD, null);
        return accounts.find(email).orElseThrow();
    }

    /** A new account of this role, signed in on a new session. */
    public static WebSession signedIn(Accounts accounts, Role role, int port) {
        SignedInUser user = create(accounts, role);
        WebSession session = new WebSession(port);
        WebSession.Response response = session.login(user.username(), PASSWORD);
        if (response.status() != 302 || response.location().contains("/connexion")) {
            throw new AssertionError("Login failed for " + role + ": " + response.status() + " " + response.location());
        }
        return session;
    }
}
