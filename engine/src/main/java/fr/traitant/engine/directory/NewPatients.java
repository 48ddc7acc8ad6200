package fr.traitant.engine.directory;

import org.jspecify.annotations.Nullable;

/**
 * Whether a doctor takes new patients, with the semantics of the HL7 provider-directory
 * {@code newpatients} extension (Da Vinci PDex Plan-Net "AcceptingPatientsCS" codes).
 */
public enum NewPatients {
    /** Accepts new patients ({@code newpt}). */
    ACCEPTING("newpt", "Accepte de nouveaux patients"),
    /** Accepts no new patients ({@code nopt}). */
    NOT_ACCEPTING("nopt", "N'accepte pas de nouveaux patients"),
    /** Accepts existing patients only ({@code existptonly}). */
    EXISTING_PATIENTS_ONLY("existptonly", "Patients déjà suivis uniquement"),
    /** Accepts existing patients and their families ({@code existptfam}). */
    EXISTING_PATIENTS_AND_FAMILY_ONLY("existptfam", "Patients déjà suivis et leur famille");

    private final String hl7Code;
    private final String label;

    NewPatients(String hl7Code, String label) {
        this.hl7Code = hl7Code;
        this.label = label;
    }

    /** HL7 provider-directory code. */
    public String hl7Code() {
        return hl7Code;
    }

    /** French label. */
    public String label() {
        return label;
    }

    /** The status with this name or HL7 code (case-insensitive), or null. */
    public static @Nullable NewPatients parse(String text) {
        for (NewPatients s : values()) {
            if (s.name().equalsIgnoreCase(text) || s.hl7Code.equalsIgnoreCase(text)) {
                return s;
            }
        }
        return null;
    }
}
