package fr.traitant.app.campaigns;

import fr.traitant.app.matching.WaitingDemand;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.MemberPlaces;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.campaign.CoverageFlow;
import fr.traitant.engine.campaign.TargetingProblem;
import fr.traitant.engine.campaign.TargetingProblem.Candidate;
import fr.traitant.engine.campaign.TargetingProblem.DemandZone;
import fr.traitant.engine.campaign.TargetingProblem.Reach;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.stereotype.Service;

/**
 * Facade: where the network falls short. The demand of each commune is the people needing a médecin traitant there,
 * each household counted once, under the first of: an open waiting-list entry (its people, at its destination for a
 * transferred household), a transfer arriving within the horizon and not on the list yet (the household's members, at
 * the destination), members in ALD without a declared médecin traitant. The network covers it with its signatories'
 * committed places (new patients a year) within {@link CampaignsProperties#maxMinutes()}: the largest flow of places to
 * demand ({@link CoverageFlow}), so that two signatories are not counted twice for the same families. What is left is
 * the uncovered demand. Counts only: no household is named.
 */
@Service
@EnableConfigurationProperties(CampaignsProperties.class)
public class NetworkGaps {

    /** A place's demand (people waiting, arriving by transfer, in ALD without a doctor) and what the network covers. */
    public interface Gap {
        int waiting();

        int transfers();

        int longTermCondition();

        double covered();

        /** The people needing a médecin traitant there. */
        @com.fasterxml.jackson.annotation.JsonProperty
        default int demand() {
            return waiting() + transfers() + longTermCondition();
        }

        /** The demand the network's places do not cover. */
        @com.fasterxml.jackson.annotation.JsonProperty
        default double uncovered() {
            return Math.max(0, demand() - covered());
        }
    }

    /** Demand and coverage of one commune. */
    public record CommuneGap(
            String code,
            String name,
            String departement,
            double lat,
            double lon,
            int waiting,
            int transfers,
            int longTermCondition,
            double covered)
            implements Gap {}

    /** Demand, network and coverage of one département. */
    public record DepartementGap(
            String code,
            String name,
            int waiting,
            int transfers,
            int longTermCondition,
            int members,
            long memberPlaces,
            double covered)
            implements Gap {
        /** Share of the demand covered, 0 to 1 (1 without demand). */
        @com.fasterxml.jackson.annotation.JsonProperty
        public double coveredShare() {
            return demand() == 0 ? 1 : Math.min(1, covered / demand());
        }
    }

    /**
     * @param arrivalsFrom first arrival date counted
     * @param arrivalsTo last arrival date counted
     * @param communes the communes with demand, largest uncovered first
     * @param departements every département, by code
     */
    public record Gaps(
            LocalDate arrivalsFrom,
            LocalDate arrivalsTo,
            double maxMinutes,
            List<CommuneGap> communes,
            List<DepartementGap> departements) {
        @com.fasterxml.jackson.annotation.JsonProperty
        public DepartementGap total() {
            return new DepartementGap(
                    "",
                    "France",
                    departements.stream().mapToInt(DepartementGap::waiting).sum(),
                    departements.stream().mapToInt(DepartementGap::transfers).sum(),
                    departements.stream()
                            .mapToInt(DepartementGap::longTermCondition)
                            .sum(),
                    departements.stream().mapToInt(DepartementGap::members).sum(),
                    departements.stream()
                            .mapToLong(DepartementGap::memberPlaces)
                            .sum(),
                    departements.stream().mapToDouble(DepartementGap::covered).sum());
        }
    }

    private final WaitingDemand waitingDemand;
    private final HouseholdNeeds householdNeeds;
    private final Charter charter;
    private final Territory territory;
    private final CampaignsProperties settings;
    private final Clock clock;

    NetworkGaps(
            WaitingDemand waitingDemand,
            HouseholdNeeds householdNeeds,
            Charter charter,
            Territory territory,
            CampaignsProperties settings,
            Clock clock) {
        this.waitingDemand = waitingDemand;
        this.householdNeeds = householdNeeds;
        this.charter = charter;
        this.territory = territory;
        this.settings = settings;
        this.clock = clock;
    }

    /** Demand per commune and source: {waiting, transfers, ALD}, each household once. */
    Map<String, int[]> demandByCommune(LocalDate from, LocalDate to) {
        Map<String, int[]> demand = new HashMap<>();
        Set<Long> counted = new HashSet<>();
        List<WaitingDemand.Waiting> waiting = waitingDemand.open();
        Map<Long, HouseholdNeeds.Need> homes = byId(householdNeeds.of(
                waiting.stream().map(WaitingDemand.Waiting::householdId).toList()));
        for (WaitingDemand.Waiting w : waiting) {
            HouseholdNeeds.Need home = homes.get(w.householdId());
            String commune =
                    w.destinationCommune() != null ? w.destinationCommune() : home == null ? null : home.communeCode();
            if (commune != null && counted.add(w.householdId())) {
                demand.computeIfAbsent(commune, c -> new int[3])[0] += w.people();
            }
        }
        List<WaitingDemand.Arrival> arrivals = waitingDemand.arriving(from, to);
        Map<Long, HouseholdNeeds.Need> movers = byId(householdNeeds.of(
                arrivals.stream().map(WaitingDemand.Arrival::householdId).toList()));
        for (WaitingDemand.Arrival a : arrivals) {
            HouseholdNeeds.Need need = movers.get(a.householdId());
            if (need != null && counted.add(a.householdId())) {
                demand.computeIfAbsent(a.destinationCommune(), c -> new int[3])[1] += Math.max(1, need.members());
            }
        }
        for (HouseholdNeeds.Need n : householdNeeds.withLongTermConditionWithoutDoctor()) {
            if (n.communeCode() != null && counted.add(n.householdId())) {
                demand.computeIfAbsent(n.communeCode(), c -> new int[3])[2] += n.longTermConditionWithoutDoctor();
            }
        }
        return demand;
    }

    /** The gaps today: demand, the network's coverage, what is left, by commune and département. */
    public Gaps compute() {
        return compute(Set.of());
    }

    /**
     * The gaps as they would be without some signatories (e.g. those a campaign recruited: the difference in covered
     * demand is what the campaign newly covers).
     */
    public Gaps compute(Set<String> withoutDoctorIds) {
        LocalDate from = LocalDate.now(clock);
        LocalDate to = from.plus(settings.arrivalHorizon());
        Communes communes = territory.engineCommunes();
        Map<String, int[]> demand = demandByCommune(from, to);
        demand.keySet().removeIf(code -> communes.findIndex(code).isEmpty());
        List<MemberPlaces> members = charter.places().stream()
                .filter(m -> communes.findIndex(m.communeCode()).isPresent())
                .filter(m -> !withoutDoctorIds.contains(m.doctorId()))
                .toList();
        Map<String, Double> covered = cover(
                        members.stream()
                                .map(m -> new Supply(m.doctorId(), m.communeCode(), 1, m.newPatientsPerYear()))
                                .toList(),
                        demand.entrySet().stream().collect(java.util.stream.Collectors.toMap(Map.Entry::getKey, e ->
                                (double) sum(e.getValue()))))
                .coverage();
        List<CommuneGap> communeGaps = new ArrayList<>();
        Map<String, int[]> byDepartement = new TreeMap<>();
        Map<String, Double> coveredByDepartement = new HashMap<>();
        demand.forEach((code, d) -> {
            Commune c = communes.get(communes.indexOf(code));
            double cov = covered.getOrDefault(code, 0.0);
            communeGaps.add(new CommuneGap(
                    code,
                    c.name(),
                    c.departement(),
                    c.position().lat(),
                    c.position().lon(),
                    d[0],
                    d[1],
                    d[2],
                    cov));
            int[] dep = byDepartement.computeIfAbsent(c.departement(), k -> new int[5]);
            for (int i = 0; i < 3; i++) dep[i] += d[i];
            coveredByDepartement.merge(c.departement(), cov, Double::sum);
        });
        for (MemberPlaces m : members) {
            int[] dep = byDepartement.computeIfAbsent(
                    communes.get(communes.indexOf(m.communeCode())).departement(), k -> new int[5]);
            dep[3]++;
            dep[4] += m.newPatientsPerYear();
        }
        communeGaps.sort(
                Comparator.comparingDouble(CommuneGap::uncovered).reversed().thenComparing(CommuneGap::code));
        Map<String, String> names = territory.departementNames();
        List<DepartementGap> departements = new ArrayList<>();
        for (Map.Entry<String, String> name : new TreeMap<>(names).entrySet()) {
            String code = name.getKey();
            int[] d = byDepartement.getOrDefault(code, new int[5]);
            departements.add(new DepartementGap(
                    code, name.getValue(), d[0], d[1], d[2], d[3], d[4], coveredByDepartement.getOrDefault(code, 0.0)));
        }
        return new Gaps(from, to, settings.maxMinutes(), List.copyOf(communeGaps), List.copyOf(departements));
    }

    /** A doctor as supply: id, practice commune, probability of taking part, places. */
    record Supply(String id, String communeCode, double probability, int places) {}

    /** A targeting problem over communes and what a selection of all its candidates covers. */
    record Coverage(TargetingProblem problem, Map<String, Double> coverage) {}

    /**
     * Builds the problem (candidates at their commune, demand zones = communes, pairs within the time limit by the
     * platform's road estimate) and the coverage when every candidate is selected.
     */
    Coverage cover(List<Supply> supply, Map<String, Double> demand) {
        TargetingProblem problem = problem(supply, demand);
        CoverageFlow flow = new CoverageFlow(problem);
        for (int c = 0; c < problem.candidates().size(); c++) flow.add(c);
        double[] z = flow.zoneCoverage();
        Map<String, Double> coverage = new LinkedHashMap<>();
        for (int i = 0; i < z.length; i++) coverage.put(problem.zones().get(i).id(), z[i]);
        return new Coverage(problem, coverage);
    }

    TargetingProblem problem(List<Supply> supply, Map<String, Double> demand) {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes times = territory.roadTimes();
        Map<String, List<Supply>> byCommune = new TreeMap<>();
        for (Supply s : supply)
            byCommune.computeIfAbsent(s.communeCode(), k -> new ArrayList<>()).add(s);
        List<Reach> reach = new ArrayList<>();
        byCommune.forEach((code, atCommune) -> {
            times.forEachReachable(communes.indexOf(code), settings.maxMinutes(), (destination, minutes) -> {
                String zone = communes.get(destination).code();
                if (demand.getOrDefault(zone, 0.0) > 0) {
                    for (Supply s : atCommune) reach.add(new Reach(s.id(), zone, minutes));
                }
            });
        });
        List<Candidate> candidates = supply.stream()
                .map(s -> new Candidate(s.id(), s.probability(), s.places()))
                .toList();
        List<DemandZone> zones = demand.entrySet().stream()
                .filter(e -> e.getValue() > 0)
                .map(e -> new DemandZone(e.getKey(), e.getValue()))
                .toList();
        return TargetingProblem.of(candidates, zones, reach, settings.maxMinutes());
    }

    /** The départements of the communes within the time limit of these communes. */
    Set<String> departementsWithin(java.util.Collection<String> communeCodes) {
        Communes communes = territory.engineCommunes();
        EstimatedRoadTimes times = territory.roadTimes();
        Set<String> found = new java.util.TreeSet<>();
        for (String code : communeCodes) {
            times.forEachReachable(
                    communes.indexOf(code),
                    settings.maxMinutes(),
                    (destination, minutes) ->
                            found.add(communes.get(destination).departement()));
        }
        return found;
    }

    private static int sum(int[] d) {
        return d[0] + d[1] + d[2];
    }

    private static Map<Long, HouseholdNeeds.Need> byId(List<HouseholdNeeds.Need> needs) {
        Map<Long, HouseholdNeeds.Need> map = new HashMap<>();
        for (HouseholdNeeds.Need n : needs) map.put(n.householdId(), n);
        return map;
    }
}
