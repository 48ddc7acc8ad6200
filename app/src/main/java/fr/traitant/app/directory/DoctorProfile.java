package fr.traitant.app.directory;

import fr.traitant.engine.directory.FeeSector;
import fr.traitant.engine.directory.MedicalSpecialty;
import fr.traitant.engine.directory.NewPatients;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * A doctor as the directory shows them.
 *
 * @param id               directory id ({@code SYNTH-…} for synthetic doctors, the RPPS number for imported ones)
 * @param rpps             RPPS number, if known
 * @param lastName         name of practice (empty if unknown)
 * @param firstName        first name (empty if unknown)
 * @param specialty        nomenclature specialty
 * @param locations        practice locations, main first, never empty
 * @param feeSector        fee sector, if known
 * @param teleconsultation offers teleconsultation
 * @param wheelchairAccess wheelchair-accessible practice
 * @param languages        languages spoken besides French (ISO 639-1)
 * @param mssante          secure e-mail, may be empty
 * @param phone            phone, may be empty
 * @param birthYear        year of birth, if known
 * @param newPatients      new-patient status
 * @param capacity         new patients the doctor can still take (0 unless accepting)
 * @param maxComplexity    highest complexity accepted, 1 (simple) to 3 (complex)
 * @param networkMember    signed the "médecins solidaires" charter
 * @param synthetic        made-up demo doctor
 * @param active           practising
 * @param availabilityUpdatedAt when the doctor last stated their availability, if ever
 * @param complexityDeclared the doctor chose {@code maxComplexity} in their space (otherwise it is the default 1, which
 *     says nothing and restricts nothing)
 */
public record DoctorProfile(
        String id,
        Optional<String> rpps,
        String lastName,
        String firstName,
        MedicalSpecialty specialty,
        List<PracticeLocation> locations,
        Optional<FeeSector> feeSector,
        boolean teleconsultation,
        boolean wheelchairAccess,
        List<String> languages,
        String mssante,
        String phone,
        Optional<Integer> birthYear,
        NewPatients newPatients,
        int capacity,
        int maxComplexity,
        boolean networkMember,
        boolean synthetic,
        boolean active,
        Optional<Instant> availabilityUpdatedAt,
        boolean complexityDeclared) {
    public DoctorProfile {
        locations = List.copyOf(locations);
        languages = List.copyOf(languages);
    }

    /** "Dr Prénom NOM", or the id when the name is unknown. */
    public String displayName() {
        String name = (firstName + " " + lastName).strip();
        return name.isEmpty() ? id : "Dr " + name;
    }

    /** The main practice location. */
    public PracticeLocation mainLocation() {
        return locations.getFirst();
    }

    /** The profile as shown to the public and to doctors: the year of birth is for agents only (issue 12). */
    public DoctorProfile withoutBirthYear() {
        return new DoctorProfile(
                id,
                rpps,
                lastName,
                firstName,
                specialty,
                locations,
                feeSector,
                teleconsultation,
                wheelchairAccess,
                languages,
                mssante,
                phone,
                Optional.empty(),
                newPatients,
                capacity,
                maxComplexity,
                networkMember,
                synthetic,
                active,
                availabilityUpdatedAt,
                complexityDeclared);
    }

    /** Whether matching may propose this doctor a household with an ALD or a vulnerability. */
    public boolean takesComplexCases() {
        return !complexityDeclared || maxComplexity > 1;
    }
}
