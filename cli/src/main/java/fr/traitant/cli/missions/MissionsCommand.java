package fr.traitant.cli.missions;

import fr.traitant.cli.AtomicFiles;
import fr.traitant.cli.CsvTable;
import fr.traitant.cli.InputFileException;
import fr.traitant.cli.InputProblems;
import fr.traitant.engine.missions.MissionPlan;
import fr.traitant.engine.missions.MissionPlanner;
import fr.traitant.engine.missions.MissionProblem;
import fr.traitant.engine.missions.MissionProblem.Site;
import fr.traitant.engine.missions.MissionProblem.Travel;
import fr.traitant.engine.missions.MissionProblem.Volunteer;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

/** {@code traitant missions}: the month's plan of volunteer days in priority zones, and the greedy baseline. */
@Command(
        name = "missions",
        mixinStandardHelpOptions = true,
        description = {
            "Plans a month of \"Un médecin près de chez vous\" days: each volunteer gives at most max_days (0, 1 or 2)",
            "days, one site a day, on dates both are available, rooms not exceeded, travel within --max-minutes;",
            "objective in this order: sites with at least one day, need-weighted value (the k-th day at a site is",
            "worth need/k), least travel. Exact (min-cost flow with the objective's order); the greedy baseline's",
            "figures are printed beside it.",
            "Exit codes: 0 done, 2 invalid input (file:line: reason on stderr, no output written), 1 other error."
        })
public final class MissionsCommand implements Callable<Integer> {

    @Spec
    CommandSpec spec;

    @Option(
            names = "--volunteers",
            required = true,
            paramLabel = "FILE",
            description = "CSV id,max_days,available (ISO dates of the month separated by ';')")
    Path volunteers;

    @Option(
            names = "--sites",
            required = true,
            paramLabel = "FILE",
            description = "CSV id,need,rooms,open (ISO dates of the month separated by ';')")
    Path sites;

    @Option(
            names = "--travel-times",
            required = true,
            paramLabel = "FILE",
            description = "CSV volunteer,site,minutes: exactly these pairs are allowed (within --max-minutes)")
    Path travelTimes;

    @Option(names = "--month", required = true, paramLabel = "YYYY-MM", description = "The month planned")
    String month;

    @Option(
            names = "--max-minutes",
            defaultValue = "90",
            paramLabel = "MINUTES",
            description = "Longest trip allowed (default ${DEFAULT-VALUE}).")
    double maxMinutes;

    @Option(names = "--out", required = true, paramLabel = "FILE", description = "CSV volunteer,site,date")
    Path out;

    private final InputProblems problems = new InputProblems();
    private YearMonth yearMonth;

    @Override
    public Integer call() {
        PrintWriter err = spec.commandLine().getErr();
        PrintWriter stdout = spec.commandLine().getOut();
        try {
            yearMonth = YearMonth.parse(month);
        } catch (DateTimeParseException e) {
            problems.add("--month: expected YYYY-MM, not '" + month + "'");
        }
        if (!(maxMinutes >= 0) || Double.isInfinite(maxMinutes)) {
            problems.add("--max-minutes: must be 0 or more, not " + maxMinutes);
        }
        if (!problems.isEmpty()) return problems.report(err);
        List<Volunteer> volunteerList = readVolunteers();
        List<Site> siteList = readSites();
        Set<String> volunteerIds = new HashSet<>(), siteIds = new HashSet<>();
        volunteerList.forEach(v -> volunteerIds.add(v.id()));
        siteList.forEach(s -> siteIds.add(s.id()));
        List<Travel> travel = readTravel(volunteerIds, siteIds);
        if (!problems.isEmpty()) return problems.report(err);
        MissionProblem problem = MissionProblem.of(volunteerList, siteList, travel, maxMinutes);
        long start = System.nanoTime();
        MissionPlan plan = MissionPlanner.optimal(problem);
        long planned = System.nanoTime() - start;
        MissionPlan greedy = MissionPlanner.greedy(problem);
        try {
            new AtomicFiles()
                    .add(out, w -> {
                        w.write("volunteer,site,date\n");
                        for (MissionPlan.Day d : plan.days()) {
                            w.write(InputProblems.csv(d.volunteer()) + "," + InputProblems.csv(d.site()) + ","
                                    + d.date() + "\n");
                        }
                    })
                    .commit();
        } catch (IOException e) {
            err.println("cannot write: " + e.getMessage());
            err.flush();
            return 1;
        }
        int pledged = volunteerList.stream().mapToInt(Volunteer::maxDays).sum();
        stdout.printf(
                Locale.ROOT,
                "month: %s, volunteers: %d (%d days pledged), sites: %d, possible days: %d%n",
                yearMonth,
                volunteerList.size(),
                pledged,
                siteList.size(),
                problem.options().size());
        stdout.printf(
                Locale.ROOT, "planned days: %d of %d pledged%n", plan.days().size(), pledged);
        stdout.printf(
                Locale.ROOT,
                "sites with at least one day: %d of %d%n",
                plan.score().sitesWithDays(),
                siteList.size());
        stdout.printf(Locale.ROOT, "need-weighted value: %.4f%n", plan.score().value());
        stdout.printf(
                Locale.ROOT, "total travel minutes: %s%n", number(plan.score().travelMinutes()));
        stdout.printf(
                Locale.ROOT,
                "optimality: proven (min-cost flow in the objective's order, %d ms)%n",
                planned / 1_000_000);
        stdout.printf(
                Locale.ROOT,
                "greedy baseline: %d days, sites with at least one day: %d, need-weighted value: %.4f, total travel"
                        + " minutes: %s%n",
                greedy.days().size(),
                greedy.score().sitesWithDays(),
                greedy.score().value(),
                number(greedy.score().travelMinutes()));
        stdout.flush();
        return 0;
    }

    private List<Volunteer> readVolunteers() {
        List<Volunteer> result = new ArrayList<>();
        CsvTable table = problems.table(volunteers, "id", "max_days", "available");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = row.requireText("id");
                long days = row.wholeNumber("max_days");
                if (days < 0 || days > MissionProblem.MAX_DAYS_A_MONTH) {
                    throw row.error("max_days must be 0, 1 or 2 (the scheme's rule: at most 2 days a month), not "
                            + row.text("max_days"));
                }
                Set<LocalDate> available = dates(row, "available");
                if (!seen.add(id)) throw row.error("duplicate volunteer id '" + id + "'");
                result.add(new Volunteer(id, (int) days, available));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private List<Site> readSites() {
        List<Site> result = new ArrayList<>();
        CsvTable table = problems.table(sites, "id", "need", "rooms", "open");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String id = row.requireText("id");
                double need = row.number("need");
                if (need < 0) throw row.error("need must be 0 or more, not " + row.text("need"));
                long rooms = row.wholeNumber("rooms");
                if (rooms < 0) throw row.error("rooms must be 0 or more, not " + row.text("rooms"));
                if (rooms > 1_000) throw row.error("rooms must be at most 1000, not " + row.text("rooms"));
                Set<LocalDate> open = dates(row, "open");
                if (!seen.add(id)) throw row.error("duplicate site id '" + id + "'");
                result.add(new Site(id, need, (int) rooms, open));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    private List<Travel> readTravel(Set<String> volunteerIds, Set<String> siteIds) {
        List<Travel> result = new ArrayList<>();
        CsvTable table = problems.table(travelTimes, "volunteer", "site", "minutes");
        if (table == null) return result;
        Set<String> seen = new HashSet<>();
        for (CsvTable.Row row : table.rows()) {
            try {
                String v = row.requireText("volunteer"), s = row.requireText("site");
                double m = row.number("minutes");
                if (!volunteerIds.contains(v)) throw row.error("unknown volunteer '" + v + "'");
                if (!siteIds.contains(s)) throw row.error("unknown site '" + s + "'");
                if (m < 0) throw row.error("minutes must be 0 or more, not " + row.text("minutes"));
                if (!seen.add(v + "\u0000" + s)) throw row.error("pair given twice: '" + v + "' to '" + s + "'");
                result.add(new Travel(v, s, m));
            } catch (InputFileException e) {
                problems.add(e);
            }
        }
        return result;
    }

    /** A ';'-separated list of ISO dates of the month (empty allowed); a date given twice is an error. */
    private Set<LocalDate> dates(CsvTable.Row row, String column) throws InputFileException {
        Set<LocalDate> result = new LinkedHashSet<>();
        String text = row.text(column).strip();
        if (text.isEmpty()) return result;
        for (String part : text.split(";", -1)) {
            String value = part.strip();
            LocalDate date;
            try {
                date = LocalDate.parse(value);
            } catch (DateTimeParseException e) {
                throw row.error(column + ": '" + value + "' is not an ISO date (YYYY-MM-DD)");
            }
            if (!YearMonth.from(date).equals(yearMonth)) {
                throw row.error(column + ": " + date + " is not in " + yearMonth);
            }
            if (!result.add(date)) throw row.error(column + ": " + date + " given twice");
        }
        return result;
    }

    private static String number(double v) {
        return java.math.BigDecimal.valueOf(v).stripTrailingZeros().toPlainString();
    }
}
