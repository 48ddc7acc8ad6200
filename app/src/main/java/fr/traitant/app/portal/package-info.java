/**
 * Portal: the public home page and the pages about the service (sources, licences).
 */
@org.springframework.modulith.ApplicationModule(displayName = "Portail")
package fr.traitant.app.portal;
