package fr.traitant.engine.accessibility;

import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.TravelTimes;
import java.util.List;

/**
 * Independent O(communes × doctors) implementation of E2SFCA for tests: no neighbour lists, no
 * per-commune supply, one ratio per doctor, every pair's time asked from {@link TravelTimes#minutes}.
 */
final class BruteForceApl {

    private BruteForceApl() {}

    static double[] compute(
            Communes communes, TravelTimes times, AccessibilityParameters parameters, List<DoctorActivity> doctors) {
        int n = communes.size();
        double[] apl = new double[n];
        for (DoctorActivity doctor : doctors) {
            if (!parameters.counts(doctor)) {
                continue;
            }
            int j = communes.indexOf(doctor.communeCode());
            double reachingDemand = 0;
            for (int i = 0; i < n; i++) {
                reachingDemand += parameters.demand().standardisedPopulation(communes.get(i))
                        * parameters.decay().weight(times.minutes(i, j));
            }
            if (reachingDemand <= 0) {
                continue;
            }
            double ratio = doctor.consultationsPerYear() / reachingDemand;
            for (int i = 0; i < n; i++) {
                apl[i] += parameters.decay().weight(times.minutes(i, j)) * ratio;
            }
        }
        return apl;
    }
}
