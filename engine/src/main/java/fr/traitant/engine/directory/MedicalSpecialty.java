package fr.traitant.engine.directory;

import fr.traitant.engine.supply.Specialty;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A medical specialty of the national nomenclature of "savoir-faire" used by the RPPS
 * (codes {@code SMxx}, e.g. {@code SM54} "Médecine générale"), with the group the accessibility
 * indicator and the synthetic supply use ({@link Specialty}).
 *
 * <p>The table holds the specialties a patient looks for in a GP directory; a code not in it is
 * refused on import (a clear error rather than a silently misfiled doctor). Extend {@link #ALL}
 * when a new code is needed.
 *
 * @param code  nomenclature code ({@code SM54})
 * @param label French label
 * @param group group of the supply model; {@link Specialty#GENERAL_PRACTICE} for general practice
 */
public record MedicalSpecialty(String code, String label, Specialty group) {

    /** Every specialty known here, by code, in nomenclature order. */
    public static final Map<String, MedicalSpecialty> ALL;

    static {
        Map<String, MedicalSpecialty> all = new LinkedHashMap<>();
        for (MedicalSpecialty s : List.of(
                new MedicalSpecialty("SM02", "Anesthésie-réanimation", Specialty.ANAESTHESIOLOGY),
                new MedicalSpecialty("SM04", "Cardiologie et maladies vasculaires", Specialty.CARDIOLOGY),
                new MedicalSpecialty("SM15", "Dermatologie et vénéréologie", Specialty.DERMATOLOGY),
                new MedicalSpecialty("SM16", "Endocrinologie et métabolisme", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM18", "Gériatrie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM19", "Gynécologie médicale", Specialty.GYNAECOLOGY),
                new MedicalSpecialty("SM20", "Gynécologie-obstétrique", Specialty.GYNAECOLOGY),
                new MedicalSpecialty("SM24", "Gastro-entérologie et hépatologie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM26", "Qualifié en médecine générale", Specialty.GENERAL_PRACTICE),
                new MedicalSpecialty("SM27", "Médecine interne", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM30", "Néphrologie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM32", "Neurologie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM38", "Ophtalmologie", Specialty.OPHTHALMOLOGY),
                new MedicalSpecialty("SM39", "Oto-rhino-laryngologie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM40", "Pédiatrie", Specialty.PAEDIATRICS),
                new MedicalSpecialty("SM41", "Pneumologie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM42", "Psychiatrie", Specialty.PSYCHIATRY),
                new MedicalSpecialty("SM44", "Radio-diagnostic", Specialty.RADIOLOGY),
                new MedicalSpecialty("SM47", "Rhumatologie", Specialty.OTHER_SPECIALTY),
                new MedicalSpecialty("SM53", "Spécialiste en médecine générale", Specialty.GENERAL_PRACTICE),
                new MedicalSpecialty("SM54", "Médecine générale", Specialty.GENERAL_PRACTICE))) {
            all.put(s.code, s);
        }
        ALL = Collections.unmodifiableMap(all);
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
