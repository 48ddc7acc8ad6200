/**
 * Territory: communes, départements, régions and EPCI of France, loaded from the shipped reference data,
 * with the commune API and search. Facade: {@link fr.traitant.app.territory.Territory}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Territoire",
        allowedDependencies = {"identity", "platform"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.territory;
