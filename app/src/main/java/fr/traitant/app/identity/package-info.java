/**
 * Identity: accounts, local and OpenID Connect login, roles, the access-rule registry and the security filter
 * chain built from it (everything not declared is denied). Other modules declare their own {@link
 * fr.traitant.app.identity.AccessRules} beans and read the signed-in person through {@link
 * fr.traitant.app.identity.CurrentUser}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Identity",
        allowedDependencies = {"platform"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.identity;
