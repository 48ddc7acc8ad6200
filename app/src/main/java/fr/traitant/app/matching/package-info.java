/**
 * Appariement: the waiting list and its priority policy, the doctors' capacity (mirroring the directory, network
 * membership from {@code network}), matching runs on the engine over a département, a région or France (in the
 * background, with progress), the proposal/consent workflow with its e-mails and signed answer links, the annual
 * transfer plan, the ALD intake and the waiting figures. A doctor sees only the proposals addressed to them; reads
 * of a proposal or a household are audited. Public API and dependencies: ARCHITECTURE.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Matching",
        allowedDependencies = {"directory", "identity", "members", "network", "platform", "privacy", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.matching;
