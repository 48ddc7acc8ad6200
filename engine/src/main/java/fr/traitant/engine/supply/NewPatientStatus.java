package fr.traitant.engine.supply;

/** Whether a doctor takes new patients (after the HL7 provider-directory {@code newpatients} extension). */
public enum NewPatientStatus {
    ACCEPTING,
    EXISTING_PATIENTS_AND_FAMILY_ONLY,
    NOT_ACCEPTING
}
