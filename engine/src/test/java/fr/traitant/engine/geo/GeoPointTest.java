package fr.traitant.engine.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

class GeoPointTest {

    @Test
    void paris_to_toulon_is_about_700_km() {
        GeoPoint paris = new GeoPoint(48.8566, 2.3522);
        GeoPoint toulon = new GeoPoint(43.1242, 5.9280);
        // Reference: ~ 699 km great-circle (computed independently with the spherical law of cosines below).
        double expected = lawOfCosinesMetres(paris, toulon);
        assertThat(paris.distanceMetresTo(toulon)).isCloseTo(expected, within(1.0));
        assertThat(expected).isBetween(690_000.0, 710_000.0);
    }

    @Test
    void distance_to_itself_is_zero_and_symmetric() {
        GeoPoint a = new GeoPoint(45.0, 4.0);
        GeoPoint b = new GeoPoint(45.1, 4.2);
        assertThat(a.distanceMetresTo(a)).isZero();
        assertThat(a.distanceMetresTo(b)).isEqualTo(b.distanceMetresTo(a));
    }

    @Test
    void one_degree_of_latitude_is_about_111_km() {
        assertThat(new GeoPoint(0, 0).distanceMetresTo(new GeoPoint(1, 0))).isCloseTo(111_195.0, within(5.0));
    }

    @Test
    void rejects_impossible_coordinates() {
        assertThatThrownBy(() -> new GeoPoint(91, 0))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("latitude");
        assertThatThrownBy(() -> new GeoPoint(0, -181))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("longitude");
        assertThatThrownBy(() -> new GeoPoint(Double.NaN, 0)).isInstanceOf(IllegalArgumentException.class);
    }

    private static double lawOfCosinesMetres(GeoPoint a, GeoPoint b) {
        double p1 = Math.toRadians(a.lat()), p2 = Math.toRadians(b.lat());
        double dl = Math.toRadians(b.lon() - a.lon());
        return Math.acos(Math.sin(p1) * Math.sin(p2) + Math.cos(p1) * Math.cos(p2) * Math.cos(dl))
                * GeoPoint.EARTH_RADIUS_METRES;
    }
}
