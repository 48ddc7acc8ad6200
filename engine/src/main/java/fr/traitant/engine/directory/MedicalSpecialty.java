package fr.traitant.engine.directory;

import fr.traitant.engine.supply.Specialty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A medical specialty of the national nomenclature of "savoir-faire" used by the RPPS
 * (codes {@code SMxx}, e.g. {@code SM54} "Médecine générale"), with the group the accessibility
 * indicator and the synthetic supply use ({@link Specialty}).
 *
 * <p>The table ({@code savoir-faire-medecins.csv} beside this class, source ANS TRE_R38) is data: extend it
 * without touching code. A code of the national extraction that is not in it is <em>not</em> a reason to
 * refuse a file: the doctor is kept with that code ({@link #unlisted(String)}, grouped with the other
 * specialties) and the import reports a warning for the line.
 *
 * @param code  nomenclature code ({@code SM54})
 * @param label French label
 * @param group group of the supply model; {@link Specialty#GENERAL_PRACTICE} for general practice
 */
public record MedicalSpecialty(String code, String label, Specialty group) {

    /** Every specialty of the table, by code, in nomenclature order. */
    public static final Map<String, MedicalSpecialty> ALL = load();

    private static Map<String, MedicalSpecialty> load() {
        Map<String, MedicalSpecialty> all = new LinkedHashMap<>();
        try (var in = MedicalSpecialty.class.getResourceAsStream("savoir-faire-medecins.csv");
             var reader = new java.io.BufferedReader(new java.io.InputStreamReader(
                     java.util.Objects.requireNonNull(in, "savoir-faire-medecins.csv"), java.nio.charset.StandardCharsets.UTF_8))) {
            String line;
            while ((line = reader.readLine()) != null) {
                if (line.isBlank() || line.startsWith("#")) {
                    continue;
                }
                String[] f = line.split(";", -1);
                all.put(f[0], new MedicalSpecialty(f[0], f[1], Specialty.valueOf(f[2])));
            }
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
        return Collections.unmodifiableMap(all);
    }

    /** Codes of the nomenclature have this shape; anything else in the column is a malformed line. */
    private static final java.util.regex.Pattern CODE = java.util.regex.Pattern.compile("[A-Z0-9]{2,12}");

    /**
     * A code that is not in the table: kept as it is, labelled with the code, counted with the other specialties.
     *
     * @throws IllegalArgumentException when the code is not a nomenclature code at all (French message)
     */
    public static MedicalSpecialty unlisted(String code) {
        String c = code == null ? "" : code.strip().toUpperCase(java.util.Locale.ROOT);
        if (!CODE.matcher(c).matches()) {
            throw new IllegalArgumentException("Code savoir-faire mal formé : « " + code + " ».");
        }
        return new MedicalSpecialty(c, "Savoir-faire " + c + " (hors table Traitant)", Specialty.OTHER_SPECIALTY);
    }

    /** Whether this code is in the table. */
    public boolean listed() {
        return ALL.containsKey(code);
    }

    /** The specialty with this code, listed or {@link #unlisted(String)} (for codes stored by an import). */
    public static MedicalSpecialty of(String code) {
        return find(code).orElseGet(() -> unlisted(code));
    }

    /** The specialty with this code (case-insensitive), if known. */
    public static Optional<MedicalSpecialty> find(String code) {
        return code == null ? Optional.empty() : Optional.ofNullable(ALL.get(code.toUpperCase(java.util.Locale.ROOT)));
    }

    /** The specialty with this code, or {@link IllegalArgumentException} (French message). */
    public static MedicalSpecialty get(String code) {
        return find(code).orElseThrow(() -> new IllegalArgumentException("Spécialité inconnue : « " + code + " »."));
    }

    /** The representative nomenclature specialty of a supply group (for synthetic doctors). */
    public static MedicalSpecialty representative(Specialty group) {
        return get(switch (group) {
            case GENERAL_PRACTICE -> "SM54";
            case ANAESTHESIOLOGY -> "SM02";
            case RADIOLOGY -> "SM44";
            case PSYCHIATRY -> "SM42";
            case CARDIOLOGY -> "SM04";
            case GYNAECOLOGY -> "SM19";
            case PAEDIATRICS -> "SM40";
            case OPHTHALMOLOGY -> "SM38";
            case DERMATOLOGY -> "SM15";
            case OTHER_SPECIALTY -> "SM27";
        });
    }

    /** Whether this is general practice. */
    public boolean isGeneralPractice() {
        return group == Specialty.GENERAL_PRACTICE;
    }
}
