package fr.traitant.app.matching;

import java.util.List;

/**
 * The requests for help about finding a médecin traitant (PASS accompaniment, conciliation) open for a household, as
 * the family's "Mon médecin traitant" page shows them: one status for the family. Implemented by the {@code cases}
 * module, which depends on this one (not the reverse).
 */
public interface HouseholdRequests {

    /** A request as the family reads it: "PASS-2026-000123", "Accompagnement PASS", "En cours de traitement". */
    record Summary(String reference, String kindLabel, String statusLabel) {}

    List<Summary> openFindDoctorRequests(long householdId);
}
