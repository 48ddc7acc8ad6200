package fr.traitant.cli;

import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingOptions;
import fr.traitant.engine.matching.MatchingResult;
import fr.traitant.engine.matching.Objective;
import fr.traitant.engine.matching.ProgressListener;
import fr.traitant.engine.matching.Proposal;
import fr.traitant.engine.matching.RoadTravelTimes;
import fr.traitant.engine.matching.TravelTimeModel;
import fr.traitant.engine.matching.TravelTimeTable;
import fr.traitant.engine.matching.UnservedHousehold;
import fr.traitant.engine.matching.UnservedReason;
import java.io.BufferedWriter;
import java.io.IOException;
import java.io.PrintWriter;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.stream.Collectors;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code traitant match}: optimal matching of households to doctors from CSV files. */
@Command(
        name = "match",
        mixinStandardHelpOptions = true,
        description = {
            "Proposes a doctor to each household: most people of priority 1 first, then 2, ... 5,",
            "then least total person-minutes, ties to the longest waiting then by id.",
            "Households are served whole by one doctor within their max_minutes with enough capacity.",
            "Without --travel-times, travel time = crow-fly km x 1.3 / 40 km/h (1.95 min per km).",
            "Exit codes: 0 done, 2 invalid input (file:line: reason on stderr, no output written), 1 other error."
        })
public final class MatchCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--households",
            required = true,
            paramLabel = "FILE",
            description = "CSV id,size,lat,lon,priority,waiting_since,max_minutes[,needs]")
    Path households;

    @Option(
            names = "--doctors",
            required = true,
            paramLabel = "FILE",
            description = "CSV id,lat,lon,capacity[,accepting][,capabilities]")
    Path doctors;

    @Option(
            names = "--travel-times",
            paramLabel = "FILE",
            description = "CSV household,doctor,minutes: exactly these pairs are reachable, with these times "
                    + "(a pair longer than the household's max_minutes is still not eligible)")
    Path travelTimes;

    @Option(
            names = "--out",
            required = true,
            paramLabel = "FILE",
            description = "CSV household,doctor,minutes, one line per served household")
    Path out;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    @Option(
            names = "--exact-limit",
            defaultValue = "10000",
            paramLabel = "N",
            description =
                    "Solve components of at most N households exactly: up to 400 households branch-and-bound, then"
                            + " SCIP/CP-SAT when it does not prove the optimum; larger ones class by class (flow bound, chains of moves,"
                            + " SCIP). Above N: heuristic with its certificate. 400 is much faster on large components"
                            + " (default ${DEFAULT-VALUE}).")
    int exactLimit;

    @Option(
            names = "--work-budget",
            defaultValue = "20000000",
            paramLabel = "UNITS",
            description =
                    "Branch-and-bound work budget per component before CP-SAT takes over (default ${DEFAULT-VALUE}).")
    long workBudget;

    @Option(
            names = "--cp-sat-limit",
            defaultValue = "10",
            paramLabel = "UNITS",
            description = "Limit of the OR-Tools stage per lexicographic stage and component: CP-SAT deterministic"
                    + " time units (about a second of work each) and 5,000 SCIP nodes per unit; never wall-clock,"
                    + " so results are reproducible; 0 = no OR-Tools stage (default ${DEFAULT-VALUE}).")
    double cpSatLimit;

    @Option(
            names = "--windows",
            defaultValue = "1",
            paramLabel = "W",
            description =
                    "Fix-and-optimise after the heuristic on components above --exact-limit (up to 5,000 households):"
                            + " at most W windows of"
                            + " neighbouring doctors (re-solved exactly, everything else fixed) per household of the component;"
                            + " a deterministic count, not a time; 0 = off (default ${DEFAULT-VALUE}).")
    double windows;

    @Option(
            names = "--candidate-limit",
            defaultValue = "0",
            paramLabel = "K",
            description = "Keep the K nearest eligible doctors per household (0 = automatic: all unless huge).")
    int candidateLimit;

    @Option(
            names = "--network-preference",
            defaultValue = "10",
            paramLabel = "MINUTES",
            description =
                    "Minutes a transferred household's trip to a doctor outside the network counts more (default 10, as the platform; 0 = none).")
    double networkPreference;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        List<Household> hs;
        List<Doctor> ds;
        TravelTimeModel travel = RoadTravelTimes.DEFAULT;
        MatchInputs in = new MatchInputs();
        try {
            hs = in.households(households);
            ds = in.doctors(doctors);
            in.failIfAny();
            if (travelTimes != null) {
                Set<String> hIds = hs.stream().map(Household::id).collect(Collectors.toSet());
                Set<String> dIds = ds.stream().map(Doctor::id).collect(Collectors.toSet());
                TravelTimeTable table = in.travelTimes(travelTimes, hIds, dIds);
                in.failIfAny();
                travel = table;
                long over = 0;
                Map<String, Household> byId = hs.stream().collect(Collectors.toMap(Household::id, h -> h));
                for (Household h : hs) {
                    for (TravelTimeTable.Entry e : table.entriesOf(h.id()))
                        if (e.minutes() > byId.get(h.id()).maxMinutes()) over++;
                }
                if (over > 0)
                    err.println(
                            "note: " + over + " listed pairs exceed the household's max_minutes and are not eligible");
            }
        } catch (MatchInputs.InvalidInput e) {
            for (String p : e.problems) err.println(p);
            if (e.problems.size() >= MatchInputs.MAX_PROBLEMS)
                err.println("(stopped after " + MatchInputs.MAX_PROBLEMS + " problems)");
            err.println("invalid input: nothing written");
            err.flush();
            return 2;
        }

        MatchingResult result;
        ProgressBar bar = noProgress
                ? null
                : new ProgressBarBuilder()
                        .setTaskName("match")
                        .setInitialMax(100)
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(200)
                        .continuousUpdate() // the clock goes on during a long step (a component's person-minutes)
                        .build();
        try {
            ProgressListener listener = bar == null
                    ? ProgressListener.NONE
                    : (phase, done, total) -> {
                        bar.setExtraMessage(phase);
                        bar.maxHint(Math.max(1, total));
                        bar.stepTo(Math.min(done, Math.max(1, total)));
                    };
            MatchingOptions options = new MatchingOptions(
                    candidateLimit, exactLimit, workBudget, listener, cpSatLimit, true, windows, networkPreference);
            result = Matcher.solve(hs, ds, travel, options).result();
        } finally {
            if (bar != null) bar.close();
        }

        try {
            writeAtomically(out, result.proposals());
        } catch (IOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            err.flush();
            return 1;
        }
        printSummary(stdout, hs, ds, result);
        stdout.flush();
        return 0;
    }

    static String minutes(double m) {
        return BigDecimal.valueOf(Math.round(m * 100), 2).stripTrailingZeros().toPlainString();
    }

    /** Writes next to the target, then moves it into place, so that a failure leaves no partial file. */
    static void writeAtomically(Path target, List<Proposal> proposals) throws IOException {
        Path abs = target.toAbsolutePath();
        Path dir = abs.getParent();
        Files.createDirectories(dir);
        Path tmp = Files.createTempFile(dir, "." + abs.getFileName(), ".tmp");
        try {
            try (BufferedWriter w = Files.newBufferedWriter(tmp, StandardCharsets.UTF_8)) {
                w.write("household,doctor,minutes\n");
                for (Proposal p : proposals) {
                    w.write(csv(p.householdId()) + "," + csv(p.doctorId()) + "," + minutes(p.minutes()) + "\n");
                }
            }
            try {
                Files.move(tmp, abs, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(tmp, abs, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(tmp);
        }
    }

    private static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }

    private static void printSummary(PrintWriter o, List<Household> hs, List<Doctor> ds, MatchingResult r) {
        Objective obj = r.objective();
        long[] people = new long[6];
        for (Household h : hs) people[h.priority()] += h.size();
        o.printf(
                "households: %d (%d people), doctors: %d (%d places)%n",
                hs.size(),
                hs.stream().mapToLong(Household::size).sum(),
                ds.size(),
                ds.stream()
                        .filter(Doctor::accepting)
                        .mapToLong(Doctor::capacity)
                        .sum());
        o.println("people served per priority class:");
        for (int c = 1; c <= 5; c++) o.printf("  priority %d: %d of %d%n", c, obj.peopleServed(c), people[c]);
        o.printf("served households: %d (%d people)%n", r.proposals().size(), obj.peopleServed());
        o.printf("total person-minutes: %s%n", minutes(obj.personMinutes()));
        List<UnservedHousehold> un = r.unserved();
        o.printf(
                "unserved households: %d (%d people)%n",
                un.size(), un.stream().mapToLong(UnservedHousehold::size).sum());
        Map<UnservedReason, Long> byReason = new EnumMap<>(UnservedReason.class);
        for (UnservedHousehold u : un) byReason.merge(u.reason(), 1L, Long::sum);
        byReason.forEach((k, v) -> o.printf("  %s: %d%n", k.name().toLowerCase().replace('_', ' '), v));
        int shown = Math.min(un.size(), 30);
        if (shown > 0) {
            o.println("  "
                    + un.subList(0, shown).stream()
                            .map(UnservedHousehold::householdId)
                            .collect(Collectors.joining(" ")) + (un.size() > shown ? " ..." : ""));
        }
        var st = r.statistics();
        o.printf(
                "method: %d components; %d given to the exact solvers, %d proven optimal (%d handed by branch-and-bound to OR-Tools:"
                        + " SCIP, then CP-SAT); tie-break proven in %d; %d households heuristic only%n",
                st.components(),
                st.exactComponents(),
                st.provenOptimalComponents(),
                st.orToolsComponents(),
                st.tieBreakProvenComponents(),
                st.heuristicHouseholds());
        var cert = st.certificate();
        for (int c = 1; c <= 5; c++) {
            o.printf(
                    "bound: priority %d: served %d of at most %d%s%n",
                    c,
                    cert.served(c),
                    cert.bound(c),
                    cert.served(c) == cert.bound(c)
                            ? ""
                            : String.format(Locale.ROOT, " (gap %.3f %%)", 100 * cert.gap(c)));
        }
        double minutes = cert.personCentiminutes() / 100.0;
        if (cert.personMinutesProven() && cert.peopleProven())
            o.printf(Locale.ROOT, "bound: person-minutes: %.2f, proven minimal%n", minutes);
        else if (cert.personCentiminutesBound().isPresent())
            o.printf(
                    Locale.ROOT,
                    "bound: person-minutes: %.2f, at least %.2f (gap %.3f %%)%n",
                    minutes,
                    cert.personCentiminutesBound().getAsLong() / 100.0,
                    100 * cert.personMinutesGap().orElse(0));
        else o.printf(Locale.ROOT, "bound: person-minutes: %.2f, no proven lower bound for this instance%n", minutes);
        o.println(
                st.provenOptimal()
                        ? "optimality: proven (people per priority class up to their bounds, then person-minutes)"
                        : "optimality: NOT proven optimal: " + notProvenBecause(st));
    }

    private static String notProvenBecause(fr.traitant.engine.matching.SolveStatistics st) {
        List<String> why = new java.util.ArrayList<>();
        var cert = st.certificate();
        for (int c = 1; c <= 5; c++) if (cert.served(c) < cert.bound(c)) why.add("priority " + c + " below its bound");
        if (cert.peopleProven() && !cert.personMinutesProven()) why.add("person-minutes not proven minimal");
        if (st.heuristicHouseholds() > 0)
            why.add(
                    st.heuristicHouseholds()
                            + " households in components above --exact-limit (heuristic, then fix-and-optimise windows when --windows > 0)");
        if (st.exactComponents() > st.provenOptimalComponents()) {
            why.add((st.exactComponents() - st.provenOptimalComponents())
                    + " exact components not proven within the limits");
        }
        if (st.candidateLimit() != Integer.MAX_VALUE)
            why.add("candidate lists capped at " + st.candidateLimit() + " doctors per household");
        return String.join("; ", why);
    }
}
