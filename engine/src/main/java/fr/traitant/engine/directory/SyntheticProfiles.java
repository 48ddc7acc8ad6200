package fr.traitant.engine.directory;

import fr.traitant.engine.supply.SyntheticDoctor;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.random.RandomGenerator;

/**
 * Directory details for the engine's synthetic doctors: <strong>made-up names and contact details</strong>,
 * drawn from an injected generator (same seed, same profiles), to be shown with
 * {@link SyntheticDoctor#LABEL}.
 *
 * <p>Names combine common French first names and surnames picked at random, so a combination may
 * happen to match a real person: that is why every screen labels them as synthetic. RPPS numbers
 * come from the reserved synthetic range ({@link Rpps#synthetic}); phone numbers from the range
 * ARCEP reserves for fiction (01 99 00 xx xx); e-mail addresses use the reserved {@code .invalid}
 * top-level domain. Shares (orders of magnitude, not statistics): sector 1 about 70 % of GPs and
 * 45 % of specialists, OPTAM 15 %; teleconsultation 35 %; wheelchair access 60 %; a second
 * language for 30 % (English mostly).
 */
public final class SyntheticProfiles {

    /**
     * A synthetic doctor's directory details.
     *
     * @param rpps             synthetic RPPS number
     * @param firstName        made-up first name
     * @param lastName         made-up surname
     * @param specialty        nomenclature specialty
     * @param feeSector        fee sector
     * @param teleconsultation offers teleconsultation
     * @param wheelchairAccess wheelchair-accessible practice
     * @param languages        languages spoken besides French (ISO 639-1)
     * @param phone            fictional phone number
     * @param mssante          fictional secure e-mail address
     * @param newPatients      new-patient status
     * @param maxComplexity    highest complexity (1–3) accepted
     */
    public record Profile(
            Rpps rpps,
            String firstName,
            String lastName,
            MedicalSpecialty specialty,
            FeeSector feeSector,
            boolean teleconsultation,
            boolean wheelchairAccess,
            List<String> languages,
            String phone,
            String mssante,
            NewPatients newPatients,
            int maxComplexity) {
        public Profile {
            languages = List.copyOf(languages);
        }
    }

    private static final String[] FIRST_NAMES = {
        "Camille",
        "Claire",
        "Sophie",
        "Julie",
        "Marie",
        "Anne",
        "Isabelle",
        "Nathalie",
        "Céline",
        "Émilie",
        "Laure",
        "Hélène",
        "Sarah",
        "Léa",
        "Manon",
        "Chloé",
        "Inès",
        "Amina",
        "Lucie",
        "Pauline",
        "Thomas",
        "Nicolas",
        "Julien",
        "Pierre",
        "Jean",
        "Philippe",
        "François",
        "Laurent",
        "Olivier",
        "Antoine",
        "Mathieu",
        "Karim",
        "Yann",
        "Hugo",
        "Louis",
        "Paul",
        "Benoît",
        "Éric",
        "Mehdi",
        "Vincent"
    };

    private static final String[] LAST_NAMES = {
        "Martin",
        "Bernard",
        "Dubois",
        "Thomas",
        "Robert",
        "Richard",
        "Petit",
        "Durand",
        "Leroy",
        "Moreau",
        "Simon",
        "Laurent",
        "Lefebvre",
        "Michel",
        "Garcia",
        "David",
        "Bertrand",
        "Roux",
        "Vincent",
        "Fournier",
        "Morel",
        "Girard",
        "André",
        "Mercier",
        "Dupont",
        "Lambert",
        "Bonnet",
        "François",
        "Martinez",
        "Legrand",
        "Garnier",
        "Faure",
        "Rousseau",
        "Blanc",
        "Guerin",
        "Muller",
        "Henry",
        "Roussel",
        "Nicolas",
        "Perrin",
        "Morin",
        "Mathieu",
        "Clement",
        "Gauthier",
        "Dumont",
        "Lopez",
        "Fontaine",
        "Chevalier",
        "Robin",
        "Masson",
        "Le Gall",
        "Kerbrat",
        "Benali",
        "Nguyen",
        "Haddad",
        "Lemoine",
        "Caron",
        "Picard",
        "Roger",
        "Marchand"
    };

    private static final String[] LANGUAGES = {"en", "en", "en", "es", "de", "it", "ar", "pt"};

    private SyntheticProfiles() {}

    /**
     * Details for the doctor at position {@code sequence} of the synthetic list (its RPPS is
     * {@link Rpps#synthetic}{@code (sequence)}).
     */
    public static Profile profile(SyntheticDoctor doctor, int sequence, RandomGenerator random) {
        String first = FIRST_NAMES[random.nextInt(FIRST_NAMES.length)];
        String last = LAST_NAMES[random.nextInt(LAST_NAMES.length)];
        boolean gp = doctor.specialty().isGeneralPractice();
        double u = random.nextDouble();
        FeeSector sector = u < (gp ? 0.70 : 0.45)
                ? FeeSector.SECTOR_1
                : u < (gp ? 0.85 : 0.60) ? FeeSector.OPTAM : FeeSector.SECTOR_2;
        boolean tele = random.nextDouble() < 0.35;
        boolean wheelchair = random.nextDouble() < 0.60;
        List<String> languages = new ArrayList<>();
        if (random.nextDouble() < 0.30) {
            languages.add(LANGUAGES[random.nextInt(LANGUAGES.length)]);
        }
        String phone = String.format(Locale.ROOT, "01 99 00 %02d %02d", random.nextInt(100), random.nextInt(100));
        String mail = ascii(first) + "." + ascii(last) + "." + sequence + "@synthetique.mssante.invalid";
        NewPatients status = switch (doctor.newPatients()) {
            case ACCEPTING -> NewPatients.ACCEPTING;
            case NOT_ACCEPTING -> NewPatients.NOT_ACCEPTING;
            case EXISTING_PATIENTS_ONLY -> NewPatients.EXISTING_PATIENTS_ONLY; // the generator never draws it
            case EXISTING_PATIENTS_AND_FAMILY_ONLY ->
                random.nextBoolean()
                        ? NewPatients.EXISTING_PATIENTS_AND_FAMILY_ONLY
                        : NewPatients.EXISTING_PATIENTS_ONLY;
        };
        int complexity = doctor.newPatients() == NewPatients.ACCEPTING ? 1 + random.nextInt(3) : 1;
        return new Profile(
                Rpps.synthetic(sequence),
                first,
                last,
                MedicalSpecialty.representative(doctor.specialty()),
                sector,
                tele,
                wheelchair,
                languages,
                phone,
                mail,
                status,
                complexity);
    }

    private static String ascii(String name) {
        return java.text.Normalizer.normalize(name, java.text.Normalizer.Form.NFD)
                .replaceAll("\\p{M}", "")
                .toLowerCase(Locale.ROOT)
                .replaceAll("[^a-z]", "");
    }
}
