/**
 * Privacy: the append-only audit trail ({@link fr.traitant.app.privacy.AuditTrail}), the data-protection
 * officer's pages, data-subject requests (export, rectification) and the retention policy. Modules holding
 * personal data implement {@link fr.traitant.app.privacy.PersonalDataHolder} so that privacy never reads
 * their tables.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Privacy",
        allowedDependencies = {"identity", "platform"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.privacy;
