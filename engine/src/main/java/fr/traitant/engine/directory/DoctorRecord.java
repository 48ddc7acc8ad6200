package fr.traitant.engine.directory;

import java.util.List;
import java.util.Objects;
import org.jspecify.annotations.Nullable;

/**
 * One valid row of a directory file: a doctor at one practice location.
 *
 * <p>Fields a format does not carry are null (objects), {@code NaN} (coordinates) or -1 (numbers):
 * the import then keeps what the directory already knows.
 *
 * @param rpps               RPPS number
 * @param lastName           name of practice (nom d'exercice), never blank
 * @param firstName          first name of practice, may be empty
 * @param specialty          nomenclature specialty
 * @param communeCode        INSEE code of the practice commune
 * @param postalCode         postal code, may be empty
 * @param address            street address, may be empty
 * @param organizationName   name of the practice (raison sociale / enseigne), may be empty
 * @param lat                latitude (degrees) of the practice, or NaN (then the commune's point)
 * @param lon                longitude (degrees), or NaN
 * @param phone              phone, may be empty
 * @param mssante            MSSanté (or structure e-mail) address, may be empty
 * @param feeSector          fee sector, or null if the format does not say
 * @param teleconsultation   offers teleconsultation, or null if unknown
 * @param wheelchairAccess   wheelchair-accessible practice, or null if unknown
 * @param languages          ISO 639-1 codes spoken besides French, or null if unknown
 * @param birthYear          year of birth, or -1
 * @param newPatients        new-patient status, or null if unknown
 * @param capacity           new patients the doctor can take, or -1 if unknown
 * @param maxComplexity      highest complexity level (1 simple – 3 complex) accepted, or -1
 */
public record DoctorRecord(
        Rpps rpps,
        String lastName,
        String firstName,
        MedicalSpecialty specialty,
        String communeCode,
        String postalCode,
        String address,
        String organizationName,
        double lat,
        double lon,
        String phone,
        String mssante,
        @Nullable FeeSector feeSector,
        @Nullable Boolean teleconsultation,
        @Nullable Boolean wheelchairAccess,
        @Nullable List<String> languages,
        int birthYear,
        @Nullable NewPatients newPatients,
        int capacity,
        int maxComplexity) {
    public DoctorRecord {
        Objects.requireNonNull(rpps, "rpps");
        Objects.requireNonNull(specialty, "specialty");
        Objects.requireNonNull(communeCode, "communeCode");
        languages = languages == null ? null : List.copyOf(languages);
    }
}
