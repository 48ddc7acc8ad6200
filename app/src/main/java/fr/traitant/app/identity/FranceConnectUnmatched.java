package fr.traitant.app.identity;

import java.util.Optional;

/**
 * A FranceConnect first sign-in matched no member, or several: nothing was created and nothing was shown; the PASS
 * opens a case to identify the person (the cases module listens).
 *
 * @param pivot      the identity FranceConnect sent
 * @param email      the e-mail FranceConnect sent, to contact the person, if any
 * @param candidates members matching (0 or more than 1)
 */
public record FranceConnectUnmatched(InsuredIdentities.Pivot pivot, Optional<String> email, int candidates) {}
