package fr.traitant.cli.accessibility;

import fr.traitant.cli.AtomicFiles;
import fr.traitant.cli.InputFileException;
import fr.traitant.engine.accessibility.AccessibilityCalculator;
import fr.traitant.engine.accessibility.AccessibilityParameters;
import fr.traitant.engine.accessibility.AccessibilityResult;
import fr.traitant.engine.accessibility.AreaScore;
import fr.traitant.engine.accessibility.DoctorActivity;
import fr.traitant.engine.accessibility.ProgressListener;
import fr.traitant.engine.accessibility.StepDecay;
import fr.traitant.engine.supply.SyntheticDoctor;
import fr.traitant.engine.supply.SyntheticSupplyGenerator;
import fr.traitant.engine.supply.SyntheticSupplyParameters;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import fr.traitant.engine.travel.TravelTimes;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.MathContext;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import me.tongfei.progressbar.ConsoleProgressBarConsumer;
import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/**
 * {@code traitant accessibility}: the APL indicator (E2SFCA) for every commune, from files.
 * Every input is read and validated before any output is written; outputs appear atomically.
 */
@Command(
        name = "accessibility",
        mixinStandardHelpOptions = true,
        description = {
            "Computes the APL accessibility indicator (E2SFCA, as DREES) for every commune.",
            "Without --doctors, uses SYNTHETIC general practitioners (seeded generator, not real data)."
        },
        exitCodeListHeading = "%nExit codes:%n",
        exitCodeList = {"0:done", "1:bad input (message: file:line: reason)", "2:bad command-line usage"})
public final class AccessibilityCommand implements Callable<Integer> {

    @Spec
    private CommandSpec spec;

    @Option(
            names = "--communes",
            paramLabel = "FILE",
            description =
                    "CSV code,population,lat,lon[,name,area_km2,epci,departement,region] (.gz allowed). Default: the shipped communes.")
    private Path communesFile;

    @Option(
            names = "--doctors",
            paramLabel = "FILE",
            description =
                    "CSV id,consultations and commune or lat,lon (nearest commune); optional age. Default: synthetic GPs.")
    private Path doctorsFile;

    @Option(
            names = "--seed",
            defaultValue = "1",
            description = "Seed of the synthetic supply (default ${DEFAULT-VALUE}).")
    private long seed;

    @Option(
            names = "--synthetic-doctors",
            defaultValue = "100000",
            description =
                    "Doctors (all specialties) to generate; GPs among them are the supply (default ${DEFAULT-VALUE}).")
    private int syntheticDoctors;

    @Option(
            names = "--travel-times",
            paramLabel = "FILE",
            description =
                    "CSV origin,destination,minutes of commune codes: exactly these pairs; missing pairs unreachable; "
                            + "an unlisted self pair is 0 min. Default: crow-fly road-time estimate.")
    private Path travelTimesFile;

    @Option(
            names = "--weights",
            defaultValue = "10:1,15:0.66,20:0.33",
            description = "Step weights 'upper bound in minutes:weight,...' (default ${DEFAULT-VALUE}).")
    private String weights;

    @Option(
            names = "--max-doctor-age",
            paramLabel = "YEARS",
            description = "Leave out doctors older than this (65 for DREES's main series); unknown ages count.")
    private Integer maxDoctorAge;

    @Option(
            names = "--priority-zones",
            defaultValue = "151",
            description = "How many lowest EPCIs to list (default ${DEFAULT-VALUE}).")
    private int priorityZones;

    @Option(
            names = "--out",
            paramLabel = "FILE",
            description = "CSV code,apl,population (apl to 10 significant digits).")
    private Path out;

    @Option(
            names = "--geojson",
            paramLabel = "FILE",
            description = "GeoJSON points per commune with apl, population, underserved.")
    private Path geojson;

    @Option(
            names = "--epci-out",
            paramLabel = "FILE",
            description = "CSV rank,epci,apl,population,underserved_population of the lowest EPCIs.")
    private Path epciOut;

    @Option(names = "--no-progress", description = "Do not show progress bars.")
    private boolean noProgress;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter outWriter = spec.commandLine().getOut();
        try {
            run(outWriter);
            return 0;
        } catch (InputFileException e) {
            err.println("traitant accessibility: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IllegalArgumentException e) {
            err.println("traitant accessibility: " + e.getMessage());
            err.flush();
            return 1;
        } catch (IOException e) {
            err.println("traitant accessibility: cannot write output: " + e.getMessage());
            err.flush();
            return 1;
        }
    }

    private void run(PrintWriter stdout) throws InputFileException, IOException {
        StepDecay decay;
        try {
            decay = StepDecay.parse(weights);
        } catch (IllegalArgumentException e) {
            throw new InputFileException("--weights", 0, e.getMessage());
        }
        AccessibilityParameters parameters =
                AccessibilityParameters.DEFAULT.withDecay(decay).withPriorityZoneCount(priorityZones);
        if (maxDoctorAge != null) {
            parameters = parameters.withMaximumDoctorAge(maxDoctorAge);
        }

        Communes communes = communesFile == null
                ? AccessibilityInputs.shippedCommunes()
                : AccessibilityInputs.communes(AccessibilityInputs.readCsv(communesFile));
        List<DoctorActivity> doctors;
        if (doctorsFile != null) {
            doctors = AccessibilityInputs.doctors(AccessibilityInputs.readCsv(doctorsFile), communes);
        } else {
            List<SyntheticDoctor> synthetic = SyntheticSupplyGenerator.generate(
                    communes,
                    SyntheticSupplyParameters.DEFAULT.withDoctorCount(syntheticDoctors),
                    new SplittableRandom(seed));
            doctors = synthetic.stream()
                    .filter(d -> d.specialty().isGeneralPractice())
                    .map(SyntheticDoctor::toActivity)
                    .toList();
            stdout.printf(
                    Locale.ROOT,
                    "SYNTHETIC supply (%s): %d general practitioners of %d generated doctors, seed %d%n",
                    SyntheticDoctor.LABEL,
                    doctors.size(),
                    synthetic.size(),
                    seed);
        }
        TravelTimes travelTimes = travelTimesFile == null
                ? EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT)
                : AccessibilityInputs.travelTimes(AccessibilityInputs.readCsv(travelTimesFile), communes);

        AccessibilityCalculator calculator;
        try (Progress progress = new Progress(!noProgress)) {
            calculator = AccessibilityCalculator.prepare(communes, travelTimes, parameters, progress);
        }
        AccessibilityResult result = calculator.compute(doctors);

        AtomicFiles files = new AtomicFiles();
        if (out != null) {
            files.add(out, w -> writeCsv(result, w));
        }
        if (geojson != null) {
            files.add(geojson, w -> writeGeoJson(result, w));
        }
        if (epciOut != null) {
            files.add(epciOut, w -> writeEpcis(result, w));
        }
        files.commit();
        summary(result, calculator, doctors.size(), stdout);
    }

    private static String number(double value) {
        return new BigDecimal(value)
                .round(new MathContext(10))
                .stripTrailingZeros()
                .toPlainString();
    }

    static void writeCsv(AccessibilityResult result, Writer w) throws IOException {
        w.write("code,apl,population\n");
        for (int i = 0; i < result.size(); i++) {
            Commune c = result.communes().get(i);
            w.write(c.code() + "," + number(result.apl(i)) + "," + c.population() + "\n");
        }
    }

    static void writeGeoJson(AccessibilityResult result, Writer w) throws IOException {
        w.write("{\"type\":\"FeatureCollection\",\"features\":[");
        for (int i = 0; i < result.size(); i++) {
            Commune c = result.communes().get(i);
            if (i > 0) {
                w.write(",");
            }
            w.write("\n{\"type\":\"Feature\",\"geometry\":{\"type\":\"Point\",\"coordinates\":["
                    + c.position().lon() + "," + c.position().lat() + "]},\"properties\":{\"code\":" + json(c.code())
                    + ",\"name\":" + json(c.name()) + ",\"apl\":" + number(result.apl(i)) + ",\"population\":"
                    + c.population()
                    + ",\"underserved\":" + result.score(i).underserved() + "}}");
        }
        w.write("\n]}\n");
    }

    static void writeEpcis(AccessibilityResult result, Writer w) throws IOException {
        w.write("rank,epci,apl,population,underserved_population\n");
        int rank = 1;
        for (AreaScore a : result.priorityZoneCandidates()) {
            w.write(rank++ + "," + a.code() + "," + number(a.apl()) + "," + a.population() + ","
                    + a.underservedPopulation() + "\n");
        }
    }

    private static String json(String s) {
        StringBuilder sb = new StringBuilder("\"");
        for (char ch : s.toCharArray()) {
            switch (ch) {
                case '"' -> sb.append("\\\"");
                case '\\' -> sb.append("\\\\");
                default -> {
                    if (ch < 0x20) {
                        sb.append(String.format(Locale.ROOT, "\\u%04x", (int) ch));
                    } else {
                        sb.append(ch);
                    }
                }
            }
        }
        return sb.append('"').toString();
    }

    private static void summary(
            AccessibilityResult result, AccessibilityCalculator calculator, int doctorCount, PrintWriter out) {
        out.printf(
                Locale.ROOT,
                "%d communes, %d doctors, %d reachable commune pairs%n",
                result.size(),
                doctorCount,
                calculator.reachablePairCount());
        out.printf(
                Locale.ROOT,
                "population-weighted APL: %.3f consultations per inhabitant per year%n",
                result.populationWeightedApl());
        out.printf(
                Locale.ROOT,
                "population in 'sous-dense' communes (APL < %.2f): %d of %d (%.1f %%)%n",
                calculator.parameters().underservedThreshold(),
                result.underservedPopulation(),
                result.totalPopulation(),
                result.totalPopulation() == 0
                        ? 0.0
                        : 100.0 * result.underservedPopulation() / result.totalPopulation());
        List<AreaScore> lowest = result.priorityZoneCandidates();
        long population = lowest.stream().mapToLong(AreaScore::population).sum();
        out.printf(
                Locale.ROOT, "%d lowest EPCIs (candidate priority zones): %d inhabitants%n", lowest.size(), population);
        for (AreaScore a : lowest.subList(0, Math.min(5, lowest.size()))) {
            out.printf(Locale.ROOT, "  %s  APL %.3f  population %d%n", a.code(), a.apl(), a.population());
        }
        out.flush();
    }

    /** Bridges engine progress to a console progress bar on stderr. */
    private static final class Progress implements ProgressListener, AutoCloseable {
        private final boolean enabled;
        private ProgressBar bar;

        Progress(boolean enabled) {
            this.enabled = enabled;
        }

        @Override
        public void progressed(String stage, long done, long total) {
            if (!enabled) {
                return;
            }
            if (bar == null) {
                bar = new ProgressBarBuilder()
                        .setTaskName(stage)
                        .setInitialMax(total)
                        .setConsumer(new ConsoleProgressBarConsumer(System.err))
                        .setUpdateIntervalMillis(200)
                        .continuousUpdate() // the clock goes on during a long step
                        .build();
            }
            bar.stepTo(done);
        }

        @Override
        public void close() {
            if (bar != null) {
                bar.close();
            }
        }
    }
}
