/**
 * Continuity of care (issue #20): doctors who leave — declared (by the doctor, an agent or an import), observed
 * (absent from a complete national extraction) or predicted (age) —, their patients among the fund's members and what
 * their area's APL would be without them; the handover of their patients (waiting list, told in advance). Facades:
 * {@link fr.traitant.app.continuity.Departures}, {@link fr.traitant.app.continuity.Handovers}.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Continuité : départs de médecins",
        allowedDependencies = {
            "accessibility",
            "cases",
            "directory",
            "identity",
            "matching",
            "members",
            "platform",
            "territory"
        })
@org.jspecify.annotations.NullMarked
package fr.traitant.app.continuity;
