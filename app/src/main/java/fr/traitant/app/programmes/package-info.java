/**
 * The government schemes the programme manager runs (issue #18, role PROGRAMME_MANAGER): the registry of France Santé
 * care sites with the label's criteria checked one by one and the labelling workflow; the coverage of the labelled
 * sites (30 minutes) and where to label next; the priority zones; "Un médecin près de chez vous" (issue #19: volunteers,
 * places, the month's plan, replacements, consultation slots, indemnities). Facades: {@link CareSites},
 * {@link SiteCoverage}, {@link PriorityZones}, {@link MissionVolunteers}, {@link MissionSites}, {@link MissionPlans},
 * {@link MissionSlots}, {@link MissionReplacements}, {@link MissionIndemnities}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Programmes : France Santé",
        allowedDependencies = {
            "accessibility",
            "directory",
            "identity",
            "matching",
            "members",
            "platform",
            "privacy",
            "territory"
        })
@org.jspecify.annotations.NullMarked
package fr.traitant.app.programmes;
