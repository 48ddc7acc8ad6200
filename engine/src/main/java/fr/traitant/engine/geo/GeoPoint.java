package fr.traitant.engine.geo;

/**
 * A point on the Earth in WGS84 decimal degrees.
 *
 * <p>Validates itself: latitude in [-90, 90], longitude in [-180, 180], both finite.
 *
 * @param lat latitude in degrees, north positive
 * @param lon longitude in degrees, east positive
 */
public record GeoPoint(double lat, double lon) {

    /** Mean Earth radius in metres (IUGG), used by every great-circle computation here. */
    public static final double EARTH_RADIUS_METRES = 6_371_008.8;

    public GeoPoint {
        if (!(lat >= -90.0 && lat <= 90.0)) {
            throw new IllegalArgumentException("latitude must be within [-90, 90] degrees, got " + lat);
        }
        if (!(lon >= -180.0 && lon <= 180.0)) {
            throw new IllegalArgumentException("longitude must be within [-180, 180] degrees, got " + lon);
        }
    }

    /** Great-circle (haversine) distance to {@code other}, in metres. */
    public double distanceMetresTo(GeoPoint other) {
        return greatCircleMetres(lat, lon, other.lat, other.lon);
    }

    /**
     * Haversine great-circle distance in metres between two points given in degrees.
     * Primitive form for hot loops; arguments are not validated.
     */
    public static double greatCircleMetres(double lat1, double lon1, double lat2, double lon2) {
        double phi1 = Math.toRadians(lat1);
        double phi2 = Math.toRadians(lat2);
        double dPhi = phi2 - phi1;
        double dLambda = Math.toRadians(lon2 - lon1);
        double sinPhi = Math.sin(dPhi / 2);
        double sinLambda = Math.sin(dLambda / 2);
        double h = sinPhi * sinPhi + Math.cos(phi1) * Math.cos(phi2) * sinLambda * sinLambda;
        return 2 * EARTH_RADIUS_METRES * Math.asin(Math.min(1.0, Math.sqrt(h)));
    }
}
