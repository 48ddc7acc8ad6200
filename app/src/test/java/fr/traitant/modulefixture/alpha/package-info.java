/** Fixture of ModularityTest: declares beta only. */
@org.springframework.modulith.ApplicationModule(allowedDependencies = {"beta"})
package fr.traitant.modulefixture.alpha;
