package fr.traitant.cli.coverage;

import fr.traitant.cli.AtomicFiles;
import fr.traitant.cli.CsvTable;
import fr.traitant.cli.InputFileException;
import fr.traitant.cli.InputProblems;
import fr.traitant.engine.coverage.CoverageWorld;
import fr.traitant.engine.coverage.CoverageWorld.Commune;
import fr.traitant.engine.coverage.CoverageWorld.Trip;
import fr.traitant.engine.coverage.MaximalCovering;
import fr.traitant.engine.coverage.MaximalCovering.Candidate;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code traitant coverage}: road time to the nearest site, population covered, and where to open the next sites. */
@Command(
        name = "coverage",
        mixinStandardHelpOptions = true,
        description = {
            "Computes for each commune the road time to the nearest site (exactly the pairs of --travel-times are",
            "reachable; a commune reaches a site in its own commune in 0 minutes) and whether it is within --minutes;",
            "prints the population covered. With --propose K: at most K candidates maximising the population newly",
            "covered (best first), with a proven upper bound.",
            "Exit codes: 0 done, 2 invalid input (file:line: reason on stderr, no output written), 1 other error."
        })
public final class CoverageCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(names = "--communes", required = true, paramLabel = "FILE", description = "CSV code,population,lat,lon")
    Path communes;

    @Option(names = "--sites", required = true, paramLabel = "FILE", description = "CSV id,commune")
    Path sites;

    @Option(
            names = "--travel-times",
            required = true,
            paramLabel = "FILE",
            description = "CSV from,to,minutes between communes (from = where people live, to = a site's commune)")
    Path travelTimes;

    @Option(
            names = "--minutes",
            defaultValue = "30",
            paramLabel = "MINUTES",
            description = "A commune is covered within this time (default ${DEFAULT-VALUE}).")
    double minutes;

    @Option(names = "--candidates", paramLabel = "FILE", description = "CSV id,commune: where sites could be opened")
    Path candidates;

    @Option(names = "--propose", paramLabel = "K", description = "Propose at most K candidates (needs --candidates).")
    Integer propose;

    @Option(names = "--proposals-out", paramLabel = "FILE", description = "CSV id, the proposals best first")
    Path proposalsOut;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV code,minutes,covered")
    Path out;

    private final InputProblems problems = new InputProblems();

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        if (!(minutes >= 0)) problems.add("--minutes: must be 0 or more, not " + minutes);
        if (propose != null && propose < 0) problems.add("--propose: must be 0 or more, not " + propose);
        if (propose != null && (candidates == null || proposalsOut == null)) {
            problems.add("--propose needs --candidates and --proposals-out");
        }
        if (propose == null && (candidates != null || proposalsOut != null)) {
            problems.add("--candidates and --proposals-out go with --propose K");
        }
        List<Commune> communeList = readCommunes();
        Set<String> codes =
                new HashSet<>(communeList.stream().map(Commune::code).toList());
        List<Candidate> siteList = readPlaces(sites, codes, "site");
        List<Candidate> candidateList = candidates == null ? List.of() : readPlaces(candidates, codes, "candidate");
        List<Trip> trips = readTrips(codes);
        if (!problems.isEmpty()) return problems.report(err);
        CoverageWorld world = CoverageWorld.of(communeList, trips);
        List<String> siteCommunes = siteList.stream().map(Candidate::commune).toList();
        double[] nearest = world.minutesToNearest(siteCommunes);
        long total = world.totalPopulation(), covered = 0;
        for (int i = 0; i < nearest.length; i++)
            if (nearest[i] <= minutes) covered += communeList.get(i).population();
        MaximalCovering.Proposal proposal =
                propose == null ? null : MaximalCovering.propose(world, siteCommunes, candidateList, propose, minutes);
        try {
            AtomicFiles files = new AtomicFiles().add(out, w -> {
                w.write("code,minutes,covered\n");
                for (int i = 0; i < nearest.length; i++) {
                    w.write(InputProblems.csv(communeList.get(i).code()) + ","
                            + (Double.isInfinite(nearest[i]) ? "" : number(nearest[i])) + ","
                            + (nearest[i] <= minutes ? "1" : "0") + "\n");
                }
            });
            if (proposal != null) {
                files.add(proposalsOut, w -> {
                    w.write("id\n");
                    for (String id : proposal.selection()) w.write(InputProblems.csv(id) + "\n");
                });
            }
            files.commit();
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
            err.flush();
            return 1;
        }
        stdout.printf(
                Locale.ROOT, "communes: %d, sites: %d, population: %d%n", communeList.size(), siteList.size(), total);
        stdout.printf(
                Locale.ROOT,
                "population covered within %s minutes: %d of %d (%.2f %%)%n",
                number(minutes),
                covered,
                total,
                total == 0 ? 0.0 : 100.0 * covered / total);
        if (proposal != null) {
            stdout.printf(
                    Locale.ROOT,
                    "proposals: %d of at most %d (method: %s)%n",
                    proposal.selection().size(),
                    propose,
                    proposal.method());
            stdout.printf(
                    Locale.ROOT,
                    "newly covered population: %d, upper bound: %d (gap %.3f %%)%s%n",
                    proposal.covered(),
                    proposal.upperBound(),
                    100 * proposal.gap(),
                    proposal.proven() ? ", optimality: proven" : "");
            stdout.printf(
                    Locale.ROOT,
                    "population covered with the proposals: %d of %d (%.2f %%)%n",
                    covered + proposal.covered(),
                    total,
                    total == 0 ? 0.0 : 100.0 * (covered + proposal.covered()) / total);
        }
        stdout.flush();
        return 0;
    }

    private List<Commune> readCommunes() {
        List<Commune> result = new ArrayList<>();
        CsvTable table = problems.table(communes, "code", "population", "lat", "lon");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String code = row.requireText("code");
                long population = row.wholeNumber("population");
                if (population < 0) throw row.error("population must be 0 or more, not " + population);
                double lat = row.number("lat"), lon = row.number("lon");
                if (lat < -90 || lat > 90) throw row.error("lat must be between -90 and 90, not " + row.text("lat"));
                if (lon < -180 || lon > 180) {
                    throw row.error("lon must be between -180 and 180, not " + row.text("lon"));
                }
                if (!seen.add(code)) throw row.error("duplicate commune '" + code + "'");
                result.add(new Commune(code, population));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private List<Candidate> readPlaces(Path file, Set<String> codes, String what) {
        List<Candidate> result = new ArrayList<>();
        CsvTable table = problems.table(file, "id", "commune");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = row.requireText("id");
                String commune = row.requireText("commune");
                if (!codes.contains(commune)) throw row.error("unknown commune '" + commune + "'");
                if (!seen.add(id)) throw row.error("duplicate " + what + " id '" + id + "'");
                result.add(new Candidate(id, commune));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private List<Trip> readTrips(Set<String> codes) {
        List<Trip> result = new ArrayList<>();
        CsvTable table = problems.table(travelTimes, "from", "to", "minutes");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String from = row.requireText("from"), to = row.requireText("to");
                double m = row.number("minutes");
                if (!codes.contains(from)) throw row.error("unknown commune '" + from + "'");
                if (!codes.contains(to)) throw row.error("unknown commune '" + to + "'");
                if (m < 0) throw row.error("minutes must be 0 or more, not " + row.text("minutes"));
                if (!seen.add(from + "\u0000" + to))
                    throw row.error("pair given twice: '" + from + "' to '" + to + "'");
                result.add(new Trip(from, to, m));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
