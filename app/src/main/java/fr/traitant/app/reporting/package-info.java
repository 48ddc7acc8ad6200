/**
 * Reporting (issue #21): the yearly activity report generated from the data (web page and PDF/A), the public
 * dashboards by zone and month with their open data, frozen once published, and the satisfaction of the families who
 * found a médecin traitant. Facades: {@link fr.traitant.app.reporting.YearReport},
 * {@link fr.traitant.app.reporting.MonthlyFigures}, {@link fr.traitant.app.reporting.Satisfaction}. Reads the other
 * modules through their facades only; nothing depends on it.
 */
@org.springframework.modulith.ApplicationModule(
        displayName = "Rapport d’activité et tableaux de bord",
        allowedDependencies = {
            "accessibility",
            "campaigns",
            "cases",
            "directory",
            "identity",
            "matching",
            "members",
            "network",
            "platform",
            "programmes",
            "territory"
        })
@org.jspecify.annotations.NullMarked
package fr.traitant.app.reporting;
