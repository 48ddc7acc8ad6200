package fr.traitant.app.matching;

import fr.traitant.engine.geo.GeoPoint;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * Serves households in priority order, then oldest first; each gets a network doctor with room for the whole family
 * within {@code traitant.matching.max-distance-km} (default 30) if there is one, else the nearest doctor with room.
 * Deterministic (ties by id). Not optimal across the territory (that is the engine's job, ADR 0031).
 */
@Component
class GreedyZoneMatcher implements ZoneMatcher {

    private final double maxDistanceKm;

    GreedyZoneMatcher(@Value("${traitant.matching.max-distance-km:30}") double maxDistanceKm) {
        this.maxDistanceKm = maxDistanceKm;
    }

    @Override
    public List<Assignment> match(List<Demand> demands, List<Supply> supplies, Set<String> excluded) {
        int[] remaining = supplies.stream().mapToInt(Supply::remaining).toArray();
        List<Demand> order = new ArrayList<>(demands);
        order.sort(Comparator.comparingInt(Demand::priority).thenComparing(Demand::waitingSince).thenComparingLong(Demand::entryId));
        List<Assignment> result = new ArrayList<>();
        for (Demand d : order) {
            int best = -1;
            double bestKm = Double.MAX_VALUE;
            boolean bestNetwork = false;
            for (int i = 0; i < supplies.size(); i++) {
                Supply s = supplies.get(i);
                if (remaining[i] < d.people() || excluded.contains(d.householdId() + ":" + s.doctorAccountId())) {
                    continue;
                }
                double km = new GeoPoint(d.lat(), d.lon()).distanceMetresTo(new GeoPoint(s.lat(), s.lon())) / 1000;
                boolean network = s.networkMember() && km <= maxDistanceKm;
                if (best < 0 || (network && !bestNetwork) || (network == bestNetwork && km < bestKm)) {
                    best = i;
                    bestKm = km;
                    bestNetwork = network;
                }
            }
            if (best >= 0) {
                remaining[best] -= d.people();
                Supply s = supplies.get(best);
                result.add(new Assignment(d.entryId(), s.doctorAccountId(), Math.round(bestKm * 10) / 10.0,
                        (bestNetwork ? "Médecin solidaire à " : "Médecin le plus proche ayant de la place, à ") + Math.round(bestKm) + " km"));
            }
        }
        return result;
    }
}
