package fr.traitant.app.matching;

import fr.traitant.app.platform.FrenchNumbers;
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
import fr.traitant.engine.matching.RoadTravelTimes;
import fr.traitant.engine.matching.UnservedHousehold;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.DensityClass;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.stereotype.Component;

/**
 * {@link ZoneMatcher} on the engine: {@code Matcher.solve(households, doctors, RoadTravelTimes.DEFAULT, options)}, the
 * lexicographic optimum (people served by priority class, then fewest person-minutes), with the engine's
 * explanation of each proposal and reason for each unserved household. The platform's policy is given to the engine
 * as input fields — density of each commune (road speeds), transferred families and network members, excluded doctors,
 * needs and declared complexity — and as {@link MatchingOptions#networkPreferenceMinutes()}: the CLI's {@code match}
 * gives the same answer for the same input. ADR 0050, ADR 0063.
 */
@Component
class EngineZoneMatcher implements ZoneMatcher {

    static final ZoneId FRANCE = ZoneId.of("Europe/Paris");

    private final Function<String, Optional<DensityClass>> densityOfCommune;
    private final double maxMinutes;
    private final double networkPreferenceMinutes;
    /** Each solve of the engine, with its time (an advisor's run, a transfer plan's département): /actuator/metrics. */
    private final io.micrometer.core.instrument.Timer solves;

    @Autowired
    EngineZoneMatcher(
            Territory territory, MatchingProperties settings, io.micrometer.core.instrument.MeterRegistry meters) {
        this(
                code -> {
                    Communes communes = territory.engineCommunes();
                    return code == null
                            ? Optional.empty()
                            : Optional.of(communes.findIndex(code))
                                    .filter(i -> i.isPresent())
                                    .map(i -> communes.get(i.getAsInt()))
                                    .map(c -> DensityClass.of(c.population(), c.areaKm2()));
                },
                settings.matching().maxMinutes(),
                settings.matching().networkPreferenceMinutes(),
                meters);
    }

    EngineZoneMatcher(
            Function<String, Optional<DensityClass>> densityOfCommune,
            double maxMinutes,
            double networkPreferenceMinutes,
            io.micrometer.core.instrument.MeterRegistry meters) {
        if (!(maxMinutes > 0) || !(networkPreferenceMinutes >= 0) || maxMinutes + networkPreferenceMinutes > 24 * 60) {
            throw new IllegalArgumentException("traitant.matching.max-minutes > 0, network-preference-minutes >= 0");
        }
        this.densityOfCommune = densityOfCommune;
        this.maxMinutes = maxMinutes;
        this.networkPreferenceMinutes = networkPreferenceMinutes;
        this.solves = io.micrometer.core.instrument.Timer.builder(SOLVES)
                .description("Solves of the matching engine (matching runs, transfer plans' proposals)")
                .register(meters);
    }

    /** The timer of the engine's solves. */
    static final String SOLVES = "traitant.matching.engine";

    /** Runs of at most this many households (a département) solve components of up to {@link #EXACT_COMPONENTS} exactly. */
    static final int EXACT_RUN_HOUSEHOLDS = 20_000;
    /** Components solved to the proven optimum in a département run (ADR 0063: class by class above 400 households). */
    static final int EXACT_COMPONENTS = 10_000;

    /**
     * The engine's options: defaults with the platform's network preference; a run of at most
     * {@value #EXACT_RUN_HOUSEHOLDS} households (a département) solves every component of up to
     * {@value #EXACT_COMPONENTS} households exactly, a larger one (a région, France) keeps the default limit (400) and
     * its certificate (ADR 0064).
     */
    MatchingOptions options(int households) {
        return MatchingOptions.DEFAULT
                .withNetworkPreferenceMinutes(networkPreferenceMinutes)
                .withExactComponentLimit(
                        households <= EXACT_RUN_HOUSEHOLDS
                                ? EXACT_COMPONENTS
                                : MatchingOptions.DEFAULT.exactComponentLimit());
    }

    private Household household(Demand d, Set<Long> excludedDoctors) {
        Needs needs = new Needs(
                d.paediatrics(),
                d.wheelchair(),
                Optional.ofNullable(d.language()).filter(l -> !l.isBlank()),
                d.complex());
        Set<String> excluded = new HashSet<>();
        for (long doctor : excludedDoctors) {
            excluded.add(Long.toString(doctor));
        }
        return new Household(
                Long.toString(d.entryId()),
                d.people(),
                new GeoPoint(d.lat(), d.lon()),
                d.priority(),
                d.waitingSince(),
                maxMinutes,
                needs,
                density(d.communeCode()),
                d.transferred(),
                excluded);
    }

    private Doctor doctor(Supply s, int places) {
        return new Doctor(
                Long.toString(s.doctorId()),
                new GeoPoint(s.lat(), s.lon()),
                Math.max(0, places),
                s.accepting(),
                new Capabilities(s.paediatrics(), s.wheelchair(), s.languages(), s.complexCases()),
                density(s.communeCode()),
                s.networkMember());
    }

    private DensityClass density(@Nullable String communeCode) {
        return communeCode == null
                ? DensityClass.INTERMEDIATE
                : densityOfCommune.apply(communeCode).orElse(DensityClass.INTERMEDIATE);
    }

    /** The engine's phases in French, for a run's page. */
    static String phase(String engineName) {
        return switch (engineName) {
            case "candidates" -> "recherche des médecins possibles";
            case "greedy" -> "première affectation";
            case "repair" -> "chaînes de réaffectation";
            case "polish" -> "amélioration des trajets";
            case "windows" -> "optimisation par fenêtres";
            case "chains" -> "chaînes de déplacements, priorité par priorité";
            case "exact", "cp-sat" -> "résolution exacte des zones";
            case "classes" -> "zone exacte : personnes servies, priorité par priorité";
            case "person-minutes" -> "zone exacte : réduction des trajets";
            case "tie-break" -> "zone exacte : départage par l’ancienneté de la demande";
            case "bound" -> "preuve (borne par priorité)";
            default -> "calcul";
        };
    }

    @Override
    public Result match(List<Demand> demands, List<Supply> supplies, Map<Long, Set<Long>> excluded, Progress progress) {
        Map<String, Demand> demandById = new HashMap<>();
        List<Household> households = new ArrayList<>();
        for (Demand d : demands) {
            Household h = household(d, excluded.getOrDefault(d.householdId(), Set.of()));
            demandById.put(h.id(), d);
            households.add(h);
        }
        Map<String, Supply> supplyById = new HashMap<>();
        List<Doctor> doctors = new ArrayList<>();
        for (Supply s : supplies) {
            Doctor doc = doctor(s, s.remaining());
            supplyById.put(doc.id(), s);
            doctors.add(doc);
        }
        MatchingResult result = solves.record(() -> Matcher.solve(
                        households,
                        doctors,
                        RoadTravelTimes.DEFAULT,
                        options(households.size())
                                .withProgress((phase, done, total) -> progress.at(
                                        phase(phase), total <= 0 ? 100 : (int) Math.min(100, done * 100 / total))))
                .result());

        Map<String, Household> householdById = new HashMap<>();
        households.forEach(h -> householdById.put(h.id(), h));
        Map<String, Doctor> doctorById = new HashMap<>();
        doctors.forEach(d -> doctorById.put(d.id(), d));
        List<Assignment> assignments = new ArrayList<>();
        for (Proposal p : result.proposals()) {
            Household h = java.util.Objects.requireNonNull(householdById.get(p.householdId()));
            Doctor doc = java.util.Objects.requireNonNull(doctorById.get(p.doctorId()));
            Explanation e = result.explain(p.householdId()).orElseThrow();
            List<PassedOver> nearer = new ArrayList<>();
            for (PassedOverDoctor o : e.nearerDoctors()) {
                nearer.add(new PassedOver(
                        java.util.Objects.requireNonNull(supplyById.get(o.doctorId()))
                                .doctorId(),
                        round(o.minutes()),
                        o.reason().name()));
            }
            double km = Math.round(h.location().distanceMetresTo(doc.location()) / 100.0) / 10.0;
            assignments.add(new Assignment(
                    java.util.Objects.requireNonNull(demandById.get(p.householdId()))
                            .entryId(),
                    java.util.Objects.requireNonNull(supplyById.get(p.doctorId()))
                            .doctorId(),
                    round(p.minutes()),
                    km,
                    e.rank(),
                    e.eligibleDoctors(),
                    doc.networkMember(),
                    nearer));
        }
        List<Unserved> unserved = new ArrayList<>();
        for (UnservedHousehold u : result.unserved()) {
            unserved.add(new Unserved(
                    java.util.Objects.requireNonNull(demandById.get(u.householdId()))
                            .entryId(),
                    u.reason().name(),
                    u.eligibleDoctors()));
        }
        return new Result(assignments, unserved, describe(result.objective()));
    }

    @Override
    public List<Alternative> alternatives(
            Demand d, List<Supply> supplies, Map<Long, Integer> remaining, Map<Long, Set<Long>> excluded) {
        Set<Long> excludedDoctors = excluded.getOrDefault(d.householdId(), Set.of());
        Household household = household(d, excludedDoctors);
        List<Alternative> alternatives = new ArrayList<>();
        for (Supply s : supplies) {
            int left = remaining.getOrDefault(s.doctorId(), s.remaining());
            Doctor doc = doctor(s, left);
            // the engine's eligibility rules: accepting, room for the whole household, needs met, not excluded
            if (!doc.accepting()
                    || left < d.people()
                    || excludedDoctors.contains(s.doctorId())
                    || !household.needs().metBy(doc.capabilities())) {
                continue;
            }
            double minutes = RoadTravelTimes.DEFAULT.minutes(household, doc);
            if (!(minutes <= maxMinutes)) {
                continue; // beyond the travel limit
            }
            double km = Math.round(household.location().distanceMetresTo(doc.location()) / 100.0) / 10.0;
            alternatives.add(new Alternative(s.doctorId(), round(minutes), km, s.networkMember()));
        }
        alternatives.sort(
                java.util.Comparator.comparingDouble(Alternative::minutes).thenComparingLong(Alternative::doctorId));
        return alternatives;
    }

    private static double round(double minutes) {
        return Math.round(minutes * 10) / 10.0;
    }

    /** "Personnes servies par priorité 1–5 : 2, 2, 0, 0, 0 ; 34 personnes-minutes". */
    static String describe(Objective o) {
        StringBuilder s = new StringBuilder("Personnes servies par priorité 1 à 5 : ");
        for (int p = 1; p <= 5; p++) {
            s.append(p > 1 ? ", " : "").append(FrenchNumbers.count(o.peopleServed(p)));
        }
        return s.append(" ; ")
                .append(FrenchNumbers.count(Math.round(o.personMinutes())))
                .append(" personnes-minutes de trajet")
                .toString();
    }
}
