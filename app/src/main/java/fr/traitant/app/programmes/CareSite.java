package fr.traitant.app.programmes;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * A care site of the registry.
 *
 * @param openingDays days open a week
 * @param nurse a nurse present (or nearby)
 * @param sector1 consultations without extra fees (sector 1 rates)
 * @param sas takes part in the SAS (service d'accès aux soins)
 * @param appointment48h commits to an appointment within 48 hours when needed
 */
public record CareSite(
        long id,
        String name,
        CareSiteKind kind,
        String address,
        String communeCode,
        int openingDays,
        boolean nurse,
        boolean sector1,
        boolean sas,
        boolean appointment48h,
        CareSiteStatus status,
        Instant statusChangedAt,
        boolean synthetic) {

    /** One of the label's criteria, met or not. */
    public record Criterion(String name, boolean met, String missing) {}

    /**
     * The label's criteria besides the 30 minutes (a matter of where the site is, measured by the coverage): an
     * appointment within 48 hours, a nurse, open at least 5 days a week, consultations without extra fees, the SAS.
     */
    public List<Criterion> criteria() {
        return List.of(
                new Criterion("Rendez-vous médical sous 48 heures si besoin", appointment48h, "rendez-vous sous 48 h"),
                new Criterion("Présence d’un infirmier (ou à proximité)", nurse, "infirmier"),
                new Criterion("Ouvert au moins 5 jours par semaine", openingDays >= 5, "5 jours d’ouverture"),
                new Criterion("Consultations sans dépassement d’honoraires (secteur 1)", sector1, "secteur 1"),
                new Criterion("Participation au service d’accès aux soins (SAS)", sas, "SAS"));
    }

    public boolean meetsEveryCriterion() {
        return criteria().stream().allMatch(Criterion::met);
    }

    /** "5 critères sur 5" or "3 critères sur 5 : il manque infirmier, SAS". */
    public String criteriaSummary() {
        List<Criterion> all = criteria();
        List<String> missing = new ArrayList<>();
        for (Criterion c : all) if (!c.met()) missing.add(c.missing());
        String met = (all.size() - missing.size()) + " critère" + (all.size() - missing.size() > 1 ? "s" : "") + " sur "
                + all.size();
        return missing.isEmpty() ? met + " : tous remplis" : met + " : il manque " + String.join(", ", missing);
    }
}
