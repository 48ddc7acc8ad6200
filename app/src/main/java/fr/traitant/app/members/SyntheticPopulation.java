package fr.traitant.app.members;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.jspecify.annotations.Nullable;

/**
 * DEMO ONLY — a synthetic protected population shaped like the fund's 2024 report ({@link FundPopulation2024}):
 * exactly the report's counts per category and age band at scale 1 (largest-remainder rounding below), exactly
 * 14.04 % in ALD and the report's men/women split, households of insured persons with their dependants living
 * around real garrisons, naval and air bases (weighted by a rough size) or anywhere in France in proportion to the
 * population (gendarmerie posts, retirees). Pure and deterministic: same communes, scale and seed, same population.
 * No NIR is generated (synthetic people have none).
 */
final class SyntheticPopulation {

    /** Radius around a site within which its families live, in metres. */
    static final double GARRISON_RADIUS_METRES = 20_000;

    /**
     * @param scale         share of the report's population to generate, in (0, 1]; counts are rounded per cell
     * @param seed          seed of the random choices
     * @param referenceDate date at which ages are counted (the report's: 31 December 2024)
     */
    record Parameters(double scale, long seed, LocalDate referenceDate) {
        Parameters {
            if (!(scale > 0 && scale <= 1)) {
                throw new IllegalArgumentException("scale must be in (0, 1]: " + scale);
            }
        }

        static final LocalDate REPORT_DATE = LocalDate.of(2024, 12, 31);
    }

    record Household(int index, String communeCode, double lat, double lon, String lastName) {}

    /** A synthetic member; {@code vulnerabilities} is a bit set over {@link Vulnerability} ordinals. */
    record Member(
            int index,
            int household,
            MemberCategory category,
            int age,
            LocalDate birthDate,
            char sex,
            @Nullable LongTermCondition longTermCondition,
            int vulnerabilities,
            boolean hasDeclaredDoctor,
            boolean consentToContact,
            String firstName) {}

    record Population(List<Household> households, List<Member> members) {}

    private SyntheticPopulation() {}

    /** The number of members of each category in each age band at this scale (exactly the report at scale 1). */
    static Map<MemberCategory, int[]> cellCounts(double scale) {
        Map<MemberCategory, int[]> counts = new EnumMap<>(MemberCategory.class);
        for (MemberCategory category : MemberCategory.values()) {
            double[] weights = new double[AgeBand.values().length];
            for (AgeBand band : AgeBand.values()) {
                weights[band.ordinal()] = FundPopulation2024.count(category, band);
            }
            counts.put(
                    category, largestRemainder((int) Math.round(FundPopulation2024.count(category) * scale), weights));
        }
        return counts;
    }

    /** Splits {@code total} in proportion to {@code weights}, whole numbers summing exactly to {@code total}. */
    static int[] largestRemainder(int total, double[] weights) {
        double sum = Arrays.stream(weights).sum();
        int[] parts = new int[weights.length];
        if (sum <= 0 || total <= 0) {
            return parts;
        }
        double[] remainders = new double[weights.length];
        int assigned = 0;
        for (int i = 0; i < weights.length; i++) {
            double exact = total * weights[i] / sum;
            parts[i] = (int) Math.floor(exact);
            remainders[i] = exact - parts[i];
            assigned += parts[i];
        }
        Integer[] order = new Integer[weights.length];
        for (int i = 0; i < order.length; i++) {
            order[i] = i;
        }
        Arrays.sort(
                order,
                (a, b) -> remainders[a] != remainders[b]
                        ? Double.compare(remainders[b], remainders[a])
                        : Integer.compare(a, b));
        for (int k = 0; assigned < total; k++, assigned++) {
            parts[order[k % order.length]]++;
        }
        return parts;
    }

    /**
     * Generates the population over these communes (sites whose commune is missing are skipped; with no site at
     * all, everybody lives anywhere in proportion to the population).
     */
    static Population generate(List<Commune> communes, Parameters parameters) {
        SplittableRandom random = new SplittableRandom(parameters.seed());
        Places places = new Places(communes);
        Map<MemberCategory, int[]> cells = cellCounts(parameters.scale());

        // 1. people: category and age, exactly the cells
        List<int[]> people = new ArrayList<>(); // {category, age}
        for (MemberCategory category : MemberCategory.values()) {
            int[] perBand = java.util.Objects.requireNonNull(cells.get(category));
            for (AgeBand band : AgeBand.values()) {
                for (int i = 0; i < perBand[band.ordinal()]; i++) {
                    people.add(new int[] {
                        category.ordinal(), band.minAge() + random.nextInt(band.maxAge() - band.minAge() + 1)
                    });
                }
            }
        }
        int n = people.size();

        // 2. exactly 14.04 % in ALD (the report's count, scaled), more likely with age
        boolean[] ald = pickExactly(
                (int) Math.round(FundPopulation2024.LONG_TERM_CONDITION * parameters.scale()),
                n,
                i -> aldWeight(people.get(i)[1]),
                random);
        // 3. exactly the report's men (scaled): insured mostly men, dependants mostly women except children
        boolean[] male = pickExactly(
                (int) Math.round(FundPopulation2024.MEN * parameters.scale()),
                n,
                i -> maleWeight(MemberCategory.values()[people.get(i)[0]], people.get(i)[1]),
                random);

        // 4. households: one per insured person, placed around a site or anywhere
        List<Household> households = new ArrayList<>();
        int[] householdOf = new int[n];
        List<Integer> activeHouseholds = new ArrayList<>();
        List<Integer> retiredHouseholds = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            MemberCategory category = MemberCategory.values()[people.get(i)[0]];
            if (!category.insured()) {
                continue;
            }
            double nearSite = switch (category) {
                case ACTIVE -> 0.80;
                case RETIRED -> 0.40;
                default -> 0.50;
            };
            Commune commune = random.nextDouble() < nearSite ? places.nearSite(random) : places.anywhere(random);
            double lat = commune.position().lat() + (random.nextDouble() - 0.5) * 0.02;
            double lon = commune.position().lon() + (random.nextDouble() - 0.5) * 0.03;
            int index = households.size();
            households.add(new Household(
                    index,
                    commune.code(),
                    clamp(lat, -90, 90),
                    clamp(lon, -180, 180),
                    SyntheticNames.LAST_NAMES[random.nextInt(SyntheticNames.LAST_NAMES.length)]));
            householdOf[i] = index;
            (category == MemberCategory.RETIRED ? retiredHouseholds : activeHouseholds).add(index);
        }
        // 5. dependants join an active household (children, younger adults) or a retired one (60 and over)
        for (int i = 0; i < n; i++) {
            MemberCategory category = MemberCategory.values()[people.get(i)[0]];
            if (category.insured()) {
                continue;
            }
            List<Integer> pool = people.get(i)[1] >= 60 && !retiredHouseholds.isEmpty()
                    ? retiredHouseholds
                    : activeHouseholds.isEmpty() ? retiredHouseholds : activeHouseholds;
            if (pool.isEmpty()) { // only dependants at a tiny scale: they get a household of their own
                Commune commune = places.anywhere(random);
                pool = List.of(households.size());
                households.add(new Household(
                        households.size(),
                        commune.code(),
                        commune.position().lat(),
                        commune.position().lon(),
                        SyntheticNames.LAST_NAMES[random.nextInt(SyntheticNames.LAST_NAMES.length)]));
            }
            householdOf[i] = pool.get(random.nextInt(pool.size()));
        }

        // 6. the rest of the profile
        boolean[] insuredHasDoctor = new boolean[households.size()];
        List<Member> members = new ArrayList<>(n);
        for (int pass = 0; pass < 2; pass++) { // insured first: children follow their household
            for (int i = 0; i < n; i++) {
                MemberCategory category = MemberCategory.values()[people.get(i)[0]];
                if (category.insured() != (pass == 0)) {
                    continue;
                }
                int age = people.get(i)[1];
                LongTermCondition condition = ald[i] ? aldGroup(age, random) : null;
                boolean hasDoctor = age < 16
                        ? insuredHasDoctor[householdOf[i]] || random.nextDouble() < 0.3
                        : random.nextDouble() >= (condition != null ? 0.06 : noDoctorShare(category));
                if (category.insured()) {
                    insuredHasDoctor[householdOf[i]] = hasDoctor;
                }
                LocalDate birth =
                        parameters.referenceDate().minusYears(age + 1L).plusDays(1 + random.nextInt(365));
                char sex = male[i] ? 'M' : 'F';
                members.add(new Member(
                        i,
                        householdOf[i],
                        category,
                        age,
                        birth,
                        sex,
                        condition,
                        vulnerabilities(category, age, sex, random),
                        hasDoctor,
                        random.nextDouble() < 0.7,
                        sex == 'M'
                                ? SyntheticNames.MEN_FIRST[random.nextInt(SyntheticNames.MEN_FIRST.length)]
                                : SyntheticNames.WOMEN_FIRST[random.nextInt(SyntheticNames.WOMEN_FIRST.length)]));
            }
        }
        return new Population(List.copyOf(households), List.copyOf(members));
    }

    /** Share without a médecin traitant by category, for people of 16 and over without ALD (assumption, see README). */
    static double noDoctorShare(MemberCategory category) {
        return switch (category) {
            case ACTIVE -> 0.22; // moved every few years
            case RETIRED -> 0.08;
            case OTHER_INSURED -> 0.15;
            case FAMILY_MEMBER -> 0.18; // follow the transfers
        };
    }

    private static double aldWeight(int age) {
        return age < 18 ? 0.02 : age < 40 ? 0.05 : age < 60 ? 0.15 : age < 75 ? 0.35 : 0.55;
    }

    private static double maleWeight(MemberCategory category, int age) {
        return switch (category) {
            case ACTIVE, RETIRED -> 6.0;
            case OTHER_INSURED -> 3.0;
            case FAMILY_MEMBER -> age < 18 ? 1.0 : 0.06;
        };
    }

    private static LongTermCondition aldGroup(int age, SplittableRandom random) {
        double[] shares =
                age < 40 ? new double[] {0.05, 0.10, 0.35, 0.05, 0.45} : new double[] {0.30, 0.20, 0.14, 0.18, 0.18};
        double u = random.nextDouble();
        LongTermCondition[] groups = LongTermCondition.values();
        for (int g = 0; g < groups.length; g++) {
            u -= shares[g];
            if (u < 0) {
                return groups[g];
            }
        }
        return LongTermCondition.OTHER;
    }

    private static int vulnerabilities(MemberCategory category, int age, char sex, SplittableRandom random) {
        int flags = 0;
        if (random.nextDouble() < (category == MemberCategory.OTHER_INSURED ? 0.40 : 0.03)) {
            flags |= 1 << Vulnerability.DISABILITY.ordinal();
        }
        if (sex == 'F' && age >= 20 && age <= 40 && random.nextDouble() < 0.03) {
            flags |= 1 << Vulnerability.PREGNANCY.ordinal();
        }
        if (age >= 80 && random.nextDouble() < 0.15) {
            flags |= 1 << Vulnerability.ISOLATION.ordinal();
        }
        if (random.nextDouble() < 0.008) { // 6,178 C2S beneficiaries in the report
            flags |= 1 << Vulnerability.PRECARIOUSNESS.ordinal();
        }
        if (random.nextDouble() < 0.02) {
            flags |= 1 << Vulnerability.RECENT_HOSPITALISATION.ordinal();
        }
        return flags;
    }

    /** Exactly {@code k} of {@code n} items, drawn without replacement with these weights (Efraimidis–Spirakis). */
    static boolean[] pickExactly(int k, int n, java.util.function.IntToDoubleFunction weight, SplittableRandom random) {
        double[] keys = new double[n];
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) {
            keys[i] = Math.log(random.nextDouble(Double.MIN_VALUE, 1.0)) / weight.applyAsDouble(i);
            order[i] = i;
        }
        Arrays.sort(order, (a, b) -> Double.compare(keys[b], keys[a]));
        boolean[] picked = new boolean[n];
        for (int j = 0; j < Math.min(k, n); j++) {
            picked[order[j]] = true;
        }
        return picked;
    }

    private static double clamp(double v, double min, double max) {
        return Math.max(min, Math.min(max, v));
    }

    /** Where households live: communes around the sites (by population) and anywhere (by population). */
    private static final class Places {
        private final List<Commune> all;
        private final double[] allCumulative;
        private final List<List<Commune>> around = new ArrayList<>();
        private final List<double[]> aroundCumulative = new ArrayList<>();
        private final double[] siteCumulative;

        Places(List<Commune> communes) {
            if (communes.isEmpty()) {
                throw new IllegalArgumentException("no commune");
            }
            all = List.copyOf(communes);
            allCumulative = cumulative(
                    all.stream().mapToDouble(c -> Math.max(1, c.population())).toArray());
            Map<String, Commune> byCode = new java.util.HashMap<>();
            communes.forEach(c -> byCode.put(c.code(), c));
            List<Double> siteWeights = new ArrayList<>();
            for (Garrison g : Garrison.ALL) {
                Commune site = byCode.get(g.communeCode());
                if (site == null) {
                    continue;
                }
                List<Commune> near = new ArrayList<>();
                for (Commune c : communes) {
                    if (c.position().distanceMetresTo(site.position()) <= GARRISON_RADIUS_METRES) {
                        near.add(c);
                    }
                }
                around.add(near);
                aroundCumulative.add(cumulative(near.stream()
                        .mapToDouble(c -> Math.max(1, c.population()))
                        .toArray()));
                siteWeights.add((double) g.weight());
            }
            siteCumulative = cumulative(
                    siteWeights.stream().mapToDouble(Double::doubleValue).toArray());
        }

        Commune anywhere(SplittableRandom random) {
            return all.get(draw(allCumulative, random));
        }

        Commune nearSite(SplittableRandom random) {
            if (around.isEmpty()) {
                return anywhere(random);
            }
            int site = draw(siteCumulative, random);
            return around.get(site).get(draw(aroundCumulative.get(site), random));
        }

        private static double[] cumulative(double[] weights) {
            double[] c = new double[weights.length];
            double sum = 0;
            for (int i = 0; i < weights.length; i++) {
                sum += weights[i];
                c[i] = sum;
            }
            return c;
        }

        private static int draw(double[] cumulative, SplittableRandom random) {
            double u = random.nextDouble() * cumulative[cumulative.length - 1];
            int i = Arrays.binarySearch(cumulative, u);
            return Math.min(i >= 0 ? i + 1 : -i - 1, cumulative.length - 1);
        }
    }

    static GeoPoint position(Household h) {
        return new GeoPoint(h.lat(), h.lon());
    }
}
