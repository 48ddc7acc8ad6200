package fr.traitant.app.directory;

import java.util.List;
import java.util.Map;

/** Writes the report of an import (its French message and counts) from what the reader and the merge found. */
final class ImportReports {

    /** The report and every rejected line and warning kept for the history. */
    record Outcome(
            ImportReport report, List<ImportReport.Rejection> rejections, List<ImportReport.Rejection> warnings) {}

    private ImportReports() {}

    /** The file cannot be applied: unreadable, or some line rejected. Nothing is stored. */
    static Outcome refused(ImportTracker progress, DirectoryFileReader.Reading r) {
        long ms = progress.elapsedMs();
        String format = progress.format;
        if (r.refusal() != null) {
            return new Outcome(
                    new ImportReport(
                            ImportReport.Status.REFUSED,
                            format,
                            r.refusal() + " Rien n'a été enregistré.",
                            r.lines(),
                            0,
                            0,
                            0,
                            0,
                            0,
                            Map.of(),
                            0,
                            List.of(),
                            ms,
                            r.lines() * 1000 / ms,
                            0,
                            0,
                            0,
                            progress.id,
                            0,
                            0,
                            List.of()),
                    List.of(),
                    List.of());
        }
        return new Outcome(
                new ImportReport(
                        ImportReport.Status.REFUSED,
                        format,
                        r.rejected() + " ligne(s) rejetée(s) sur "
                                + r.lines()
                                + " : le fichier n'est pas appliqué (un fichier s'applique en entier ou pas du tout). Corrigez les"
                                + " lignes listées et importez-le de nouveau.",
                        r.lines(),
                        r.accepted(),
                        0,
                        0,
                        0,
                        r.skipped(),
                        r.skippedReasons(),
                        r.rejected(),
                        first(r.rejections()),
                        ms,
                        r.lines() * 1000 / ms,
                        0,
                        r.stagingMs(),
                        0,
                        progress.id,
                        0,
                        r.warned(),
                        first(r.warnings())),
                r.rejections(),
                r.warnings());
    }

    /** The merge ran: applied, checked (dry run), or stopped to ask for confirmation of a large deactivation. */
    static Outcome merged(
            ImportTracker progress, DirectoryFileReader.Reading r, DirectoryMerge.Counts c, long mergeMs) {
        long ms = progress.elapsedMs();
        boolean dryRun = progress.options.dryRun();
        ImportReport.Status status;
        String message;
        if (c.needsConfirmation()) {
            status = ImportReport.Status.NEEDS_CONFIRMATION;
            message = "Import arrêté, rien n'a été enregistré : ce fichier désactiverait " + c.deactivated() + " des "
                    + c.activeBefore()
                    + " médecins actifs de l'annuaire national (" + percent(c.deactivated(), c.activeBefore())
                    + ", plus de "
                    + Math.round(DirectoryMerge.DEACTIVATION_ALERT_SHARE * 100)
                    + " %). Un fichier tronqué ou une extraction"
                    + " partielle en est souvent la cause. Si l'extraction est bien complète, confirmez la désactivation.";
        } else if (dryRun) {
            status = ImportReport.Status.DRY_RUN;
            message = "Vérification sans enregistrement : " + c.doctors() + " médecin(s), dont " + c.created()
                    + " à créer, "
                    + c.updated() + " à mettre à jour et " + c.unchanged() + " inchangé(s)"
                    + (progress.options.complete()
                            ? ", " + c.deactivated() + " à désactiver (absents de l'extraction)"
                            : "")
                    + " ; aucune ligne rejetée.";
        } else {
            status = ImportReport.Status.APPLIED;
            message = c.doctors() + " médecin(s) importé(s) : " + c.created() + " créé(s), " + c.updated()
                    + " mis à jour, "
                    + c.unchanged() + " inchangé(s)"
                    + (progress.options.complete()
                            ? ", " + c.deactivated() + " désactivé(s) (absents de l'extraction complète)"
                            : "")
                    + ".";
        }
        if (r.warned() > 0) {
            message += " " + r.warned() + " avertissement(s) : lignes reprises, voir la liste (ligne et raison).";
        }
        return new Outcome(
                new ImportReport(
                        status,
                        progress.format,
                        message,
                        r.lines(),
                        r.accepted(),
                        c.doctors(),
                        c.created(),
                        c.updated(),
                        r.skipped(),
                        r.skippedReasons(),
                        0,
                        List.of(),
                        ms,
                        r.lines() * 1000 / ms,
                        c.unchanged(),
                        r.stagingMs(),
                        mergeMs,
                        progress.id,
                        c.deactivated(),
                        r.warned(),
                        first(r.warnings())),
                List.of(),
                r.warnings());
    }

    private static String percent(long part, long whole) {
        return String.format(java.util.Locale.FRANCE, "%.1f %%", whole == 0 ? 100.0 : part * 100.0 / whole);
    }

    private static List<ImportReport.Rejection> first(List<ImportReport.Rejection> lines) {
        return lines.subList(0, Math.min(lines.size(), DirectoryImports.MAX_REPORTED_REJECTIONS));
    }
}
