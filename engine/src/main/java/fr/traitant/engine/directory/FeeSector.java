package fr.traitant.engine.directory;

import org.jspecify.annotations.Nullable;

/**
 * Fee sector (secteur conventionnel) of a doctor: {@code SECTOR_1} charges no extra fees;
 * {@code SECTOR_2} may; {@code OPTAM} is sector 2 with capped extra fees (option de pratique
 * tarifaire maîtrisée).
 */
public enum FeeSector {
    SECTOR_1("1", "Secteur 1"),
    SECTOR_2("2", "Secteur 2"),
    OPTAM("OPTAM", "Secteur 2 OPTAM");

    private final String code;
    private final String label;

    FeeSector(String code, String label) {
        this.code = code;
        this.label = label;
    }

    /** Code in files: {@code 1}, {@code 2} or {@code OPTAM}. */
    public String code() {
        return code;
    }

    /** French label. */
    public String label() {
        return label;
    }

    /** The sector with this file code (case-insensitive), or null. */
    public static @Nullable FeeSector fromCode(String code) {
        for (FeeSector s : values()) {
            if (s.code.equalsIgnoreCase(code) || s.name().equalsIgnoreCase(code)) {
                return s;
            }
        }
        return null;
    }
}
