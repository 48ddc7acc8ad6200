/**
 * The "médecins solidaires" network: versioned charter, signatures (with commitments), updates and withdrawals, the
 * network manager's views (signatories, history, counts per département, map) and the synthetic demo network around
 * garrisons. Facade: {@link fr.traitant.app.network.Charter}. Uses the directory's {@code Doctors} facade to find
 * doctors and to mark them as members (so that the public search can filter on membership).
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Réseau des médecins solidaires",
        allowedDependencies = {"identity", "platform", "privacy", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.network;
