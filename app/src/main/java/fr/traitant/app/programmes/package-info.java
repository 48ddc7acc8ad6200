/**
 * The government schemes the programme manager runs (issue #18, role PROGRAMME_MANAGER): the registry of France Santé
 * care sites with the label's criteria checked one by one and the labelling workflow. Facade:
 * {@link fr.traitant.app.programmes.CareSites}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Programmes : France Santé",
        allowedDependencies = {"identity", "platform", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.programmes;
