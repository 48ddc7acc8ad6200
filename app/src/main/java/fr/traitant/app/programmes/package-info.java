/**
 * The government schemes the programme manager runs (issue #18, role PROGRAMME_MANAGER): the registry of France Santé
 * care sites with the label's criteria checked one by one and the labelling workflow; the coverage of the labelled
 * sites (30 minutes) and where to label next. Facades: {@link fr.traitant.app.programmes.CareSites},
 * {@link fr.traitant.app.programmes.SiteCoverage}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Programmes : France Santé",
        allowedDependencies = {"accessibility", "directory", "identity", "members", "platform", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.programmes;
