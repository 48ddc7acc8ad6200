package fr.traitant.app.territory;

import java.util.Map;
import java.util.TreeMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.springframework.stereotype.Service;

/**
 * Facade: the metropolitan départements as SVG paths, for maps drawn on the server (choropleths in pages and PDFs, no
 * script). The shipped outlines (the same as {@code /geo/departements.geojson}) simplified to about 2 km and projected
 * on a plane where a degree of longitude is cos 46.5° of a degree of latitude. Built once.
 */
@Service
public class DepartementShapes {

    /** Shapes in a {@code width} × {@code height} box: SVG path data by département code. */
    public record Shapes(int width, int height, Map<String, String> paths) {
        public Shapes {
            paths = Map.copyOf(paths);
        }
    }

    private static final int WIDTH = 560;
    private static final double SIMPLIFY = 0.02;

    private final EpciOutlines outlines;
    private volatile @Nullable Shapes shapes;

    DepartementShapes(EpciOutlines outlines) {
        this.outlines = outlines;
    }

    public Shapes shapes() {
        Shapes s = shapes;
        if (s == null) {
            s = build(outlines.departementGeometries());
            shapes = s;
        }
        return s;
    }

    static Shapes build(Map<String, Geometry> geometries) {
        Envelope all = new Envelope();
        Map<String, Geometry> simple = new TreeMap<>();
        for (Map.Entry<String, Geometry> e : geometries.entrySet()) {
            Geometry g = TopologyPreservingSimplifier.simplify(e.getValue(), SIMPLIFY);
            simple.put(e.getKey(), g);
            all.expandToInclude(g.getEnvelopeInternal());
        }
        double scale = WIDTH / all.getWidth();
        int height = (int) Math.ceil(all.getHeight() * scale);
        Map<String, String> paths = new TreeMap<>();
        for (Map.Entry<String, Geometry> e : simple.entrySet()) {
            StringBuilder d = new StringBuilder();
            Geometry g = e.getValue();
            for (int i = 0; i < g.getNumGeometries(); i++) {
                if (!(g.getGeometryN(i) instanceof Polygon p) || p.isEmpty()) continue;
                ring(d, p.getExteriorRing().getCoordinates(), all, scale);
                for (int h = 0; h < p.getNumInteriorRing(); h++)
                    ring(d, p.getInteriorRingN(h).getCoordinates(), all, scale);
            }
            paths.put(e.getKey(), d.toString().strip());
        }
        return new Shapes(WIDTH, height, paths);
    }

    private static void ring(StringBuilder d, Coordinate[] points, Envelope all, double scale) {
        for (int i = 0; i < points.length; i++) {
            double x = (points[i].x - all.getMinX()) * scale;
            double y = (all.getMaxY() - points[i].y) * scale;
            d.append(i == 0 ? 'M' : 'L')
                    .append(Math.round(x * 10) / 10.0)
                    .append(',')
                    .append(Math.round(y * 10) / 10.0);
        }
        d.append("Z ");
    }
}
