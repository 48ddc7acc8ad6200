package fr.traitant.app.platform;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.DoubleFunction;
import java.util.function.Function;
import org.jspecify.annotations.Nullable;

/**
 * A map coloured by a figure (a choropleth), drawn on the server as SVG by {@code templates/fragments/charts.html}
 * like the other {@link Charts}: the areas' paths come from the caller (e.g. the départements' shapes of the territory
 * module), five classes of equal counts (quintiles) in the DSFR blue, grey where the figure is missing or suppressed,
 * a legend and the table of the values beside it.
 */
public final class ChoroplethMaps {

    /** Five shades of blue France, lightest first, and grey for "no value". */
    public static final List<String> SHADES = List.of("#e3e3fd", "#cacafb", "#8585f6", "#6a6af4", "#000091");

    public static final String NO_VALUE = "#e5e5e5";

    /** An area as drawn: its code, its path, its colour and its name with the value (its tooltip). */
    public record Area(String code, String path, String fill, String title) {}

    /** A class of the legend: its colour and its range, as shown. */
    public record LegendClass(String color, String label) {}

    public record ChoroplethMap(
            int width, int height, List<Area> areas, List<LegendClass> legend, Charts.DataTable table) {}

    private ChoroplethMaps() {}

    /**
     * @param paths SVG path data by area code, in a {@code width} × {@code height} box
     * @param values the figure by area code; an absent or null value is drawn grey ("non diffusé" or no data)
     * @param names an area's name from its code
     * @param format a value as shown
     */
    public static ChoroplethMap of(
            int width,
            int height,
            Map<String, String> paths,
            Map<String, @Nullable Double> values,
            Function<String, String> names,
            DoubleFunction<String> format,
            String valueColumn) {
        double[] known = values.values().stream()
                .filter(java.util.Objects::nonNull)
                .mapToDouble(Double::doubleValue)
                .sorted()
                .toArray();
        double[] limits = known.length == 0 ? new double[SHADES.size() - 1] : limits(known);
        List<Area> areas = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (Map.Entry<String, String> e : new java.util.TreeMap<>(paths).entrySet()) {
            Double v = values.get(e.getKey());
            String name = names.apply(e.getKey());
            String shown = v == null ? "non diffusé" : format.apply(v);
            areas.add(new Area(
                    e.getKey(),
                    e.getValue(),
                    v == null ? NO_VALUE : SHADES.get(shade(v, limits)),
                    name + " : " + shown));
            rows.add(List.of(name, shown));
        }
        List<LegendClass> legend = new ArrayList<>();
        if (known.length > 0) {
            double low = known[0];
            for (int i = 0; i < SHADES.size(); i++) {
                double high = i < limits.length ? limits[i] : known[known.length - 1];
                legend.add(new LegendClass(
                        SHADES.get(i),
                        (i == 0 ? "de " + format.apply(low) : "de " + format.apply(limits[i - 1]))
                                + (i < limits.length ? " à moins de " : " à ")
                                + format.apply(high)));
            }
        }
        legend.add(new LegendClass(NO_VALUE, "non diffusé ou sans donnée"));
        return new ChoroplethMap(
                width, height, areas, legend, new Charts.DataTable(List.of("Zone", valueColumn), rows));
    }

    /** The class of a value: the number of class limits it reaches. */
    static int shade(double value, double[] limits) {
        int c = 0;
        while (c < limits.length && value >= limits[c]) c++;
        return Math.min(c, SHADES.size() - 1);
    }

    /** The class limits (quintiles) of values: the lower bound of classes 2 to 5. */
    static double[] limits(double... values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        double[] limits = new double[SHADES.size() - 1];
        for (int i = 0; i < limits.length; i++)
            limits[i] = sorted[(int) Math.floor((double) (i + 1) * sorted.length / SHADES.size())];
        return limits;
    }
}
