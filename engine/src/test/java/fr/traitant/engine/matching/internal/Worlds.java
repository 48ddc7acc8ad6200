package fr.traitant.engine.matching.internal;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.ProgressListener;
import fr.traitant.engine.matching.TravelTimeTable;
import java.time.LocalDate;
import java.util.List;

/** Small worlds worked out by hand for the internal tests: everybody at one point, trips from a table. */
final class Worlds {

    static final GeoPoint HERE = new GeoPoint(43.12, 5.93);
    static final LocalDate JAN = LocalDate.of(2026, 1, 1);

    private Worlds() {}

    static Household household(String id, int size, int priority) {
        return Household.of(id, size, HERE, priority, JAN);
    }

    static Doctor doctor(String id, int capacity) {
        return Doctor.of(id, HERE, capacity);
    }

    /** The index of the world: every pair of the table within the households' 30-minute limit, no candidate limit. */
    static ProblemIndex index(TravelTimeTable table, List<Household> households, List<Doctor> doctors) {
        return ProblemIndex.build(households, doctors, table, 0, ProgressListener.NONE);
    }

    /** Seats the household at the doctor (their pair must be in the rows). */
    static void seat(MatchState st, String household, String doctor) {
        int h = st.p.householdIndex.get(household);
        st.assign(h, st.p.slotOf(h, st.p.doctorIndex.get(doctor)));
    }
}
