package fr.traitant.app.directory;

import java.util.List;

/**
 * One doctor found by a search, at their practice location nearest to the searched place.
 *
 * @param id               directory id
 * @param rpps             RPPS number, or empty
 * @param name             display name ("Dr Prénom NOM")
 * @param specialtyCode    nomenclature code (SM54…)
 * @param specialty        specialty label
 * @param newPatients      new-patient status (HL7 semantics: ACCEPTING, NOT_ACCEPTING, EXISTING_PATIENTS_ONLY, EXISTING_PATIENTS_AND_FAMILY_ONLY)
 * @param newPatientsLabel French label of the status
 * @param capacity         new patients the doctor can still take
 * @param networkMember    signed the "médecins solidaires" charter
 * @param feeSector        SECTOR_1, SECTOR_2, OPTAM or empty when unknown
 * @param teleconsultation offers teleconsultation
 * @param wheelchairAccess wheelchair-accessible practice
 * @param languages        languages spoken besides French
 * @param communeCode      INSEE code of the practice commune
 * @param communeName      name of that commune
 * @param address          street address, may be empty
 * @param postalCode       postal code, may be empty
 * @param lat              latitude of the practice
 * @param lon              longitude of the practice
 * @param distanceKm       crow-fly distance from the searched place, km (-1 without a place)
 * @param travelMinutes    estimated road travel time from the searched place, minutes (-1 without a place)
 * @param synthetic        made-up demo doctor
 */
public record DoctorHit(
        String id,
        String rpps,
        String name,
        String specialtyCode,
        String specialty,
        String newPatients,
        String newPatientsLabel,
        int capacity,
        boolean networkMember,
        String feeSector,
        boolean teleconsultation,
        boolean wheelchairAccess,
        List<String> languages,
        String communeCode,
        String communeName,
        String address,
        String postalCode,
        double lat,
        double lon,
        double distanceKm,
        double travelMinutes,
        boolean synthetic) {
    public DoctorHit {
        languages = List.copyOf(languages);
    }
}
