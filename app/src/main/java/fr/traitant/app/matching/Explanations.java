package fr.traitant.app.matching;

import java.util.List;
import java.util.Locale;
import java.util.stream.Collectors;

/** The engine's explanations and reasons, in French for advisors and doctors. */
final class Explanations {

    private Explanations() {}

    /**
     * Priority reasons as a doctor sees them: the long-term condition without its group ("ALD : Diabète" → "ALD"),
     * the minimum necessary before the household is their patient.
     */
    static String reasonsForDoctor(String reasons) {
        return reasons == null ? "" : reasons.replaceAll("ALD : [^,]+", "ALD");
    }

    static String minutes(double minutes) {
        return fr.traitant.app.platform.FrenchNumbers.minutes(minutes);
    }

    /** "Médecin solidaire à 12 min de trajet estimé, 2e des 3 médecins possibles (le plus proche ayant de la place)". */
    static String reason(ZoneMatcher.Assignment a) {
        return (a.networkMember() ? "Médecin solidaire des Armées" : "Médecin") + " à " + minutes(a.minutes())
                + " de trajet estimé (" + String.format(Locale.FRANCE, "%.1f", a.distanceKm()) + " km à vol d'oiseau), "
                + (a.rank() == 1 ? "le plus proche" : a.rank() + "e") + " des " + a.eligibleDoctors()
                + " médecin(s) possible(s)";
    }

    static String passOver(String reason) {
        return switch (reason) {
            case "NOT_ACCEPTING" -> "n'accepte pas de nouveaux patients";
            case "NEED_NOT_MET" ->
                "ne répond pas à un besoin du foyer (enfants, accessibilité, langue, ALD ou vulnérabilité)";
            case "FULL" -> "complet : ses places vont à des foyers plus prioritaires ou plus proches de lui";
            case "DECLINED_OR_REFUSED" -> "a déjà décliné ce foyer, ou le foyer l'a refusé";
            case "NOT_SELECTED" -> "avait de la place mais n'a pas été retenu (solution approchée)";
            default -> reason;
        };
    }

    /** Nearer doctors passed over, e.g. "compte 12 à 10 min : complet : …"; empty when the nearest was proposed. */
    static String passedOver(List<ZoneMatcher.PassedOver> nearer) {
        return passedOver(nearer, id -> "médecin n° " + id);
    }

    /** The same, each doctor named by {@code label} (e.g. "Dr Prénom NOM"). */
    static String passedOver(List<ZoneMatcher.PassedOver> nearer, java.util.function.LongFunction<String> label) {
        return nearer.stream()
                .map(o -> label.apply(o.doctorId()) + " à " + minutes(o.minutes()) + " : " + passOver(o.reason()))
                .collect(Collectors.joining(" ; "));
    }

    static String unserved(String reason, double maxMinutes) {
        String limit = String.format(Locale.FRANCE, "%.0f minutes", maxMinutes);
        return switch (reason) {
            case "NO_DOCTOR_WITHIN_REACH" -> "Aucun médecin à moins de " + limit + " de trajet.";
            case "NO_ACCEPTING_DOCTOR_WITHIN_REACH" ->
                "Aucun médecin acceptant de nouveaux patients à moins de " + limit + ".";
            case "HOUSEHOLD_LARGER_THAN_ANY_CAPACITY" ->
                "Aucun médecin proche n'a assez de places pour tout le foyer (il n'est jamais séparé).";
            case "NEEDS_NOT_MET_WITHIN_REACH" ->
                "Aucun médecin proche ne répond aux besoins du foyer (enfants, accessibilité, langue, ALD ou vulnérabilité).";
            case "ALL_ELIGIBLE_DOCTORS_DECLINED_OR_REFUSED" ->
                "Tous les médecins possibles ont décliné ou été refusés.";
            case "ELIGIBLE_DOCTORS_FULL" ->
                "Les médecins possibles sont complets : leurs places vont à des foyers plus prioritaires "
                        + "(ou servent plus de personnes au total).";
            case "REMOVED_BY_ADVISOR" -> "Retiré du brouillon par le conseiller : pas de proposition à la publication.";
            default -> reason;
        };
    }
}
