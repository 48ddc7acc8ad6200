package fr.traitant.app.territory;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.traitant.engine.territory.Commune;
import fr.traitant.engine.territory.Communes;
import java.io.IOException;
import java.io.InputStream;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;
import org.jspecify.annotations.Nullable;
import org.locationtech.jts.geom.Coordinate;
import org.locationtech.jts.geom.Envelope;
import org.locationtech.jts.geom.Geometry;
import org.locationtech.jts.geom.GeometryFactory;
import org.locationtech.jts.geom.LinearRing;
import org.locationtech.jts.geom.MultiPolygon;
import org.locationtech.jts.geom.Polygon;
import org.locationtech.jts.geom.PrecisionModel;
import org.locationtech.jts.operation.union.UnaryUnionOp;
import org.locationtech.jts.simplify.TopologyPreservingSimplifier;
import org.locationtech.jts.triangulate.VoronoiDiagramBuilder;
import org.springframework.core.io.ClassPathResource;
import org.springframework.stereotype.Service;

/**
 * Approximate outlines of the intercommunalités (EPCI) of metropolitan France, for maps: no official outline is shipped,
 * so each commune is given the part of the plane nearer to its chef-lieu than to any other (its Voronoi cell), the cells
 * of an EPCI's communes are merged and the result is clipped to its départements' outlines. Good enough to outline a
 * zone on a map at département scale (a border may be off by a few kilometres); never used for a computation. Built on
 * first use (a few seconds) and kept.
 */
@Service
public class EpciOutlines {

    /** Where the shipped département outlines are (the same file as {@code /geo/departements.geojson}). */
    static final String DEPARTEMENTS = "fr/traitant/referencedata/departements-metropole.geojson";

    /** Longitudes are scaled by the cosine of France's middle latitude so that the cells are of the right shape. */
    private static final double X_SCALE = Math.cos(Math.toRadians(46.5));

    /** Simplification tolerance, in degrees of latitude (about 300 m). */
    private static final double SIMPLIFY = 0.003;

    /** An EPCI's outline: GeoJSON polygons (rings of [longitude, latitude]), 4 decimals. */
    public record Outline(String siren, String name, List<List<List<double[]>>> polygons) {}

    private final Territory territory;
    private final GeometryFactory factory = new GeometryFactory(new PrecisionModel(), 4326);
    private final Map<String, Outline> outlines = new ConcurrentHashMap<>();
    private volatile @Nullable Cells cells;

    /** The Voronoi cell of each commune, and each département's outline, in the scaled plane. */
    private record Cells(Map<String, Geometry> byCommune, Map<String, Geometry> departements) {}

    EpciOutlines(Territory territory) {
        this.territory = territory;
    }

    /** The outlines of these EPCI (those with no commune in metropolitan France have none), in the given order. */
    public List<Outline> of(Collection<String> sirens) {
        Map<String, String> names = territory.epciNames();
        List<Outline> result = new ArrayList<>();
        for (String siren : sirens) {
            if (!names.containsKey(siren)) continue;
            Outline o = outlines.computeIfAbsent(siren, s -> build(s, Objects.requireNonNull(names.get(s))));
            if (!o.polygons().isEmpty()) result.add(o);
        }
        return result;
    }

    private Outline build(String siren, String name) {
        Cells c = cells();
        Communes communes = territory.engineCommunes();
        List<Geometry> parts = new ArrayList<>();
        Map<String, Geometry> deps = new LinkedHashMap<>();
        for (Commune commune : communes.asList()) {
            if (!commune.epci().equals(siren)) continue;
            Geometry cell = c.byCommune().get(commune.code());
            Geometry dep = c.departements().get(commune.departement());
            if (cell == null || dep == null) continue;
            parts.add(cell);
            deps.put(commune.departement(), dep);
        }
        if (parts.isEmpty()) return new Outline(siren, name, List.of());
        Geometry merged = UnaryUnionOp.union(parts);
        Geometry clipped = merged.intersection(UnaryUnionOp.union(deps.values()));
        Geometry simple = TopologyPreservingSimplifier.simplify(clipped, SIMPLIFY);
        return new Outline(siren, name, polygons(simple));
    }

    private synchronized Cells cells() {
        Cells c = cells;
        if (c != null) return c;
        Map<Coordinate, List<String>> sites = new HashMap<>();
        Envelope envelope = new Envelope();
        for (Commune commune : territory.engineCommunes().asList()) {
            if (commune.departement().startsWith("97")) continue; // overseas: no outline is shipped
            Coordinate at = scaled(commune.position().lon(), commune.position().lat());
            sites.computeIfAbsent(at, k -> new ArrayList<>()).add(commune.code());
            envelope.expandToInclude(at);
        }
        envelope.expandBy(1);
        VoronoiDiagramBuilder builder = new VoronoiDiagramBuilder();
        builder.setSites(new ArrayList<>(sites.keySet()));
        builder.setClipEnvelope(envelope);
        Geometry diagram = builder.getDiagram(factory);
        Map<String, Geometry> byCommune = new HashMap<>();
        for (int i = 0; i < diagram.getNumGeometries(); i++) {
            Geometry cell = diagram.getGeometryN(i);
            if (cell.getUserData() instanceof Coordinate site) {
                for (String code : sites.getOrDefault(site, List.of())) byCommune.put(code, cell);
            }
        }
        c = new Cells(byCommune, departements());
        cells = c;
        return c;
    }

    /** Each metropolitan département's outline in the scaled plane (x = longitude × cos 46.5°, y = latitude). */
    Map<String, Geometry> departementGeometries() {
        return departements();
    }

    private Map<String, Geometry> departements() {
        JsonNode root;
        try (InputStream in = new ClassPathResource(DEPARTEMENTS).getInputStream()) {
            root = new ObjectMapper().readTree(in);
        } catch (IOException e) {
            throw new IllegalStateException("Missing shipped reference file " + DEPARTEMENTS, e);
        }
        Map<String, Geometry> result = new HashMap<>();
        for (JsonNode feature : root.path("features")) {
            String code = feature.path("properties").path("code").asText();
            JsonNode geometry = feature.path("geometry");
            List<Polygon> polygons = new ArrayList<>();
            if (geometry.path("type").asText().equals("Polygon")) {
                polygons.add(polygon(geometry.path("coordinates")));
            } else {
                for (JsonNode p : geometry.path("coordinates")) polygons.add(polygon(p));
            }
            // buffer(0) repairs the few self-touching rings of a simplified source outline
            result.put(
                    code,
                    factory.createMultiPolygon(polygons.toArray(Polygon[]::new)).buffer(0));
        }
        return result;
    }

    private Polygon polygon(JsonNode rings) {
        LinearRing shell = ring(rings.get(0));
        LinearRing[] holes = new LinearRing[rings.size() - 1];
        for (int i = 1; i < rings.size(); i++) holes[i - 1] = ring(rings.get(i));
        return factory.createPolygon(shell, holes);
    }

    private LinearRing ring(JsonNode points) {
        Coordinate[] coordinates = new Coordinate[points.size()];
        for (int i = 0; i < points.size(); i++) {
            coordinates[i] =
                    scaled(points.get(i).get(0).asDouble(), points.get(i).get(1).asDouble());
        }
        return factory.createLinearRing(coordinates);
    }

    private static Coordinate scaled(double lon, double lat) {
        return new Coordinate(lon * X_SCALE, lat);
    }

    private static List<List<List<double[]>>> polygons(Geometry geometry) {
        List<List<List<double[]>>> result = new ArrayList<>();
        for (int i = 0; i < geometry.getNumGeometries(); i++) {
            Geometry part = geometry.getGeometryN(i);
            if (part instanceof Polygon p && !p.isEmpty()) {
                List<List<double[]>> rings = new ArrayList<>();
                rings.add(ring(p.getExteriorRing().getCoordinates()));
                for (int h = 0; h < p.getNumInteriorRing(); h++)
                    rings.add(ring(p.getInteriorRingN(h).getCoordinates()));
                result.add(rings);
            } else if (part instanceof MultiPolygon m) {
                result.addAll(polygons(m));
            }
        }
        return result;
    }

    private static List<double[]> ring(Coordinate[] coordinates) {
        List<double[]> ring = new ArrayList<>(coordinates.length);
        for (Coordinate c : coordinates) ring.add(new double[] {round(c.x / X_SCALE), round(c.y)});
        return ring;
    }

    private static double round(double degrees) {
        return Math.round(degrees * 10_000) / 10_000.0;
    }
}
