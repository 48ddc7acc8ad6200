/**
 * Adhérents: the fund's members and their households (NIR stored, masked on display), the member import (whole
 * file or nothing), the synthetic demo population, activation codes sent by letter, the population figures and the
 * insured accounts linked to a household. Reading a household is audited; an insured person sees their own household
 * only (another household is "not found"). Public API and dependencies: ARCHITECTURE.md.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Members",
        allowedDependencies = {"identity", "platform", "privacy", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.members;
