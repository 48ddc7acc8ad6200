package fr.traitant.benchmarks;

import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingOptions;
import fr.traitant.engine.matching.MatchingResult;
import fr.traitant.engine.matching.MatchingSession;
import fr.traitant.engine.matching.Proposal;
import fr.traitant.engine.matching.RematchOutcome;
import fr.traitant.engine.matching.RoadTravelTimes;
import java.lang.management.ManagementFactory;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Prints the matching figures of docs/methodology/matching.md: national instance (400,000
 * households, ~714,000 people, 52,000 doctors, 30 minutes), one département (10,000 households),
 * incremental re-match after one refusal; the per-class certificate (served, proven bound, gap). Run with {@code -Xmx2g}:
 * {@code java -Xmx2g -cp benchmarks/target/benchmarks.jar fr.traitant.benchmarks.MatchingFigures [national|departement|all]
 * [exactLimit]}.
 */
public final class MatchingFigures {

    public static void main(String[] args) {
        String what = args.length > 0 ? args[0] : "all";
        System.out.printf(
                "JVM %s, max heap %d MB, %d processors%n",
                Runtime.version(),
                Runtime.getRuntime().maxMemory() >> 20,
                Runtime.getRuntime().availableProcessors());
        if (what.equals("all") || what.equals("departement")) departement();
        if (args.length > 1) exactLimit = Integer.parseInt(args[1]);
        if (what.equals("all") || what.equals("national")) national();
    }

    /** Exact component limit of the national run (second argument; default: the engine's). */
    static int exactLimit = MatchingOptions.DEFAULT.exactComponentLimit();

    static void departement() {
        // Bouches-du-Rhône: 10,000 households, doctors in the national proportion (52,000 / 400,000)
        MatchingInstances.Instance in = MatchingInstances.generate(13, 10_000, 1_300, "13"::equals);
        double[] ms = new double[15];
        MatchingResult r = null;
        for (int i = 0; i < ms.length; i++) {
            long t0 = System.nanoTime();
            r = Matcher.solve(in.households(), in.doctors()).result();
            ms[i] = (System.nanoTime() - t0) / 1e6;
        }
        double[] measured = Arrays.copyOfRange(ms, 5, ms.length);
        Arrays.sort(measured);
        System.out.printf(
                "departement 13: %d households, %d people, %d doctors%n",
                in.households().size(), in.people(), in.doctors().size());
        System.out.printf(
                "  solve: median %.1f ms, min %.1f ms, max %.1f ms (10 runs after 5 warm-up)%n",
                measured[measured.length / 2], measured[0], measured[measured.length - 1]);
        System.out.printf("  %s%n  %s%n", r.objective(), r.statistics());
    }

    static void national() {
        MatchingInstances.Instance in = MatchingInstances.generate(2026, 400_000, 52_000, d -> true);
        System.out.printf(
                "national: %d households, %d people, %d doctors, %d places%n",
                in.households().size(),
                in.people(),
                in.doctors().size(),
                in.doctors().stream()
                        .filter(d -> d.accepting())
                        .mapToLong(d -> d.capacity())
                        .sum());
        System.gc();
        HeapPeak heap = HeapPeak.start();
        long cpu0 = processCpuNanos();
        long t0 = System.nanoTime();
        long[] phaseStart = {t0};
        String[] phase = {""};
        MatchingOptions options = MatchingOptions.DEFAULT
                .withExactComponentLimit(exactLimit)
                .withProgress((p, done, total) -> {
                    if (!p.equals(phase[0])) {
                        long now = System.nanoTime();
                        if (!phase[0].isEmpty())
                            System.out.printf("  phase %-10s %7.0f ms%n", phase[0], (now - phaseStart[0]) / 1e6);
                        phase[0] = p;
                        phaseStart[0] = now;
                    }
                });
        MatchingSession session = Matcher.solve(in.households(), in.doctors(), RoadTravelTimes.DEFAULT, options);
        long t1 = System.nanoTime();
        System.out.printf("  phase %-10s %7.0f ms%n", phase[0], (t1 - phaseStart[0]) / 1e6);
        MatchingResult r = session.result();
        System.out.printf(
                "  solve: %.0f ms wall, %.0f ms CPU (all threads), peak heap %d MB%n",
                (t1 - t0) / 1e6, (processCpuNanos() - cpu0) / 1e6, heap.peakMb());
        heap.close();
        System.out.printf("  %s%n  %s%n", r.objective(), r.statistics());
        var certificate = r.statistics().certificate();
        for (int c = 1; c <= 5; c++) {
            System.out.printf(
                    "  bound: priority %d: served %d of at most %d (gap %.3f %%)%n",
                    c, certificate.served(c), certificate.bound(c), 100 * certificate.gap(c));
        }
        System.out.printf(
                "  served %d of %d households; unserved by reason: %s%n",
                r.proposals().size(),
                in.households().size(),
                r.unserved().stream()
                        .collect(java.util.stream.Collectors.groupingBy(
                                u -> u.reason(), java.util.stream.Collectors.counting())));

        // incremental re-match: a doctor declines a proposed household, 300 times
        List<Proposal> ps = r.proposals();
        SplittableRandom rnd = new SplittableRandom(7);
        long w0 = System.nanoTime();
        Proposal first = ps.get(rnd.nextInt(ps.size()));
        session.declineByDoctor(first.doctorId(), first.householdId());
        System.out.printf(
                "  first re-match (builds the doctor -> households index): %.1f ms%n", (System.nanoTime() - w0) / 1e6);
        int n = 300;
        double[] ms = new double[n];
        int changes = 0;
        for (int i = 0; i < n; i++) {
            Proposal p = ps.get(rnd.nextInt(ps.size()));
            if (session.doctorOf(p.householdId()).isEmpty()) {
                i--;
                continue;
            }
            String doctor = session.doctorOf(p.householdId()).get();
            long s0 = System.nanoTime();
            RematchOutcome out = i % 2 == 0
                    ? session.declineByDoctor(doctor, p.householdId())
                    : session.refuseByHousehold(p.householdId(), doctor);
            ms[i] = (System.nanoTime() - s0) / 1e6;
            changes += out.changes().size();
        }
        Arrays.sort(ms);
        System.out.printf(
                "  re-match after one decline/refusal (%d runs): median %.2f ms, p95 %.2f ms, max %.2f ms; "
                        + "%.2f households changed per re-match%n",
                n, ms[n / 2], ms[(int) (n * 0.95)], ms[n - 1], changes / (double) n);
        System.out.printf("  objective after %d re-matches: %s%n", n + 1, session.objective());
    }

    static long processCpuNanos() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
