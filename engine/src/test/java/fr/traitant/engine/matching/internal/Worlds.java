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

    /**
     * A random world: {@code doctors} doctors of 1–8 places, {@code households} households of 1–4 people and priority
     * 1–5, each pair reachable with probability ⅓ at 1–29 minutes.
     */
    static ProblemIndex random(java.util.Random random, int households, int doctors) {
        TravelTimeTable.Builder table = TravelTimeTable.builder();
        List<Household> hs = new java.util.ArrayList<>();
        List<Doctor> ds = new java.util.ArrayList<>();
        for (int d = 0; d < doctors; d++) ds.add(doctor("D" + d, 1 + random.nextInt(8)));
        for (int h = 0; h < households; h++) {
            String id = "H" + (100 + h);
            hs.add(household(id, 1 + random.nextInt(4), 1 + random.nextInt(5)));
            for (int d = 0; d < doctors; d++)
                if (random.nextInt(3) == 0) table.add(id, "D" + d, 1 + random.nextInt(29));
        }
        return index(table.build(), hs, ds);
    }

    /** Seats the household at the doctor (their pair must be in the rows). */
    static void seat(MatchState st, String household, String doctor) {
        int h = st.p.householdIndex.get(household);
        st.assign(h, st.p.slotOf(h, st.p.doctorIndex.get(doctor)));
    }
}
