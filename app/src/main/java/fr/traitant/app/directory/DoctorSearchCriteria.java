package fr.traitant.app.directory;

import fr.traitant.engine.geo.GeoPoint;
import java.util.Optional;

/**
 * What a person looks for. At least an origin or a name.
 *
 * @param origin               where the trip starts, if searching near a place
 * @param name                 part of the doctor's name (accents and case ignored), or empty
 * @param acceptingNewPatients only doctors accepting new patients
 * @param networkMember        only "médecins solidaires" (charter signatories)
 * @param sector1              only sector 1 (no extra fees)
 * @param specialtyCode        nomenclature code (SM54…), or empty for any
 * @param teleconsultation     only doctors offering teleconsultation
 * @param wheelchairAccess     only wheelchair-accessible practices
 * @param language             ISO 639-1 code of a language spoken, or empty
 * @param radiusKm             search radius around the origin, km, in (0, 200]
 * @param limit                number of doctors wanted, 1 to 100
 */
public record DoctorSearchCriteria(
        Optional<GeoPoint> origin,
        String name,
        boolean acceptingNewPatients,
        boolean networkMember,
        boolean sector1,
        String specialtyCode,
        boolean teleconsultation,
        boolean wheelchairAccess,
        String language,
        double radiusKm,
        int limit) {

    public static final double DEFAULT_RADIUS_KM = 30;
    public static final double MAX_RADIUS_KM = 200;
    public static final int DEFAULT_LIMIT = 20;
    public static final int MAX_LIMIT = 100;

    public DoctorSearchCriteria {
        name = name == null ? "" : name.strip();
        specialtyCode = specialtyCode == null ? "" : specialtyCode.strip().toUpperCase(java.util.Locale.ROOT);
        language = language == null ? "" : language.strip().toLowerCase(java.util.Locale.ROOT);
        if (origin.isEmpty() && name.isEmpty()) {
            throw new IllegalArgumentException(
                    "Indiquez un lieu (commune, code postal ou position) ou un nom de médecin.");
        }
        if (name.length() > 100) {
            throw new IllegalArgumentException("Le nom recherché dépasse 100 caractères.");
        }
        if (!(radiusKm > 0 && radiusKm <= MAX_RADIUS_KM)) {
            throw new IllegalArgumentException(
                    "Le rayon de recherche doit être compris entre 0 et " + (int) MAX_RADIUS_KM + " km.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "Le nombre de résultats doit être compris entre 1 et " + MAX_LIMIT + ".");
        }
        if (!specialtyCode.isEmpty()
                && fr.traitant.engine.directory.MedicalSpecialty.find(specialtyCode)
                        .isEmpty()) {
            throw new IllegalArgumentException("Spécialité inconnue : « " + specialtyCode + " ».");
        }
        if (!language.isEmpty() && !language.matches("[a-z]{2}")) {
            throw new IllegalArgumentException("Langue invalide : « " + language + " » (code à deux lettres, ex. en).");
        }
    }

    /** The same criteria with another radius. */
    public DoctorSearchCriteria withRadiusKm(double km) {
        return new DoctorSearchCriteria(
                origin,
                name,
                acceptingNewPatients,
                networkMember,
                sector1,
                specialtyCode,
                teleconsultation,
                wheelchairAccess,
                language,
                km,
                limit);
    }
}
