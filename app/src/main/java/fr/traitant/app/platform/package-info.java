/**
 * Platform: what every feature module stands on — the database (embedded PostgreSQL by default),
 * RFC 9457 problem details, request logging without personal data, the DSFR web shell.
 * A shared module: every other module may use it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Platform",
        type = org.springframework.modulith.ApplicationModule.Type.OPEN,
        allowedDependencies = {})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.platform;
