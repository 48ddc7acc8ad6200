/**
 * Recruitment campaigns for the médecins solidaires network (issue #17, role NETWORK_MANAGER): where the network
 * falls short of the demand (transferred families arriving, members in ALD without a médecin traitant, the waiting
 * list) and whom to write to, chosen by the engine's targeting optimiser ({@code fr.traitant.engine.campaign}).
 * Facade: {@link fr.traitant.app.campaigns.NetworkGaps}. Reads other modules through their facades only.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Campagnes de recrutement",
        allowedDependencies = {"directory", "identity", "matching", "members", "network", "platform", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.campaigns;
