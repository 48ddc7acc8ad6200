package fr.traitant.app.members;

import java.util.EnumMap;
import java.util.Map;

/**
 * The military health fund's protected population on 31 December 2024, as published in its 2024 activity report
 * ("Population protégée", "Répartition des bénéficiaires par tranche d'âge", "Affection longue durée"): the target
 * of the synthetic demo population. Counts per category and age band, in {@link AgeBand} order.
 */
public final class FundPopulation2024 {

    /** Total beneficiaries ("ressortissants du régime militaire"). */
    public static final int TOTAL = 774_468;
    /** Beneficiaries with a long-term condition (ALD): the report prints "= 14,04 %", which is 14.02 % of {@link #TOTAL}. */
    public static final int LONG_TERM_CONDITION = 108_554;
    /** Men and women ("Répartition hommes/femmes"). */
    public static final int MEN = 545_124;

    public static final int WOMEN = 229_344;

    private static final Map<MemberCategory, int[]> BY_AGE_BAND = new EnumMap<>(Map.of(
            MemberCategory.ACTIVE,
                    new int[] {1171, 81449, 71646, 51967, 44167, 36686, 26344, 22503, 14312, 4274, 909, 0, 0, 0, 0, 0, 0
                    },
            MemberCategory.RETIRED,
                    new int[] {
                        1, 11, 20, 61, 128, 414, 1090, 2821, 8672, 19763, 25481, 25540, 25579, 16548, 14717, 9479, 3210
                    },
            MemberCategory.OTHER_INSURED,
                    new int[] {61, 18441, 15377, 6861, 3223, 3557, 3151, 2105, 2104, 1413, 527, 91, 34, 14, 6, 2, 1},
            MemberCategory.FAMILY_MEMBER,
                    new int[] {
                        148610, 21791, 834, 1322, 1817, 1910, 1673, 1951, 2516, 3564, 4890, 5568, 5920, 3628, 1970, 508,
                        65
                    }));

    private FundPopulation2024() {}

    /** Beneficiaries of a category in an age band. */
    public static int count(MemberCategory category, AgeBand band) {
        return java.util.Objects.requireNonNull(BY_AGE_BAND.get(category))[band.ordinal()];
    }

    /** Beneficiaries of a category (the report's first table). */
    public static int count(MemberCategory category) {
        int total = 0;
        for (int n : java.util.Objects.requireNonNull(BY_AGE_BAND.get(category))) {
            total += n;
        }
        return total;
    }
}
