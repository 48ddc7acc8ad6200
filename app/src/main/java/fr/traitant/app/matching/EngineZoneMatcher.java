package fr.traitant.app.matching;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.matching.Capabilities;
import fr.traitant.engine.matching.Doctor;
import fr.traitant.engine.matching.Explanation;
import fr.traitant.engine.matching.Household;
import fr.traitant.engine.matching.Matcher;
import fr.traitant.engine.matching.MatchingOptions;
import fr.traitant.engine.matching.MatchingResult;
import fr.traitant.engine.matching.Needs;
import fr.traitant.engine.matching.Objective;
import fr.traitant.engine.matching.PassedOverDoctor;
import fr.traitant.engine.matching.Proposal;
import fr.traitant.engine.matching.UnservedHousehold;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.DensityClass;
import fr.traitant.engine.travel.RoadTimeModel;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Component;

/**
 * {@link ZoneMatcher} on the engine: {@code Matcher.solve(households, doctors, travel, MatchingOptions.DEFAULT)}, the
 * lexicographic optimum (people served by priority class, then fewest person-minutes), with the engine's
 * explanation of each proposal and reason for each unserved household. Travel times: {@link RoadTravelTimes}.
 * ADR 0050.
 */
@Component
class EngineZoneMatcher implements ZoneMatcher {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final RoadTimeModel model = RoadTimeModel.DEFAULT;
    private final Function<String, Optional<DensityClass>> densityOfCommune;
    private final double maxMinutes;
    private final double networkPreferenceMinutes;

    @Autowired
    EngineZoneMatcher(Territory territory, @Value("${traitant.matching.max-minutes:30}") double maxMinutes,
                      @Value("${traitant.matching.network-preference-minutes:10}") double networkPreferenceMinutes) {
        this(code -> {
            Communes communes = territory.engineCommunes();
            return code == null ? Optional.empty() : Optional.of(communes.findIndex(code)).filter(i -> i.isPresent())
                    .map(i -> communes.get(i.getAsInt())).map(c -> DensityClass.of(c.population(), c.areaKm2()));
        }, maxMinutes, networkPreferenceMinutes);
    }

    EngineZoneMatcher(Function<String, Optional<DensityClass>> densityOfCommune, double maxMinutes, double networkPreferenceMinutes) {
        if (!(maxMinutes > 0) || !(networkPreferenceMinutes >= 0) || maxMinutes + networkPreferenceMinutes > 24 * 60) {
            throw new IllegalArgumentException("traitant.matching.max-minutes > 0, network-preference-minutes >= 0");
        }
        this.densityOfCommune = densityOfCommune;
        this.maxMinutes = maxMinutes;
        this.networkPreferenceMinutes = networkPreferenceMinutes;
    }

    private double speed(String communeCode) {
        return model.speedKmh(densityOfCommune.apply(communeCode).orElse(DensityClass.INTERMEDIATE));
    }

    @Override
    public Result match(List<Demand> demands, List<Supply> supplies, Set<String> excluded) {
        Map<String, Double> speeds = new HashMap<>();
        Set<String> transferred = new HashSet<>();
        Set<String> network = new HashSet<>();
        Map<String, Demand> demandById = new HashMap<>();
        Map<String, Supply> supplyById = new HashMap<>();
        List<Household> households = new ArrayList<>();
        for (Demand d : demands) {
            String id = Long.toString(d.entryId());
            demandById.put(id, d);
            speeds.put("h" + id, speed(d.communeCode()));
            if (d.transferred()) {
                transferred.add(id);
            }
            Needs needs = new Needs(d.paediatrics(), d.wheelchair(),
                    Optional.ofNullable(d.language()).filter(l -> !l.isBlank()), d.complex());
            households.add(new Household(id, d.people(), new GeoPoint(d.lat(), d.lon()), d.priority(), d.waitingSince(),
                    d.transferred() ? maxMinutes + networkPreferenceMinutes : maxMinutes, needs));
        }
        List<Doctor> doctors = new ArrayList<>();
        for (Supply s : supplies) {
            String id = Long.toString(s.doctorId());
            supplyById.put(id, s);
            speeds.put("d" + id, speed(s.communeCode()));
            if (s.networkMember()) {
                network.add(id);
            }
            doctors.add(new Doctor(id, new GeoPoint(s.lat(), s.lon()), Math.max(0, s.remaining()), s.accepting(),
                    new Capabilities(s.paediatrics(), s.wheelchair(), s.languages(), s.complexCases())));
        }
        // "householdId:doctorId" pairs to "entryId:doctorId" (engine ids), in time proportional to the pairs, not to
        // households × doctors
        Map<Long, List<Long>> entriesOfHousehold = new HashMap<>();
        for (Demand d : demands) {
            entriesOfHousehold.computeIfAbsent(d.householdId(), h -> new ArrayList<>()).add(d.entryId());
        }
        Set<String> excludedByEngineId = new HashSet<>();
        for (String pair : excluded) {
            int colon = pair.indexOf(':');
            if (colon <= 0) {
                continue;
            }
            String doctor = pair.substring(colon + 1);
            if (!supplyById.containsKey(doctor)) {
                continue;
            }
            List<Long> entries;
            try {
                entries = entriesOfHousehold.get(Long.parseLong(pair.substring(0, colon)));
            } catch (NumberFormatException e) {
                continue;
            }
            if (entries != null) {
                entries.forEach(entry -> excludedByEngineId.add(entry + ":" + doctor));
            }
        }
        RoadTravelTimes travel = new RoadTravelTimes(model, speeds, transferred, network, excludedByEngineId, maxMinutes,
                networkPreferenceMinutes);
        MatchingResult result = Matcher.solve(households, doctors, travel, MatchingOptions.DEFAULT).result();

        Map<String, Household> householdById = new HashMap<>();
        households.forEach(h -> householdById.put(h.id(), h));
        Map<String, Doctor> doctorById = new HashMap<>();
        doctors.forEach(d -> doctorById.put(d.id(), d));
        List<Assignment> assignments = new ArrayList<>();
        for (Proposal p : result.proposals()) {
            Household h = householdById.get(p.householdId());
            Doctor doc = doctorById.get(p.doctorId());
            Explanation e = result.explain(p.householdId()).orElseThrow();
            List<PassedOver> nearer = new ArrayList<>();
            for (PassedOverDoctor o : e.nearerDoctors()) {
                nearer.add(new PassedOver(Long.parseLong(o.doctorId()), round(travel.realMinutes(h, doctorById.get(o.doctorId()))),
                        o.reason().name()));
            }
            double km = Math.round(h.location().distanceMetresTo(doc.location()) / 100.0) / 10.0;
            assignments.add(new Assignment(demandById.get(p.householdId()).entryId(), supplyById.get(p.doctorId()).doctorId(),
                    round(travel.realMinutes(h, doc)), km, e.rank(), e.eligibleDoctors(), network.contains(p.doctorId()), nearer));
        }
        List<Unserved> unserved = new ArrayList<>();
        for (UnservedHousehold u : result.unserved()) {
            unserved.add(new Unserved(Long.parseLong(u.householdId()), u.reason().name(), u.eligibleDoctors()));
        }
        return new Result(assignments, unserved, describe(result.objective()));
    }

    @Override
    public List<Alternative> alternatives(Demand d, List<Supply> supplies, Map<Long, Integer> remaining, Set<String> excluded) {
        Map<String, Double> speeds = new HashMap<>();
        speeds.put("h" + d.entryId(), speed(d.communeCode()));
        Household household = new Household(Long.toString(d.entryId()), d.people(), new GeoPoint(d.lat(), d.lon()), d.priority(),
                d.waitingSince(), d.transferred() ? maxMinutes + networkPreferenceMinutes : maxMinutes,
                new Needs(d.paediatrics(), d.wheelchair(), Optional.ofNullable(d.language()).filter(l -> !l.isBlank()), d.complex()));
        Set<String> network = new HashSet<>();
        List<Doctor> candidates = new ArrayList<>();
        Map<String, Supply> byId = new HashMap<>();
        for (Supply s : supplies) {
            String id = Long.toString(s.doctorId());
            int left = remaining.getOrDefault(s.doctorId(), s.remaining());
            if (!s.accepting() || left < d.people() || excluded.contains(d.householdId() + ":" + s.doctorId())) {
                continue;
            }
            Capabilities capabilities = new Capabilities(s.paediatrics(), s.wheelchair(), s.languages(), s.complexCases());
            if (!household.needs().metBy(capabilities)) {
                continue;
            }
            speeds.put("d" + id, speed(s.communeCode()));
            if (s.networkMember()) {
                network.add(id);
            }
            byId.put(id, s);
            candidates.add(new Doctor(id, new GeoPoint(s.lat(), s.lon()), left, true, capabilities));
        }
        RoadTravelTimes travel = new RoadTravelTimes(model, speeds, d.transferred() ? Set.of(household.id()) : Set.of(), network,
                Set.of(), maxMinutes, networkPreferenceMinutes);
        List<Alternative> alternatives = new ArrayList<>();
        for (Doctor doc : candidates) {
            if (Double.isNaN(travel.minutes(household, doc))) {
                continue; // beyond the travel limit
            }
            double km = Math.round(household.location().distanceMetresTo(doc.location()) / 100.0) / 10.0;
            alternatives.add(new Alternative(byId.get(doc.id()).doctorId(), round(travel.realMinutes(household, doc)), km,
                    network.contains(doc.id())));
        }
        alternatives.sort(java.util.Comparator.comparingDouble(Alternative::minutes).thenComparingLong(Alternative::doctorId));
        return alternatives;
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }

    /** "Personnes servies par priorité 1–5 : 2, 2, 0, 0, 0 ; 34 personnes-minutes". */
    static String describe(Objective o) {
        StringBuilder s = new StringBuilder("Personnes servies par priorité 1 à 5 : ");
        for (int p = 1; p <= 5; p++) {
            s.append(p > 1 ? ", " : "").append(o.peopleServed(p));
        }
        return s.append(" ; ").append(Math.round(o.personMinutes())).append(" personnes-minutes de trajet").toString();
    }
}
