package fr.traitant.cli.campaign;

import fr.traitant.cli.AtomicFiles;
import fr.traitant.cli.CsvTable;
import fr.traitant.cli.InputFileException;
import fr.traitant.cli.InputProblems;
import fr.traitant.engine.campaign.TargetingOptimiser;
import fr.traitant.engine.campaign.TargetingOptions;
import fr.traitant.engine.campaign.TargetingProblem;
import fr.traitant.engine.campaign.TargetingProblem.Candidate;
import fr.traitant.engine.campaign.TargetingProblem.DemandZone;
import fr.traitant.engine.campaign.TargetingProblem.Reach;
import fr.traitant.engine.campaign.TargetingResult;
import fr.traitant.engine.matching.ProgressListener;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code traitant campaign-target}: whom to write to, under a budget of letters. */
@Command(
        name = "campaign-target",
        mixinStandardHelpOptions = true,
        description = {
            "Selects at most --budget doctors to write to, maximising the expected people covered: the largest",
            "flow of expected places (p_sign x capacity) from the selected doctors to the demand within",
            "--max-minutes (each zone absorbs at most its people). Prints the value, a proven upper bound and",
            "the naive choice's value (the doctors nearest to a place of demand).",
            "Exit codes: 0 done, 2 invalid input (file:line: reason on stderr, no output written), 1 other error."
        })
public final class CampaignTargetCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--doctors", required = true, paramLabel = "FILE", description = "CSV id,lat,lon,p_sign,capacity")
    Path doctors;

    @Option(names = "--demand", required = true, paramLabel = "FILE", description = "CSV zone,lat,lon,people")
    Path demand;

    @Option(
            names = "--travel-times",
            required = true,
            paramLabel = "FILE",
            description = "CSV doctor,zone,minutes: exactly these pairs are eligible, when minutes <= --max-minutes")
    Path travelTimes;

    @Option(names = "--budget", required = true, paramLabel = "N", description = "Letters to send: at most N doctors")
    int budget;

    @Option(
            names = "--max-minutes",
            defaultValue = "30",
            paramLabel = "MINUTES",
            description = "Travel limit between a doctor and a place of demand (default ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV doctor, one selected per line")
    Path out;

    @Option(names = "--no-progress", description = "Do not show the progress bar.")
    boolean noProgress;

    private final InputProblems problems = new InputProblems();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (budget < 0) problems.add("--budget: must be 0 or more, not " + budget);
        if (!(maxMinutes >= 0)) problems.add("--max-minutes: must be 0 or more, not " + maxMinutes);
        List<Candidate> candidates = readDoctors();
        List<DemandZone> zones = readDemand();
        List<Reach> reach = problems.isEmpty() ? readTravelTimes(candidates, zones) : List.of();
        if (!problems.isEmpty()) return problems.report(err);
        TargetingProblem problem = TargetingProblem.of(candidates, zones, reach, maxMinutes);
        TargetingResult result;
        ProgressBar bar = noProgress
                ? null
                : new ProgressBarBuilder()
                        .setTaskName("campaign-target")
                        .setInitialMax(Math.max(1, budget))
                        .setStyle(ProgressBarStyle.ASCII)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(200)
                        .continuousUpdate() // the clock goes on during a long step
                        .build();
        try {
            ProgressListener listener = bar == null
                    ? ProgressListener.NONE
                    : (phase, done, total) -> {
                        bar.setExtraMessage(phase);
                        bar.maxHint(Math.max(1, total));
                        bar.stepTo(Math.min(done, Math.max(1, total)));
                    };
            result = TargetingOptimiser.select(problem, TargetingOptions.budget(budget), listener);
        } finally {
            if (bar != null) bar.close();
        }
        try {
            new AtomicFiles()
                    .add(out, w -> {
                        w.write("doctor\n");
                        for (String id : result.selection()) w.write(InputProblems.csv(id) + "\n");
                    })
                    .commit();
        } catch (IOException e) {
            err.println(out + ": cannot write: " + e.getMessage());
            err.flush();
            return 1;
        }
        printSummary(stdout, problem, result);
        stdout.flush();
        return 0;
    }

    private void printSummary(PrintWriter o, TargetingProblem problem, TargetingResult r) {
        o.printf(
                Locale.ROOT,
                "candidates: %d, places of demand: %d (%s people), pairs within %s minutes: %d%n",
                problem.candidates().size(),
                problem.zones().size(),
                number(problem.totalDemand()),
                number(maxMinutes),
                problem.pairCount());
        o.printf(
                Locale.ROOT,
                "selected: %d of a budget of %d (method: %s)%n",
                r.selection().size(),
                budget,
                r.method());
        o.printf(Locale.ROOT, "expected people covered: %s%n", number(r.value()));
        o.printf(
                Locale.ROOT,
                "upper bound: %s (gap %.3f %%)%s%n",
                number(r.upperBound()),
                100 * r.gap(),
                r.proven() ? ", optimality: proven" : "");
        o.printf(
                Locale.ROOT,
                "naive choice (nearest doctors to a place of demand, %d selected): %s%n",
                r.naiveSelection().size(),
                number(r.naiveValue()));
    }

    private static String number(double v) {
        return new java.math.BigDecimal(v)
                .setScale(2, java.math.RoundingMode.HALF_EVEN)
                .stripTrailingZeros()
                .toPlainString();
    }

    private List<Candidate> readDoctors() {
        List<Candidate> result = new ArrayList<>();
        CsvTable table = problems.table(doctors, "id", "lat", "lon", "p_sign", "capacity");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = row.requireText("id");
                position(row);
                double p = row.number("p_sign");
                if (p < 0 || p > 1) throw row.error("p_sign must be between 0 and 1, not " + row.text("p_sign"));
                long capacity = row.wholeNumber("capacity");
                if (capacity < 0 || capacity > Integer.MAX_VALUE) {
                    throw row.error("capacity must be a whole number 0 or more, not " + row.text("capacity"));
                }
                if (!seen.add(id)) throw row.error("duplicate doctor id '" + id + "'");
                result.add(new Candidate(id, p, (int) capacity));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private List<DemandZone> readDemand() {
        List<DemandZone> result = new ArrayList<>();
        CsvTable table = problems.table(demand, "zone", "lat", "lon", "people");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = row.requireText("zone");
                position(row);
                double people = row.number("people");
                if (people < 0) throw row.error("people must be 0 or more, not " + row.text("people"));
                if (!seen.add(id)) throw row.error("duplicate zone '" + id + "'");
                result.add(new DemandZone(id, people));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private List<Reach> readTravelTimes(List<Candidate> candidates, List<DemandZone> zones) {
        List<Reach> result = new ArrayList<>();
        CsvTable table = problems.table(travelTimes, "doctor", "zone", "minutes");
        if (table == null) return result;
        Set<String> doctorIds =
                new HashSet<>(candidates.stream().map(Candidate::id).toList());
        Set<String> zoneIds = new HashSet<>(zones.stream().map(DemandZone::id).toList());
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String doctor = row.requireText("doctor");
                String zone = row.requireText("zone");
                double minutes = row.number("minutes");
                if (!doctorIds.contains(doctor)) throw row.error("unknown doctor '" + doctor + "'");
                if (!zoneIds.contains(zone)) throw row.error("unknown zone '" + zone + "'");
                if (minutes < 0) throw row.error("minutes must be 0 or more, not " + row.text("minutes"));
                if (!seen.add(doctor + "\u0000" + zone)) {
                    throw row.error("pair given twice: doctor '" + doctor + "', zone '" + zone + "'");
                }
                result.add(new Reach(doctor, zone, minutes));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private static void position(CsvTable.Row row) throws InputFileException {
        double lat = row.number("lat"), lon = row.number("lon");
        if (lat < -90 || lat > 90) throw row.error("lat must be between -90 and 90, not " + row.text("lat"));
        if (lon < -180 || lon > 180) throw row.error("lon must be between -180 and 180, not " + row.text("lon"));
    }
}
