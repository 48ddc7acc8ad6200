package fr.traitant.app.identity;

/** What both the local-login and the OpenID Connect principals carry. */
interface AccountPrincipal {

    SignedInUser user();
}
