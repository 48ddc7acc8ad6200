package fr.traitant.engine.matching;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Explicit travel times: exactly the listed (household, doctor) pairs are reachable, with the
 * listed minutes; every other pair is unreachable. Immutable; build it with {@link #builder()}.
 */
public final class TravelTimeTable implements TravelTimeModel {

    /** One reachable pair. */
    public record Entry(String doctorId, double minutes) {}

    private final Map<String, List<Entry>> byHousehold;
    private final Map<String, Map<String, Double>> index;

    private TravelTimeTable(Map<String, List<Entry>> byHousehold) {
        this.byHousehold = byHousehold;
        this.index = new HashMap<>();
        byHousehold.forEach((h, entries) -> {
            Map<String, Double> m = new HashMap<>();
            for (Entry e : entries) m.put(e.doctorId(), e.minutes());
            index.put(h, m);
        });
    }

    public static Builder builder() {
        return new Builder();
    }

    /** Reachable doctors of a household (possibly empty), in insertion order. */
    public List<Entry> entriesOf(String householdId) {
        return byHousehold.getOrDefault(householdId, List.of());
    }

    @Override
    public double minutes(Household household, Doctor doctor) {
        Map<String, Double> m = index.get(household.id());
        if (m == null) return Double.NaN;
        Double v = m.get(doctor.id());
        return v == null ? Double.NaN : v;
    }

    @Override
    public double reachMetres(double minutes) {
        return Double.POSITIVE_INFINITY;
    }

    /** Collects pairs; a repeated pair is rejected. */
    public static final class Builder {
        private final Map<String, List<Entry>> byHousehold = new HashMap<>();
        private final Map<String, Map<String, Boolean>> seen = new HashMap<>();

        /**
         * Adds a reachable pair.
         *
         * @throws IllegalArgumentException if minutes is negative or not finite, or the pair was already added
         */
        public Builder add(String householdId, String doctorId, double minutes) {
            if (!(minutes >= 0 && Double.isFinite(minutes))) {
                throw new IllegalArgumentException("minutes must be finite and >= 0, got " + minutes);
            }
            if (seen.computeIfAbsent(householdId, k -> new HashMap<>()).put(doctorId, Boolean.TRUE) != null) {
                throw new IllegalArgumentException("pair (" + householdId + ", " + doctorId + ") listed twice");
            }
            byHousehold.computeIfAbsent(householdId, k -> new ArrayList<>()).add(new Entry(doctorId, minutes));
            return this;
        }

        public TravelTimeTable build() {
            Map<String, List<Entry>> copy = new HashMap<>();
            byHousehold.forEach((k, v) -> copy.put(k, Collections.unmodifiableList(new ArrayList<>(v))));
            return new TravelTimeTable(copy);
        }
    }
}
