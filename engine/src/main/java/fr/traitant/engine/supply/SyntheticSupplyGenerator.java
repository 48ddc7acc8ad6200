package fr.traitant.engine.supply;

import fr.traitant.engine.directory.NewPatients;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;
import java.util.random.RandomGenerator;

/**
 * Generates a <strong>synthetic</strong> population of doctors over real communes (the real RPPS
 * file cannot be had offline). Deterministic: the same communes, parameters and a generator in the
 * same state (e.g. {@code new SplittableRandom(seed)}) give the same doctors in the same order.
 *
 * <p>Model, per specialty (see {@link Specialty} for the figures):
 * <ol>
 *   <li>Count: {@code round(share · doctorCount)}, the last specialty taking the rounding rest.</li>
 *   <li>Commune, drawn with weight
 *       {@code population^α · population / (population + h) · factor(département)}: towns dense,
 *       small rural communes sparse, some départements far below the national density.</li>
 *   <li>Age: 29–74 from bands giving about 32 % aged 60 or more and 15 % over 65.</li>
 *   <li>Activity: {@code median · ageFactor · exp(N(0, 0.35))} consultations a year, ageFactor
 *       0.8 under 35, 1 from 35 to 64, 0.75 from 65 to 69, 0.5 from 70, at least 200.</li>
 *   <li>New patients: accepting with probability 0.45 for GPs and 0.6 for specialists, times 0.6
 *       in an under-served département (factor &lt; 0.8) and times 0.6 from 65; otherwise
 *       "existing patients and family only" with probability 0.3, else not accepting. Capacity of
 *       an accepting GP: 5 to 50 new patients; of a specialist: 0 (no médecin traitant role).</li>
 *   <li>Position: the commune's point moved by up to 0.3 × the radius of a disc of the commune's
 *       area (0.5 km when unknown).</li>
 * </ol>
 */
public final class SyntheticSupplyGenerator {

    private static final double[] AGE_BAND_START = {29, 35, 40, 45, 50, 55, 60, 65, 70};
    private static final double[] AGE_BAND_SHARE = {0.10, 0.11, 0.11, 0.11, 0.12, 0.13, 0.17, 0.11, 0.04};

    private SyntheticSupplyGenerator() {}

    /**
     * Generates {@code parameters.doctorCount()} synthetic doctors over {@code communes}, drawing
     * from {@code random} only.
     */
    public static List<SyntheticDoctor> generate(
            Communes communes, SyntheticSupplyParameters parameters, RandomGenerator random) {
        int n = communes.size();
        Map<String, Double> factorByDepartement = departementFactors(communes, parameters, random);
        double[] factor = new double[n];
        for (int i = 0; i < n; i++) {
            factor[i] = factorByDepartement.getOrDefault(communes.get(i).departement(), 1.0);
        }
        List<SyntheticDoctor> doctors = new ArrayList<>(parameters.doctorCount());
        Specialty[] specialties = Specialty.values();
        int remaining = parameters.doctorCount();
        for (int s = 0; s < specialties.length; s++) {
            Specialty specialty = specialties[s];
            int count = s == specialties.length - 1
                    ? remaining
                    : (int) Math.min(remaining, Math.round(specialty.share() * parameters.doctorCount()));
            remaining -= count;
            double[] cumulative = cumulativeWeights(communes, specialty, factor);
            double total = n == 0 ? 0 : cumulative[n - 1];
            if (count > 0 && !(total > 0)) {
                throw new IllegalArgumentException("no inhabited commune to place doctors in");
            }
            for (int k = 0; k < count; k++) {
                int commune = draw(cumulative, random.nextDouble() * total);
                doctors.add(doctor(doctors.size() + 1, specialty, communes.get(commune), factor[commune], random));
            }
        }
        return List.copyOf(doctors);
    }

    private static Map<String, Double> departementFactors(
            Communes communes, SyntheticSupplyParameters parameters, RandomGenerator random) {
        TreeSet<String> codes = new TreeSet<>();
        for (Commune c : communes.asList()) {
            codes.add(c.departement());
        }
        Map<String, Double> factors = new HashMap<>();
        for (String code : codes) { // sorted: deterministic use of the generator
            double noise = Math.exp(parameters.departementNoise() * random.nextGaussian());
            factors.put(code, parameters.departementFactors().getOrDefault(code, 1.0) * noise);
        }
        return factors;
    }

    private static double[] cumulativeWeights(Communes communes, Specialty specialty, double[] factor) {
        double[] cumulative = new double[communes.size()];
        double sum = 0;
        for (int i = 0; i < cumulative.length; i++) {
            double p = communes.get(i).population();
            if (p > 0) {
                sum += Math.pow(p, specialty.concentration())
                        * p
                        / (p + specialty.smallTownHalfPopulation())
                        * factor[i];
            }
            cumulative[i] = sum;
        }
        return cumulative;
    }

    private static int draw(double[] cumulative, double target) {
        int i = Arrays.binarySearch(cumulative, target);
        int index = i >= 0 ? i + 1 : -i - 1;
        index = Math.min(index, cumulative.length - 1);
        // skip zero-weight communes that share the cumulative value
        while (index > 0 && cumulative[index] == cumulative[index - 1] && index < cumulative.length - 1) {
            index++;
        }
        return index;
    }

    private static SyntheticDoctor doctor(
            int sequence, Specialty specialty, Commune commune, double departementFactor, RandomGenerator random) {
        int age = age(random);
        double ageFactor = age < 35 ? 0.8 : age < 65 ? 1.0 : age < 70 ? 0.75 : 0.5;
        double consultations = Math.max(
                200,
                Math.round(
                        specialty.medianConsultationsPerYear() * ageFactor * Math.exp(0.35 * random.nextGaussian())));
        double accepting = specialty.isGeneralPractice() ? 0.45 : 0.6;
        if (departementFactor < 0.8) {
            accepting *= 0.6;
        }
        if (age >= 65) {
            accepting *= 0.6;
        }
        double u = random.nextDouble();
        NewPatients status;
        int capacity = 0;
        if (u < accepting) {
            status = NewPatients.ACCEPTING;
            if (specialty.isGeneralPractice()) {
                capacity = 5 + random.nextInt(46);
            }
        } else if (random.nextDouble() < 0.3) {
            status = NewPatients.EXISTING_PATIENTS_AND_FAMILY_ONLY;
        } else {
            status = NewPatients.NOT_ACCEPTING;
        }
        GeoPoint position = jitter(commune, random);
        return new SyntheticDoctor(
                String.format("%s%06d", SyntheticDoctor.ID_PREFIX, sequence),
                specialty,
                commune.code(),
                position,
                age,
                consultations,
                status,
                capacity);
    }

    private static int age(RandomGenerator random) {
        double u = random.nextDouble();
        double cumulative = 0;
        for (int b = 0; b < AGE_BAND_SHARE.length; b++) {
            cumulative += AGE_BAND_SHARE[b];
            if (u < cumulative || b == AGE_BAND_SHARE.length - 1) {
                double end = b + 1 < AGE_BAND_START.length ? AGE_BAND_START[b + 1] : 75;
                return (int) AGE_BAND_START[b] + random.nextInt((int) (end - AGE_BAND_START[b]));
            }
        }
        throw new AssertionError("unreachable");
    }

    private static GeoPoint jitter(Commune commune, RandomGenerator random) {
        double radiusKm = Double.isNaN(commune.areaKm2()) ? 0.5 : 0.3 * Math.sqrt(commune.areaKm2() / Math.PI);
        double r = radiusKm * Math.sqrt(random.nextDouble());
        double angle = 2 * Math.PI * random.nextDouble();
        double lat = commune.position().lat() + r * Math.cos(angle) / 111.195;
        double cosLat =
                Math.max(0.01, Math.cos(Math.toRadians(commune.position().lat())));
        double lon = commune.position().lon() + r * Math.sin(angle) / (111.195 * cosLat);
        lat = Math.max(-90, Math.min(90, lat));
        lon = Math.max(-180, Math.min(180, lon));
        return new GeoPoint(lat, lon);
    }
}
