package fr.traitant.app.programmes;

import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.platform.Charts;
import fr.traitant.app.platform.FrenchNumbers;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;

/**
 * The programme dashboard (PROGRAMME_MANAGER): France Santé sites by status and département, the coverage over the
 * past year (from the sites' labelling history), and the priority zones — their coverage, their APL and its trend.
 */
@Controller
class DashboardPages {

    /** Months of coverage history shown. */
    static final int MONTHS = 12;

    private final CareSites sites;
    private final SiteCoverage coverage;
    private final PriorityZones zones;
    private final Accessibility accessibility;
    private final MissionFigures missions;
    private final java.time.Clock clock;

    DashboardPages(
            CareSites sites,
            SiteCoverage coverage,
            PriorityZones zones,
            Accessibility accessibility,
            MissionFigures missions,
            java.time.Clock clock) {
        this.missions = missions;
        this.clock = clock;
        this.sites = sites;
        this.coverage = coverage;
        this.zones = zones;
        this.accessibility = accessibility;
    }

    @GetMapping("/programmes")
    String page(Model model) {
        Map<CareSiteStatus, Long> counts = sites.counts();
        List<Charts.Entry> bars = new ArrayList<>();
        for (CareSiteStatus s : CareSiteStatus.values()) {
            long n = counts.getOrDefault(s, 0L);
            bars.add(new Charts.Entry(s.label(), n, FrenchNumbers.count(n)));
        }
        model.addAttribute("counts", counts);
        model.addAttribute(
                "total", counts.values().stream().mapToLong(Long::longValue).sum());
        model.addAttribute("statuses", CareSiteStatus.values());
        model.addAttribute("statusChart", Charts.bars(bars, Charts.BLUE));
        model.addAttribute("departements", sites.countsByDepartement());

        List<SiteCoverage.CoveragePoint> history = coverage.history(MONTHS);
        double top = history.stream()
                .mapToDouble(SiteCoverage.CoveragePoint::share)
                .max()
                .orElse(0);
        model.addAttribute("history", history);
        model.addAttribute(
                "coverageChart",
                Charts.lines(
                        List.of(new Charts.SeriesData(
                                "Population à 30 minutes d’un site labellisé",
                                Charts.BLUE,
                                false,
                                history.stream()
                                        .map(p ->
                                                new Charts.Datum(p.day(), p.share(), FrenchNumbers.percent(p.share())))
                                        .toList())),
                        Math.min(1, Math.ceil(top * 10 + 0.5) / 10),
                        FrenchNumbers::percent));
        SiteCoverage.Coverage now = coverage.coverage();
        model.addAttribute("coverage", now);

        PriorityZones.CurrentZones current = zones.current();
        model.addAttribute("zones", current);
        model.addAttribute("zoneCoverage", now.of(new HashSet<>(current.sirens()), ""));
        List<Accessibility.TrendDay> trend = accessibility.trend(current.sirens());
        model.addAttribute("trend", trend);
        double aplTop = trend.stream()
                .mapToDouble(d -> Math.max(d.apl(), d.nationalApl()))
                .max()
                .orElse(0);
        model.addAttribute(
                "aplChart",
                Charts.lines(
                        List.of(
                                new Charts.SeriesData(
                                        "Zones prioritaires",
                                        Charts.RED,
                                        false,
                                        trend.stream()
                                                .map(d -> new Charts.Datum(
                                                        d.day(), d.apl(), FrenchNumbers.decimal(d.apl(), 2)))
                                                .toList()),
                                new Charts.SeriesData(
                                        "France entière",
                                        Charts.GREY,
                                        true,
                                        trend.stream()
                                                .map(d -> new Charts.Datum(
                                                        d.day(),
                                                        d.nationalApl(),
                                                        FrenchNumbers.decimal(d.nationalApl(), 2)))
                                                .toList())),
                        2 * Math.ceil((aplTop + 0.5) / 2), // ticks every half unit or every unit
                        v -> FrenchNumbers.decimal(v, 1)));
        // the missions: the last five months, this one and the next
        java.time.YearMonth thisMonth =
                java.time.YearMonth.now(clock.withZone(fr.traitant.app.platform.FrenchDates.PARIS));
        List<java.time.YearMonth> wanted = new ArrayList<>();
        for (int i = -5; i <= 1; i++) wanted.add(thisMonth.plusMonths(i));
        List<MissionFigures.Month> months = missions.of(wanted, current);
        MissionFigures.Month now2 = months.get(5);
        model.addAttribute("missionMonths", months.reversed());
        model.addAttribute("missionsNow", now2);
        model.addAttribute("missionMonthName", MissionPlans.monthName(thisMonth));
        model.addAttribute(
                "missionChart",
                Charts.bars(
                        List.of(
                                new Charts.Entry("Promises", now2.pledged(), Integer.toString(now2.pledged())),
                                new Charts.Entry("Planifiées", now2.planned(), Integer.toString(now2.planned())),
                                new Charts.Entry("Tenues", now2.held(), Integer.toString(now2.held()))),
                        Charts.GREEN));
        return "programmes/dashboard";
    }
}
