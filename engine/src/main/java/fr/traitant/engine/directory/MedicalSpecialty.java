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
 * <p>The table ({@link #TABLE}, source ANS TRE_R38) is data: extend it with a line. A code of the national extraction that is not in it is <em>not</em> a reason to
 * refuse a file: the doctor is kept with that code ({@link #unlisted(String)}, grouped with the other
 * specialties) and the import reports a warning for the line.
 *
 * @param code  nomenclature code ({@code SM54})
 * @param label French label
 * @param group group of the supply model; {@link Specialty#GENERAL_PRACTICE} for general practice
 */
public record MedicalSpecialty(String code, String label, Specialty group) {

    /**
     * The table: code;label;group of the supply model. Source: the doctors' "spécialités ordinales" (codes SMxx) of the
     * RPPS "savoir-faire" nomenclature (ANS, table TRE_R38-SpecialiteOrdinale, published with the Annuaire Santé
     * nomenclatures). Codes whose label could not be checked are left out: such a code imports with a warning.
     * (A text block, not a resource file: the engine does no I/O.)
     */
    private static final String TABLE = """
            SM01;Anatomie et cytologie pathologiques;OTHER_SPECIALTY
            SM02;Anesthésie-réanimation;ANAESTHESIOLOGY
            SM03;Biologie médicale;OTHER_SPECIALTY
            SM04;Cardiologie et maladies vasculaires;CARDIOLOGY
            SM05;Chirurgie générale;OTHER_SPECIALTY
            SM06;Chirurgie maxillo-faciale;OTHER_SPECIALTY
            SM07;Chirurgie maxillo-faciale et stomatologie;OTHER_SPECIALTY
            SM08;Chirurgie orthopédique et traumatologie;OTHER_SPECIALTY
            SM09;Chirurgie infantile;OTHER_SPECIALTY
            SM10;Chirurgie plastique reconstructrice et esthétique;OTHER_SPECIALTY
            SM11;Chirurgie thoracique et cardio-vasculaire;OTHER_SPECIALTY
            SM12;Chirurgie urologique;OTHER_SPECIALTY
            SM13;Chirurgie vasculaire;OTHER_SPECIALTY
            SM14;Chirurgie viscérale et digestive;OTHER_SPECIALTY
            SM15;Dermatologie et vénéréologie;DERMATOLOGY
            SM16;Endocrinologie et métabolisme;OTHER_SPECIALTY
            SM17;Génétique médicale;OTHER_SPECIALTY
            SM18;Gériatrie;OTHER_SPECIALTY
            SM19;Gynécologie médicale;GYNAECOLOGY
            SM20;Gynécologie-obstétrique;GYNAECOLOGY
            SM21;Hématologie;OTHER_SPECIALTY
            SM24;Gastro-entérologie et hépatologie;OTHER_SPECIALTY
            SM25;Médecine du travail;OTHER_SPECIALTY
            SM26;Qualifié en médecine générale;GENERAL_PRACTICE
            SM27;Médecine interne;OTHER_SPECIALTY
            SM28;Médecine nucléaire;OTHER_SPECIALTY
            SM29;Médecine physique et réadaptation;OTHER_SPECIALTY
            SM30;Néphrologie;OTHER_SPECIALTY
            SM31;Neurochirurgie;OTHER_SPECIALTY
            SM32;Neurologie;OTHER_SPECIALTY
            SM33;Neuropsychiatrie;PSYCHIATRY
            SM38;Ophtalmologie;OPHTHALMOLOGY
            SM39;Oto-rhino-laryngologie;OTHER_SPECIALTY
            SM40;Pédiatrie;PAEDIATRICS
            SM41;Pneumologie;OTHER_SPECIALTY
            SM42;Psychiatrie;PSYCHIATRY
            SM43;Psychiatrie de l'enfant et de l'adolescent;PSYCHIATRY
            SM44;Radio-diagnostic;RADIOLOGY
            SM45;Radiothérapie;OTHER_SPECIALTY
            SM46;Recherche médicale;OTHER_SPECIALTY
            SM47;Rhumatologie;OTHER_SPECIALTY
            SM48;Santé publique et médecine sociale;OTHER_SPECIALTY
            SM49;Stomatologie;OTHER_SPECIALTY
            SM53;Spécialiste en médecine générale;GENERAL_PRACTICE
            SM54;Médecine générale;GENERAL_PRACTICE
            SM55;Radio-diagnostic et imagerie médicale;RADIOLOGY
            SM57;Allergologie;OTHER_SPECIALTY
            SM58;Maladies infectieuses et tropicales;OTHER_SPECIALTY
            SM59;Médecine d'urgence;OTHER_SPECIALTY
            SM60;Médecine légale et expertises médicales;OTHER_SPECIALTY
            SM61;Médecine vasculaire;OTHER_SPECIALTY
            SM62;Chirurgie orale;OTHER_SPECIALTY
            SM63;Chirurgie pédiatrique;OTHER_SPECIALTY
            SM65;Médecine intensive-réanimation;ANAESTHESIOLOGY
            """;

    /** Every specialty of the table, by code, in nomenclature order. */
    public static final Map<String, MedicalSpecialty> ALL = load();

    private static Map<String, MedicalSpecialty> load() {
        Map<String, MedicalSpecialty> all = new LinkedHashMap<>();
        TABLE.lines().filter(line -> !line.isBlank()).forEach(line -> {
            String[] f = line.split(";", -1);
            all.put(f[0], new MedicalSpecialty(f[0], f[1], Specialty.valueOf(f[2])));
        });
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
        return get(
                switch (group) {
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
