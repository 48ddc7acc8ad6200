package fr.traitant.app.reporting;

import org.jspecify.annotations.Nullable;

/**
 * The public figures of one zone for one month (definitions in docs/methodology/reporting.md and on the dashboard). A
 * count of people from 1 to 10 is not published (null, shown "< 11"), nor a median or a share computed on fewer than
 * 11: nobody can be recognised. Counts of doctors are published as they are.
 *
 * @param zone {@code FR}, a région's code prefixed with R ({@code R93}) or a département's code
 * @param level FRANCE, REGION or DEPARTEMENT
 * @param parent the zone one level up ({@code FR} for a région, the région for a département), null for France
 * @param waitingHouseholds households waiting at the end of the month (waiting, paused or with a proposal under way)
 * @param waitingPeople the people of those households who need a médecin traitant
 * @param medianWaitDays median of the days those households had waited at the end of the month
 * @param attachedHouseholds households that chose a médecin traitant through Traitant during the month
 * @param attachedPeople their people
 * @param members the fund's members living in the zone
 * @param withoutDoctorShare share of them with no declared médecin traitant
 * @param acceptingDoctors general practitioners of the directory accepting new patients
 * @param networkMembers signatories of the "médecins solidaires" charter
 * @param apl population-weighted APL of the zone's communes (consultations per inhabitant per year)
 * @param satisfactionAnswers answers to the satisfaction survey after an attachment during the month
 * @param satisfactionMean their mean score (1–5)
 */
public record ZoneFigures(
        String zone,
        String name,
        String level,
        @Nullable String parent,
        @Nullable Long waitingHouseholds,
        @Nullable Long waitingPeople,
        @Nullable Double medianWaitDays,
        @Nullable Long attachedHouseholds,
        @Nullable Long attachedPeople,
        @Nullable Long members,
        @Nullable Double withoutDoctorShare,
        long acceptingDoctors,
        long networkMembers,
        @Nullable Double apl,
        @Nullable Long satisfactionAnswers,
        @Nullable Double satisfactionMean) {

    /** Below this, a count of people is not published. */
    public static final int THRESHOLD = 11;

    /** A count of people as published: itself, 0, or null when 1 to 10. */
    static @Nullable Long published(long count) {
        return count > 0 && count < THRESHOLD ? null : count;
    }

    /** A count as a French page writes it: "1 234", "< 11" when not published. */
    public static String shown(@Nullable Long count) {
        return count == null ? "< 11" : fr.traitant.app.platform.FrenchNumbers.count(count);
    }
}
