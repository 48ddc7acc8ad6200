/**
 * Portal: the public home page and the pages about the service (sources, licences).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Portail",
        allowedDependencies = {"identity", "platform", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.portal;
