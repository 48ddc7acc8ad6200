/**
 * Matching (minimal, from the identity issue): proposals of a doctor to a household, so that "a doctor sees only
 * the proposals addressed to them" is enforced and tested from the start. The matching runs and the
 * proposal/consent workflow come with their own issues.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Matching",
        allowedDependencies = {"directory", "identity", "members", "network", "platform", "privacy", "territory"})
package fr.traitant.app.matching;
