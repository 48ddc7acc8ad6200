package fr.traitant.app.members;

/** The age bands of the fund's report, in years completed at the reference date. */
public enum AgeBand {
    UNDER_18("- 18 ans", 0, 17),
    FROM_18_TO_24("18 à 24 ans", 18, 24),
    FROM_25_TO_29("25 à 29 ans", 25, 29),
    FROM_30_TO_34("30 à 34 ans", 30, 34),
    FROM_35_TO_39("35 à 39 ans", 35, 39),
    FROM_40_TO_44("40 à 44 ans", 40, 44),
    FROM_45_TO_49("45 à 49 ans", 45, 49),
    FROM_50_TO_54("50 à 54 ans", 50, 54),
    FROM_55_TO_59("55 à 59 ans", 55, 59),
    FROM_60_TO_64("60 à 64 ans", 60, 64),
    FROM_65_TO_69("65 à 69 ans", 65, 69),
    FROM_70_TO_74("70 à 74 ans", 70, 74),
    FROM_75_TO_79("75 à 79 ans", 75, 79),
    FROM_80_TO_84("80 à 84 ans", 80, 84),
    FROM_85_TO_89("85 à 89 ans", 85, 89),
    FROM_90_TO_94("90 à 94 ans", 90, 94),
    FROM_95("95 ans et +", 95, 104);

    private final String label;
    private final int minAge;
    private final int maxAge;

    AgeBand(String label, int minAge, int maxAge) {
        this.label = label;
        this.minAge = minAge;
        this.maxAge = maxAge;
    }

    public String label() {
        return label;
    }

    /** Youngest age in the band, in years. */
    public int minAge() {
        return minAge;
    }

    /** Oldest age generated in the band, in years (the last band is open: 104 is the generator's ceiling). */
    public int maxAge() {
        return maxAge;
    }

    /** The band of an age in years (≥ 0). */
    public static AgeBand of(int age) {
        if (age < 0) {
            throw new IllegalArgumentException("age " + age);
        }
        for (AgeBand band : values()) {
            if (age <= band.maxAge) {
                return band;
            }
        }
        return FROM_95;
    }
}
