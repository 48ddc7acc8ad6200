package fr.traitant.app.reporting;

import java.util.List;
import java.util.Locale;
import org.jspecify.annotations.Nullable;

/**
 * The dashboard's open data: one CSV line per zone and month, written by {@link fr.traitant.app.platform.CsvExport}
 * (RFC 4180, UTF-8 with a byte-order mark, comma-separated, decimal point, empty cell for a figure not published), with
 * its documented schema (shown at {@code /tableau-de-bord/schema}).
 */
final class OpenData {

    /** A column: its name, its type and its definition. */
    record Column(String name, String type, String definition) {}

    static final List<Column> SCHEMA = List.of(
            new Column("mois", "AAAA-MM", "Mois des chiffres."),
            new Column(
                    "version",
                    "entier",
                    "0 : chiffres provisoires du mois en cours ; 1 : publiés le premier jour du mois"
                            + " suivant ; 2 et plus : corrections."),
            new Column("reconstitue", "booléen", "true si les chiffres ont été reconstitués après le mois."),
            new Column("zone", "texte", "FR, code de région précédé de R (R93) ou code de département (83, 2A, 971)."),
            new Column("niveau", "texte", "france, region ou departement."),
            new Column("nom", "texte", "Nom de la zone."),
            new Column(
                    "foyers_en_attente",
                    "entier",
                    "Foyers inscrits sur la liste d’attente à la fin du mois (en attente,"
                            + " en pause ou avec une proposition en cours) ; vide de 1 à 10."),
            new Column(
                    "personnes_en_attente",
                    "entier",
                    "Personnes de ces foyers qui ont besoin d’un médecin traitant ;" + " vide de 1 à 10."),
            new Column(
                    "attente_mediane_jours",
                    "décimal",
                    "Médiane des jours d’attente de ces foyers à la fin du mois ; vide" + " sous 11 foyers."),
            new Column(
                    "foyers_rattaches",
                    "entier",
                    "Foyers qui ont choisi un médecin traitant par Traitant dans le mois ;" + " vide de 1 à 10."),
            new Column("personnes_rattachees", "entier", "Personnes de ces foyers ; vide de 1 à 10."),
            new Column("assures", "entier", "Assurés de la caisse domiciliés dans la zone ; vide de 1 à 10."),
            new Column(
                    "part_sans_medecin_traitant",
                    "décimal (0–1)",
                    "Part de ces assurés sans médecin traitant déclaré ;"
                            + " vide si moins de 11 assurés ou de 1 à 10 sans médecin."),
            new Column(
                    "medecins_acceptant",
                    "entier",
                    "Médecins généralistes de l’annuaire qui acceptent de nouveaux" + " patients."),
            new Column("medecins_solidaires", "entier", "Signataires de la charte des médecins solidaires."),
            new Column(
                    "apl",
                    "décimal",
                    "Accessibilité potentielle localisée aux médecins généralistes (consultations par"
                            + " habitant et par an), moyenne des communes pondérée par leur population."),
            new Column(
                    "reponses_satisfaction",
                    "entier",
                    "Réponses au questionnaire de satisfaction dans le mois ; vide de 1" + " à 10."),
            new Column(
                    "satisfaction_moyenne", "décimal (1–5)", "Note moyenne de ces réponses ; vide sous 11 réponses."));

    static final List<String> COLUMNS = SCHEMA.stream().map(Column::name).toList();

    private OpenData() {}

    /** A zone's line of the file, cells in the order of {@link #COLUMNS}. */
    static List<String> cells(MonthlyFigures.Published p, ZoneFigures z) {
        return List.of(
                p.month().toString(),
                Integer.toString(p.version()),
                Boolean.toString(p.reconstructed()),
                z.zone(),
                z.level().toLowerCase(Locale.ROOT),
                z.name(),
                text(z.waitingHouseholds()),
                text(z.waitingPeople()),
                text(z.medianWaitDays()),
                text(z.attachedHouseholds()),
                text(z.attachedPeople()),
                text(z.members()),
                text(z.withoutDoctorShare()),
                Long.toString(z.acceptingDoctors()),
                Long.toString(z.networkMembers()),
                text(z.apl()),
                text(z.satisfactionAnswers()),
                text(z.satisfactionMean()));
    }

    private static String text(@Nullable Number n) {
        if (n == null) return "";
        if (n instanceof Double d)
            return String.format(Locale.ROOT, "%.4f", d).replaceAll("0+$", "").replaceAll("\\.$", "");
        return n.toString();
    }
}
