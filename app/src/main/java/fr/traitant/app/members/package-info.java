/**
 * Members (minimal, from the identity issue): households, their members (NIR stored, masked on display) and the
 * insured accounts linked to them. Reading a household is audited; an insured person sees their own household
 * only (another household is "not found"). Extended by the members issue.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Members",
        allowedDependencies = {"identity", "platform", "privacy", "territory"})
package fr.traitant.app.members;
