package fr.traitant.app.programmes;

import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.coverage.CoverageWorld;
import fr.traitant.engine.coverage.MaximalCovering;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.springframework.stereotype.Service;

/**
 * Facade: how far each commune is from the nearest labelled France Santé site (the platform's road estimate, the same
 * as the APL and the search), the population and the members in ALD without a médecin traitant within 30 minutes —
 * nationally, by région and by département — and where to label next among the registry's other sites (maximal
 * covering, {@link MaximalCovering}). Recomputed when the labelled sites change (kept while they do not).
 */
@Service
public class SiteCoverage {

    /** The France Santé promise: a health solution within 30 minutes. */
    public static final double MINUTES = 30;

    /** Times are computed up to this limit; beyond, "more than an hour". */
    static final double HORIZON = 60;

    /** Coverage of an area. */
    public record Area(String code, String name, long population, long covered, long ald, long aldCovered) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public double share() {
            return population == 0 ? 0 : (double) covered / population;
        }
    }

    /**
     * @param minutes per commune (engine order), {@code +∞} beyond {@link #HORIZON}
     */
    public record Coverage(
            int labelledSites,
            Area france,
            List<Area> regions,
            List<Area> departements,
            List<Area> epcis,
            double[] minutes) {

        /** The coverage of a set of EPCI taken together (e.g. a list of priority zones). */
        public Area of(java.util.Collection<String> sirens, String name) {
            long[] sum = new long[4];
            for (Area a : epcis) {
                if (sirens.contains(a.code())) {
                    sum[0] += a.population();
                    sum[1] += a.covered();
                    sum[2] += a.ald();
                    sum[3] += a.aldCovered();
                }
            }
            return area("", name, sum);
        }

        /** Minutes from a commune (engine index) to the nearest labelled site, {@code +∞} beyond an hour. */
        public double minutesOf(int commune) {
            return minutes[commune];
        }
    }

    /** Where the candidates come from. */
    public enum Candidates {
        /** The registry's sites not labelled yet. */
        REGISTRY,
        /** Every commune with a general practitioner's practice (a site could be opened or labelled there). */
        PRACTICES
    }

    /**
     * A proposal: the registry's site (or null for a commune with a practice), its commune and the population it would
     * add.
     */
    public record Proposal(@Nullable CareSite site, String communeCode, long adds) {}

    /** Where to label next. */
    public record Proposals(List<Proposal> sites, long covered, long upperBound, boolean proven, int candidates) {}

    private final CareSites sites;
    private final Territory territory;
    private final HouseholdNeeds needs;
    private final java.time.Clock clock;
    private final RoadEstimate road;
    private final java.util.function.Supplier<java.util.Set<String>> practices;
    private volatile @Nullable Cached cached;

    private record Cached(List<String> labelled, Coverage coverage) {}

    SiteCoverage(
            CareSites sites,
            Territory territory,
            HouseholdNeeds needs,
            java.time.Clock clock,
            RoadEstimate road,
            fr.traitant.app.directory.Doctors doctors) {
        this.practices = () -> doctors.activeSupply().stream()
                .filter(fr.traitant.app.directory.SupplyLine::generalPractitioner)
                .map(fr.traitant.app.directory.SupplyLine::communeCode)
                .collect(java.util.stream.Collectors.toSet());
        this.road = road;
        this.clock = clock;
        this.sites = sites;
        this.territory = territory;
        this.needs = needs;
    }

    public Coverage coverage() {
        List<String> labelled = sites.labelledCommunes().stream().sorted().toList();
        Cached c = cached;
        if (c != null && c.labelled().equals(labelled)) return c.coverage();
        Coverage computed = compute(labelled);
        cached = new Cached(labelled, computed);
        return computed;
    }

    private Coverage compute(List<String> labelled) {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes t = times(communes);
        double[] minutes = new double[communes.size()];
        Arrays.fill(minutes, Double.POSITIVE_INFINITY);
        for (String code : new java.util.TreeSet<>(labelled)) {
            int origin = communes.indexOf(code);
            t.forEachReachable(origin, HORIZON, (d, m) -> minutes[d] = Math.min(minutes[d], m));
        }
        Map<String, Long> ald = new HashMap<>();
        for (HouseholdNeeds.Need n : needs.withLongTermConditionWithoutDoctor()) {
            if (n.communeCode() != null)
                ald.merge(n.communeCode(), (long) n.longTermConditionWithoutDoctor(), Long::sum);
        }
        Map<String, long[]> byDep = new TreeMap<>(), byRegion = new TreeMap<>(), byEpci = new TreeMap<>();
        long[] all = new long[4];
        for (int i = 0; i < communes.size(); i++) {
            Commune c = communes.get(i);
            boolean in = minutes[i] <= MINUTES;
            long a = ald.getOrDefault(c.code(), 0L);
            long[] row = {c.population(), in ? c.population() : 0, a, in ? a : 0};
            add(all, row);
            add(byDep.computeIfAbsent(c.departement(), k -> new long[4]), row);
            if (!c.region().isEmpty()) add(byRegion.computeIfAbsent(c.region(), k -> new long[4]), row);
            if (!c.epci().isEmpty()) add(byEpci.computeIfAbsent(c.epci(), k -> new long[4]), row);
        }
        Map<String, String> depNames = territory.departementNames();
        Map<String, String> regionNames = new HashMap<>();
        territory.regions().forEach(r -> regionNames.put(r.code(), r.name()));
        List<Area> deps = new ArrayList<>(), regions = new ArrayList<>();
        byDep.forEach((k, v) -> deps.add(area(k, depNames.getOrDefault(k, k), v)));
        byRegion.forEach((k, v) -> regions.add(area(k, regionNames.getOrDefault(k, k), v)));
        Map<String, String> epciNames = territory.epciNames();
        List<Area> epcis = new ArrayList<>();
        byEpci.forEach((k, v) -> epcis.add(area(k, epciNames.getOrDefault(k, k), v)));
        return new Coverage(
                labelled.size(),
                area("", "France", all),
                List.copyOf(regions),
                List.copyOf(deps),
                List.copyOf(epcis),
                minutes);
    }

    /**
     * The K sites of the registry not labelled yet (candidates, under review, withdrawn) whose labelling would add the
     * most people within 30 minutes, best first, with a proven upper bound.
     */
    public Proposals whereNext(int k) {
        return whereNext(k, Candidates.REGISTRY);
    }

    /** The same among the chosen candidates. */
    public Proposals whereNext(int k, Candidates source) {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes t = times(communes);
        Map<String, CareSite> byId = new HashMap<>();
        List<MaximalCovering.Candidate> candidates = new ArrayList<>();
        if (source == Candidates.REGISTRY) {
            for (CareSite s : sites.notLabelled()) {
                byId.put(Long.toString(s.id()), s);
                candidates.add(new MaximalCovering.Candidate(Long.toString(s.id()), s.communeCode()));
            }
        } else {
            for (String code : new java.util.TreeSet<>(practices.get())) {
                candidates.add(new MaximalCovering.Candidate(code, code));
            }
        }
        List<CoverageWorld.Trip> trips = new ArrayList<>();
        for (String code : candidates.stream()
                .map(MaximalCovering.Candidate::commune)
                .distinct()
                .sorted()
                .toList()) {
            int d = communes.indexOf(code);
            t.forEachReachable(d, MINUTES, (o, m) -> {
                if (o != d) trips.add(new CoverageWorld.Trip(communes.get(o).code(), code, m));
            });
        }
        CoverageWorld world = CoverageWorld.of(
                communes.asList().stream()
                        .map(c -> new CoverageWorld.Commune(c.code(), c.population()))
                        .toList(),
                trips);
        // communes already within 30 minutes of a labelled site: each given as a "site" of its own commune (0 minutes),
        // so that the world counts them covered without listing the labelled sites' trips
        List<String> coveredCommunes = new ArrayList<>();
        double[] minutes = coverage().minutes();
        for (int i = 0; i < minutes.length; i++)
            if (minutes[i] <= MINUTES) coveredCommunes.add(communes.get(i).code());
        MaximalCovering.Proposal p = MaximalCovering.propose(world, coveredCommunes, candidates, k, MINUTES);
        List<Proposal> proposals = new ArrayList<>();
        for (int i = 0; i < p.selection().size(); i++) {
            String id = p.selection().get(i);
            CareSite site = byId.get(id);
            proposals.add(new Proposal(
                    site, site == null ? id : site.communeCode(), p.gains().get(i)));
        }
        return new Proposals(proposals, p.covered(), p.upperBound(), p.proven(), candidates.size());
    }

    /** The population within 30 minutes of the sites labelled on a day. */
    public record CoveragePoint(java.time.LocalDate day, int labelledSites, long covered, long population) {
        public double share() {
            return population == 0 ? 0 : (double) covered / population;
        }
    }

    /** The coverage as it was at the start of a day (the sites labelled then). */
    public CoveragePoint coverageOn(java.time.LocalDate day) {
        return pointAt(day, day.atStartOfDay(FrenchDates.PARIS).toInstant());
    }

    /**
     * Coverage over time, from the sites' labelling history: on the first day of each of the last {@code months}
     * months (the current one included) and today, the sites labelled that day and the population within 30 minutes.
     */
    public List<CoveragePoint> history(int months) {
        java.time.ZonedDateTime now = clock.instant().atZone(FrenchDates.PARIS);
        java.time.LocalDate first = now.toLocalDate().withDayOfMonth(1).minusMonths(months - 1L);
        List<CoveragePoint> points = new ArrayList<>();
        for (java.time.LocalDate day = first; !day.isAfter(now.toLocalDate()); day = day.plusMonths(1)) {
            points.add(pointAt(day, day.atStartOfDay(FrenchDates.PARIS).toInstant()));
        }
        if (!points.getLast().day().equals(now.toLocalDate())) points.add(pointAt(now.toLocalDate(), now.toInstant()));
        return points;
    }

    private CoveragePoint pointAt(java.time.LocalDate day, java.time.Instant at) {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes t = times(communes);
        List<String> labelled = sites.labelledCommunesAt(at);
        boolean[] in = new boolean[communes.size()];
        for (String code : new java.util.TreeSet<>(labelled)) {
            t.forEachReachable(communes.indexOf(code), MINUTES, (d, m) -> in[d] = true);
        }
        long covered = 0, population = 0;
        for (int i = 0; i < in.length; i++) {
            long p = communes.get(i).population();
            population += p;
            if (in[i]) covered += p;
        }
        return new CoveragePoint(day, labelled.size(), covered, population);
    }

    private EstimatedRoadTimes times(Communes communes) {
        return road.times();
    }

    private static void add(long[] into, long[] row) {
        for (int i = 0; i < into.length; i++) into[i] += row[i];
    }

    private static Area area(String code, String name, long[] v) {
        return new Area(code, name, v[0], v[1], v[2], v[3]);
    }
}
