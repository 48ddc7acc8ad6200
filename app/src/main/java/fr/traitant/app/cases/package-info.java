/**
 * Cases: the case files of PASS advisors (signalements) and of the conciliator (saisines) — channel, motive,
 * vulnerabilities, household, assignee, priority and due date; a state machine (new → in progress → waiting for a
 * third party → closed with an outcome); an append-only journal; the insured person's online request with its
 * real-time status and notifications; satisfaction at closure; indicators; workload. Facade: {@link
 * fr.traitant.app.cases.Cases}; doctor search through the {@link fr.traitant.app.cases.DoctorFinder} port.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Cases",
        allowedDependencies = {"directory", "identity", "matching", "members", "platform", "privacy", "territory"})
@org.jspecify.annotations.NullMarked
package fr.traitant.app.cases;
