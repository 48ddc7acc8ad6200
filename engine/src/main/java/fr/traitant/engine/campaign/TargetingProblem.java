package fr.traitant.engine.campaign;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Candidate doctors, places of demand and the pairs within reach, indexed for the flow.
 *
 * <p>Candidates and zones are sorted by id, so that the result does not depend on the order of the
 * input. A pair is kept only when its travel time is at most {@code maxMinutes}; a candidate with
 * no zone within reach, or with no expected place, can add nothing to any selection.
 */
public final class TargetingProblem {

    /**
     * A doctor who could be written to.
     *
     * @param probability probability of signing the charter if written to (0–1)
     * @param places places the doctor would take after signing (≥ 0)
     */
    public record Candidate(String id, double probability, int places) {
        public Candidate {
            Objects.requireNonNull(id);
            if (!(probability >= 0 && probability <= 1)) {
                throw new IllegalArgumentException("probability of " + id + " outside 0–1: " + probability);
            }
            if (places < 0) throw new IllegalArgumentException("negative places for " + id + ": " + places);
        }

        /** Expected places: probability × places. */
        public double expectedPlaces() {
            return probability * places;
        }
    }

    /** People needing a doctor at one place (a commune, a garrison town). */
    public record DemandZone(String id, double people) {
        public DemandZone {
            Objects.requireNonNull(id);
            if (!(people >= 0) || Double.isInfinite(people)) {
                throw new IllegalArgumentException("people of " + id + " must be ≥ 0: " + people);
            }
        }
    }

    /** A candidate and a zone with the travel time between them, in minutes. */
    public record Reach(String candidate, String zone, double minutes) {}

    final List<Candidate> candidates;
    final List<DemandZone> zones;
    /** Expected places of each candidate, by index. */
    final double[] supply;
    /** People of each zone, by index. */
    final double[] demand;
    /** Pairs: candidate and zone index, minutes; sorted by candidate then zone. */
    final int[] pairCandidate;

    final int[] pairZone;
    final double[] pairMinutes;
    /** Pairs of candidate c: pairStart[c] .. pairStart[c+1]. */
    final int[] pairStart;
    /** Pairs of zone z, as pair indices: zonePairs[zoneStart[z] .. zoneStart[z+1]]. */
    final int[] zoneStart;

    final int[] zonePairs;

    private final List<String> candidateIds;

    private TargetingProblem(List<Candidate> candidates, List<DemandZone> zones, List<int[]> pairs, double[] minutes) {
        this.candidates = candidates;
        this.zones = zones;
        candidateIds = candidates.stream().map(Candidate::id).toList();
        supply = candidates.stream().mapToDouble(Candidate::expectedPlaces).toArray();
        demand = zones.stream().mapToDouble(DemandZone::people).toArray();
        int n = pairs.size();
        pairCandidate = new int[n];
        pairZone = new int[n];
        pairMinutes = new double[n];
        pairStart = new int[candidates.size() + 1];
        int[] zoneCount = new int[zones.size() + 1];
        for (int p = 0; p < n; p++) {
            int[] pair = pairs.get(p);
            pairCandidate[p] = pair[0];
            pairZone[p] = pair[1];
            pairMinutes[p] = minutes[pair[2]];
            pairStart[pair[0] + 1]++;
            zoneCount[pair[1] + 1]++;
        }
        for (int c = 0; c < candidates.size(); c++) pairStart[c + 1] += pairStart[c];
        for (int z = 0; z < zones.size(); z++) zoneCount[z + 1] += zoneCount[z];
        zoneStart = zoneCount.clone();
        zonePairs = new int[n];
        int[] next = Arrays.copyOf(zoneStart, zones.size());
        for (int p = 0; p < n; p++) zonePairs[next[pairZone[p]]++] = p;
    }

    /**
     * Builds the problem.
     *
     * @param reach pairs with their travel time; a pair over {@code maxMinutes} is not eligible
     * @throws IllegalArgumentException on a duplicate id or a pair naming an unknown candidate or zone
     */
    public static TargetingProblem of(
            List<Candidate> candidates, List<DemandZone> zones, List<Reach> reach, double maxMinutes) {
        List<Candidate> cs = new ArrayList<>(candidates);
        cs.sort(Comparator.comparing(Candidate::id));
        List<DemandZone> zs = new ArrayList<>(zones);
        zs.sort(Comparator.comparing(DemandZone::id));
        Map<String, Integer> ci = index(cs.stream().map(Candidate::id).toList(), "candidate");
        Map<String, Integer> zi = index(zs.stream().map(DemandZone::id).toList(), "zone");
        List<int[]> pairs = new ArrayList<>();
        double[] minutes = new double[reach.size()];
        for (int r = 0; r < reach.size(); r++) {
            Reach pair = reach.get(r);
            Integer c = ci.get(pair.candidate());
            Integer z = zi.get(pair.zone());
            if (c == null) throw new IllegalArgumentException("unknown candidate " + pair.candidate());
            if (z == null) throw new IllegalArgumentException("unknown zone " + pair.zone());
            minutes[r] = pair.minutes();
            if (pair.minutes() <= maxMinutes) pairs.add(new int[] {c, z, r});
        }
        pairs.sort(Comparator.<int[]>comparingInt(p -> p[0]).thenComparingInt(p -> p[1]));
        for (int p = 1; p < pairs.size(); p++) {
            if (pairs.get(p)[0] == pairs.get(p - 1)[0] && pairs.get(p)[1] == pairs.get(p - 1)[1]) {
                throw new IllegalArgumentException(
                        "pair given twice: " + cs.get(pairs.get(p)[0]).id() + ", "
                                + zs.get(pairs.get(p)[1]).id());
            }
        }
        return new TargetingProblem(List.copyOf(cs), List.copyOf(zs), pairs, minutes);
    }

    private static Map<String, Integer> index(List<String> ids, String what) {
        Map<String, Integer> index = new HashMap<>();
        for (int i = 0; i < ids.size(); i++) {
            if (index.put(ids.get(i), i) != null)
                throw new IllegalArgumentException("duplicate " + what + " " + ids.get(i));
        }
        return index;
    }

    public List<Candidate> candidates() {
        return candidates;
    }

    public List<DemandZone> zones() {
        return zones;
    }

    /** Number of eligible pairs (within the time limit). */
    public int pairCount() {
        return pairCandidate.length;
    }

    /** Total people in demand: no selection covers more. */
    public double totalDemand() {
        return Arrays.stream(demand).sum();
    }

    int candidateIndex(String id) {
        int i = java.util.Collections.binarySearch(candidateIds, id);
        if (i < 0) throw new IllegalArgumentException("unknown candidate " + id);
        return i;
    }
}
