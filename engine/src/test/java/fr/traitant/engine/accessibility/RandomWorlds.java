package fr.traitant.engine.accessibility;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import fr.traitant.engine.travel.EstimatedRoadTimes;
import fr.traitant.engine.travel.MatrixTravelTimes;
import fr.traitant.engine.travel.RoadTimeModel;
import fr.traitant.engine.travel.TravelTimes;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/** Seeded random worlds for property tests. */
record RandomWorlds(Communes communes, TravelTimes times, List<DoctorActivity> doctors) {

    static RandomWorlds generate(SplittableRandom random, int communeCount, int doctorCount, boolean matrix) {
        List<Commune> list = new ArrayList<>();
        for (int i = 0; i < communeCount; i++) {
            long population = random.nextInt(8) == 0
                    ? 0
                    : random.nextInt(5) == 0 ? random.nextInt(50_000) : random.nextInt(2_000);
            list.add(new Commune(
                    "C" + i,
                    "",
                    population,
                    new GeoPoint(random.nextDouble(45, 45.6), random.nextDouble(4.6, 5.4)),
                    random.nextDouble(2, 60),
                    "E" + random.nextInt(Math.max(1, communeCount / 8)),
                    "D" + random.nextInt(3),
                    "R" + random.nextInt(2)));
        }
        Communes communes = Communes.of(list);
        TravelTimes times;
        if (matrix) {
            MatrixTravelTimes.Builder builder = MatrixTravelTimes.builder(communeCount, random.nextBoolean());
            for (int i = 0; i < communeCount; i++) {
                for (int j = 0; j < communeCount; j++) {
                    if (random.nextInt(6) == 0) {
                        builder.add(i, j, random.nextInt(4) == 0 ? random.nextInt(30) : random.nextDouble(0, 30));
                    }
                }
            }
            times = builder.build();
        } else {
            times = EstimatedRoadTimes.over(communes, RoadTimeModel.DEFAULT);
        }
        List<DoctorActivity> doctors = new ArrayList<>();
        for (int d = 0; d < doctorCount; d++) {
            doctors.add(randomDoctor(random, communes, "d" + d));
        }
        return new RandomWorlds(communes, times, doctors);
    }

    static DoctorActivity randomDoctor(SplittableRandom random, Communes communes, String id) {
        String commune = communes.get(random.nextInt(communes.size())).code();
        double activity = random.nextInt(10) == 0 ? 0 : random.nextDouble(100, 9_000);
        return random.nextBoolean()
                ? DoctorActivity.of(id, commune, activity, 30 + random.nextInt(45))
                : DoctorActivity.of(id, commune, activity);
    }
}
