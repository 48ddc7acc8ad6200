package fr.traitant.engine.missions;

import java.time.LocalDate;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Plans a month exactly. The problem is a flow: each volunteer sends at most their pledged days, each of their dates
 * goes to at most one site (one site a day), each site-date takes at most its rooms, and a site's k-th day is worth
 * need/k. Because the worth of further days at a site decreases, a minimum-cost flow with one unit arc per k-th day
 * (cost −need/k) takes them in order; the first day also earns one "site with a day". Costs are compared in the
 * objective's order — (sites with a day, need-weighted value, travel) — as vectors, which the successive shortest path
 * method allows (it needs only an ordered group of costs): every augmentation along a cheapest path keeps the flow
 * optimal for its size, and the method stops when no path has a negative cost. The plan found is therefore optimal in
 * the objective's lexicographic order (up to floating-point sums of need/k).
 *
 * <p>{@link #replan} completes a plan whose days are partly fixed (confirmed, or kept) after some volunteer-dates were
 * refused: the fixed days use their capacity and count at their sites, the rest is planned optimally around them.
 */
public final class MissionPlanner {

    private MissionPlanner() {}

    /** A volunteer's date taken out of a new plan (a refusal). */
    public record Refusal(String volunteer, LocalDate date) {}

    /** The optimal plan. */
    public static MissionPlan optimal(MissionProblem problem) {
        return replan(problem, List.of(), Set.of());
    }

    /**
     * The optimal plan that keeps the {@code fixed} days (which must follow the rules) and gives no day to a refused
     * volunteer-date.
     */
    public static MissionPlan replan(MissionProblem problem, List<MissionPlan.Day> fixed, Set<Refusal> refused) {
        List<String> broken = problem.violations(fixed);
        if (!broken.isEmpty()) throw new IllegalArgumentException("the kept days break a rule: " + broken);
        for (MissionPlan.Day d : fixed) {
            if (refused.contains(new Refusal(d.volunteer(), d.date()))) {
                throw new IllegalArgumentException("a kept day is refused: " + d);
            }
        }
        Flow flow = new Flow(problem, fixed, refused);
        flow.run();
        List<MissionPlan.Day> days = new ArrayList<>(fixed);
        days.addAll(flow.days());
        return MissionPlan.of(problem, days);
    }

    /**
     * The baseline: repeatedly the single day that improves the objective most (a first day at a site before anything
     * else, then the largest need/k, then the shortest trip), until none improves it.
     */
    public static MissionPlan greedy(MissionProblem problem) {
        int[] daysOf = new int[problem.volunteers.size()];
        int[] atSite = new int[problem.sites.size()];
        Set<String> volunteerDates = new HashSet<>();
        Map<String, Integer> siteDates = new HashMap<>();
        List<MissionPlan.Day> days = new ArrayList<>();
        while (true) {
            MissionProblem.Option best = null;
            int bestA = 0;
            double bestB = 0, bestC = 0;
            for (MissionProblem.Option o : problem.options) {
                MissionProblem.Volunteer v = problem.volunteers.get(o.volunteer());
                MissionProblem.Site s = problem.sites.get(o.site());
                if (daysOf[o.volunteer()] >= v.maxDays()) continue;
                if (volunteerDates.contains(o.volunteer() + "/" + o.date())) continue;
                if (siteDates.getOrDefault(o.site() + "/" + o.date(), 0) >= s.rooms()) continue;
                int a = atSite[o.site()] == 0 ? 1 : 0;
                double b = s.need() / (atSite[o.site()] + 1);
                double c = -o.minutes();
                if (a == 0 && b <= 0) continue; // adds nothing but travel
                if (best == null || a > bestA || (a == bestA && (b > bestB || (b == bestB && c > bestC)))) {
                    best = o;
                    bestA = a;
                    bestB = b;
                    bestC = c;
                }
            }
            if (best == null) break;
            daysOf[best.volunteer()]++;
            atSite[best.site()]++;
            volunteerDates.add(best.volunteer() + "/" + best.date());
            siteDates.merge(best.site() + "/" + best.date(), 1, Integer::sum);
            days.add(new MissionPlan.Day(
                    problem.volunteers.get(best.volunteer()).id(),
                    problem.sites.get(best.site()).id(),
                    best.date(),
                    best.minutes()));
        }
        return MissionPlan.of(problem, days);
    }

    /** The network and the successive shortest paths, costs as (sites, value, travel) vectors to minimise. */
    private static final class Flow {

        private final MissionProblem problem;
        private int nodes;
        private final int source = 0, sink = 1;
        // arcs in pairs (forward at even index, its reverse at odd)
        private int[] head = new int[0], next = new int[0], to = new int[0], cap = new int[0];
        private int[] costA = new int[0];
        private double[] costB = new double[0], costC = new double[0];
        private int arcs;
        private int[] first;
        /** The arcs volunteer-date → site-date, with their option. */
        private final Map<Integer, MissionProblem.Option> optionOfArc = new HashMap<>();

        private final double tolB, tolC;

        Flow(MissionProblem problem, List<MissionPlan.Day> fixed, Set<Refusal> refused) {
            this.problem = problem;
            int volunteers = problem.volunteers.size(), sites = problem.sites.size();
            int[] fixedDays = new int[volunteers];
            int[] fixedAtSite = new int[sites];
            Set<String> usedVolunteerDates = new HashSet<>();
            Map<String, Integer> usedRooms = new HashMap<>();
            for (MissionPlan.Day d : fixed) {
                int v = java.util.Objects.requireNonNull(problem.volunteerIndex.get(d.volunteer()));
                int s = java.util.Objects.requireNonNull(problem.siteIndex.get(d.site()));
                fixedDays[v]++;
                fixedAtSite[s]++;
                usedVolunteerDates.add(v + "/" + d.date());
                usedRooms.merge(s + "/" + d.date(), 1, Integer::sum);
            }
            nodes = 2;
            int[] volunteerNode = new int[volunteers];
            for (int v = 0; v < volunteers; v++) volunteerNode[v] = nodes++;
            int[] siteNode = new int[sites];
            for (int s = 0; s < sites; s++) siteNode[s] = nodes++;
            Map<String, Integer> volunteerDateNode = new HashMap<>();
            Map<String, Integer> siteDateNode = new HashMap<>();
            List<int[]> pending = new ArrayList<>(); // from, to, cap, costA; costs B and C alongside
            List<double[]> pendingCosts = new ArrayList<>();
            double needSum = 0, travelSum = 0;
            int[] reachable = new int[sites];
            Set<String> seenPair = new HashSet<>();
            for (int i = 0; i < problem.options.size(); i++) {
                MissionProblem.Option o = problem.options.get(i);
                int v = o.volunteer(), s = o.site();
                String vd = v + "/" + o.date(), sd = s + "/" + o.date();
                if (usedVolunteerDates.contains(vd)) continue;
                if (refused.contains(new Refusal(problem.volunteers.get(v).id(), o.date()))) continue;
                if (problem.volunteers.get(v).maxDays() - fixedDays[v] <= 0) continue;
                int rooms = problem.sites.get(s).rooms() - usedRooms.getOrDefault(sd, 0);
                if (rooms <= 0) continue;
                Integer a = volunteerDateNode.get(vd);
                if (a == null) {
                    a = nodes++;
                    volunteerDateNode.put(vd, a);
                    pending.add(new int[] {volunteerNode[v], a, 1, 0});
                    pendingCosts.add(new double[] {0, 0});
                }
                Integer b = siteDateNode.get(sd);
                if (b == null) {
                    b = nodes++;
                    siteDateNode.put(sd, b);
                    pending.add(new int[] {b, siteNode[s], rooms, 0});
                    pendingCosts.add(new double[] {0, 0});
                }
                pending.add(new int[] {a, b, 1, 0, 1 + i});
                pendingCosts.add(new double[] {0, o.minutes()});
                travelSum += o.minutes();
                if (seenPair.add(v + "/" + s))
                    reachable[s] += problem.volunteers.get(v).maxDays() - fixedDays[v];
            }
            for (int v = 0; v < volunteers; v++) {
                int left = problem.volunteers.get(v).maxDays() - fixedDays[v];
                if (left > 0) {
                    pending.add(new int[] {source, volunteerNode[v], left, 0});
                    pendingCosts.add(new double[] {0, 0});
                }
            }
            for (int s = 0; s < sites; s++) {
                MissionProblem.Site site = problem.sites.get(s);
                needSum += site.need() * (1 + Math.log(1 + reachable[s]));
                for (int k = fixedAtSite[s] + 1; k <= fixedAtSite[s] + reachable[s]; k++) {
                    pending.add(new int[] {siteNode[s], sink, 1, k == 1 ? -1 : 0});
                    pendingCosts.add(new double[] {-site.need() / k, 0});
                }
            }
            tolB = 1e-9 * Math.max(1, needSum);
            tolC = 1e-9 * Math.max(1, travelSum);
            first = new int[nodes];
            Arrays.fill(first, -1);
            int n = pending.size() * 2;
            next = new int[n];
            to = new int[n];
            cap = new int[n];
            costA = new int[n];
            costB = new double[n];
            costC = new double[n];
            for (int i = 0; i < pending.size(); i++) {
                int[] p = pending.get(i);
                double[] c = pendingCosts.get(i);
                int arc = add(p[0], p[1], p[2], p[3], c[0], c[1]);
                if (p.length > 4) optionOfArc.put(arc, problem.options.get(p[4] - 1));
            }
        }

        private int add(int from, int target, int capacity, int a, double b, double c) {
            int arc = arcs;
            link(from, target, capacity, a, b, c);
            link(target, from, 0, -a, -b, -c);
            return arc;
        }

        private void link(int from, int target, int capacity, int a, double b, double c) {
            to[arcs] = target;
            cap[arcs] = capacity;
            costA[arcs] = a;
            costB[arcs] = b;
            costC[arcs] = c;
            next[arcs] = first[from];
            first[from] = arcs;
            arcs++;
        }

        /** Whether (a1, b1, c1) is lexicographically smaller than (a2, b2, c2), beyond rounding. */
        private boolean less(long a1, double b1, double c1, long a2, double b2, double c2) {
            if (a1 != a2) return a1 < a2;
            if (b1 < b2 - tolB) return true;
            if (b1 > b2 + tolB) return false;
            return c1 < c2 - tolC;
        }

        void run() {
            long[] da = new long[nodes];
            double[] db = new double[nodes], dc = new double[nodes];
            int[] via = new int[nodes];
            boolean[] queued = new boolean[nodes];
            int[] pushes = new int[nodes];
            while (true) {
                Arrays.fill(da, Long.MAX_VALUE);
                Arrays.fill(via, -1);
                Arrays.fill(pushes, 0);
                da[source] = 0;
                db[source] = 0;
                dc[source] = 0;
                ArrayDeque<Integer> queue = new ArrayDeque<>();
                queue.add(source);
                queued[source] = true;
                while (!queue.isEmpty()) {
                    int u = queue.poll();
                    queued[u] = false;
                    for (int e = first[u]; e >= 0; e = next[e]) {
                        if (cap[e] <= 0) continue;
                        int w = to[e];
                        long a = da[u] + costA[e];
                        double b = db[u] + costB[e], c = dc[u] + costC[e];
                        if (da[w] == Long.MAX_VALUE || less(a, b, c, da[w], db[w], dc[w])) {
                            da[w] = a;
                            db[w] = b;
                            dc[w] = c;
                            via[w] = e;
                            // a node relaxed more often than there are nodes would mean a (rounding) cycle: stop it
                            if (!queued[w] && pushes[w]++ < nodes) {
                                queue.add(w);
                                queued[w] = true;
                            }
                        }
                    }
                }
                if (da[sink] == Long.MAX_VALUE || !less(da[sink], db[sink], dc[sink], 0, 0, 0)) return;
                // every path carries one unit (a volunteer-date arc has capacity 1)
                for (int w = sink; w != source; w = to[via[w] ^ 1]) {
                    cap[via[w]] -= 1;
                    cap[via[w] ^ 1] += 1;
                }
            }
        }

        List<MissionPlan.Day> days() {
            List<MissionPlan.Day> days = new ArrayList<>();
            optionOfArc.forEach((arc, o) -> {
                if (cap[arc] == 0) {
                    days.add(new MissionPlan.Day(
                            problem.volunteers.get(o.volunteer()).id(),
                            problem.sites.get(o.site()).id(),
                            o.date(),
                            o.minutes()));
                }
            });
            return days;
        }
    }
}
