package fr.traitant.engine.travel;

import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.geo.SpatialIndex;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;

/**
 * {@link TravelTimes} estimated by a {@link RoadTimeModel} from the crow-fly distance between
 * commune points. Every pair is reachable (the estimate is finite); {@link #forEachReachable}
 * uses a {@link SpatialIndex} so only nearby communes are examined.
 */
public final class EstimatedRoadTimes implements TravelTimes {

    private final RoadTimeModel model;
    private final double[] lat;
    private final double[] lon;
    private final double[] speedKmh;
    private final SpatialIndex index;

    private EstimatedRoadTimes(Communes communes, RoadTimeModel model) {
        this.model = model;
        int n = communes.size();
        this.lat = new double[n];
        this.lon = new double[n];
        this.speedKmh = new double[n];
        for (int i = 0; i < n; i++) {
            Commune c = communes.get(i);
            lat[i] = c.position().lat();
            lon[i] = c.position().lon();
            speedKmh[i] = model.speedKmh(DensityClass.of(c.population(), c.areaKm2()));
        }
        this.index = SpatialIndex.of(lat, lon, 0.15);
    }

    /** Estimated times between the given communes under {@code model}. */
    public static EstimatedRoadTimes over(Communes communes, RoadTimeModel model) {
        return new EstimatedRoadTimes(communes, model);
    }

    /** The model in use. */
    public RoadTimeModel model() {
        return model;
    }

    @Override
    public int communeCount() {
        return lat.length;
    }

    @Override
    public double minutes(int origin, int destination) {
        if (origin == destination) {
            return model.intraCommuneMinutes();
        }
        double km = GeoPoint.greatCircleMetres(lat[origin], lon[origin], lat[destination], lon[destination]) / 1_000.0;
        return model.minutesBetween(km, speedKmh[origin], speedKmh[destination]);
    }

    @Override
    public void forEachReachable(int origin, double maxMinutes, Reach consumer) {
        if (!(maxMinutes >= 0)) {
            throw new IllegalArgumentException("maxMinutes must be >= 0, got " + maxMinutes);
        }
        if (model.intraCommuneMinutes() <= maxMinutes) {
            consumer.reach(origin, model.intraCommuneMinutes());
        }
        // Small relative margin so that rounding never hides a pair exactly at the budget;
        // every candidate is then checked with the exact formula.
        double radius = model.maxCrowFlyMetres(maxMinutes) * (1 + 1e-9);
        double originSpeed = speedKmh[origin];
        index.forEachWithin(new GeoPoint(lat[origin], lon[origin]), radius, (j, metres) -> {
            if (j != origin) {
                double minutes = model.minutesBetween(metres / 1_000.0, originSpeed, speedKmh[j]);
                if (minutes <= maxMinutes) {
                    consumer.reach(j, minutes);
                }
            }
        });
    }
}
