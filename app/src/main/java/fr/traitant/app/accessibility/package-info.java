/**
 * Accessibility: the APL indicator (DREES E2SFCA method, computed by the engine) for every commune, EPCI,
 * département and région; recomputed in the background at start-up and incrementally after each change of
 * the doctors' supply; the public page "Accès aux soins" and its API. Facade: {@link fr.traitant.app.accessibility.Accessibility}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Accès aux soins",
        allowedDependencies = {"directory", "identity", "platform", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.accessibility;
