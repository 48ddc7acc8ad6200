package fr.traitant.app.platform;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.DoubleFunction;

/**
 * Charts drawn on the server as SVG by {@code templates/fragments/charts.html}: the geometry is computed here, the
 * numbers are formatted by the caller (French formats). No script and no inline style, so they print, work without
 * JavaScript and respect the content security policy. A chart repeats figures a page also gives as text or a table.
 */
public final class Charts {

    /** Colours of the State design system (DSFR): blue France, grey, red marianne, green. */
    public static final String BLUE = "#000091", GREY = "#666666", RED = "#ce0500", GREEN = "#18753c";

    private static final DateTimeFormatter MONTH = DateTimeFormatter.ofPattern("MMM yyyy", Locale.FRENCH);

    private Charts() {}

    /** A bar to draw: its label, its value and the value as shown. */
    public record Entry(String label, double value, String shown) {}

    /** A bar as drawn. */
    public record Bar(String label, String shown, double y, double width, double textX, double textY) {}

    /** Horizontal bars, one per entry, the longest for the largest value. */
    public record BarChart(List<Bar> bars, int width, int height, int labelWidth, int barHeight, String color) {
        /** The bars' figures as a table (label, value as shown). */
        public DataTable table() {
            return new DataTable(
                    List.of("", "Valeur"),
                    bars.stream().map(b -> List.of(b.label(), b.shown())).toList());
        }
    }

    public static BarChart bars(List<Entry> entries, String color) {
        int width = 640, labelWidth = 210, barHeight = 20, gap = 10, room = width - labelWidth - 90;
        double max = entries.stream().mapToDouble(Entry::value).max().orElse(0);
        List<Bar> bars = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            Entry e = entries.get(i);
            double y = gap + i * (barHeight + gap);
            double w = max <= 0 ? 0 : room * Math.max(0, e.value()) / max;
            bars.add(new Bar(e.label(), e.shown(), y, Math.max(w, 1), labelWidth + Math.max(w, 1) + 6, y + 15));
        }
        return new BarChart(bars, width, gap + entries.size() * (barHeight + gap), labelWidth, barHeight, color);
    }

    /** One value of a series on a day. */
    public record Datum(LocalDate day, double value, String shown) {}

    /** A series to draw. */
    public record SeriesData(String name, String color, boolean dashed, List<Datum> data) {}

    /** A point as drawn, with its day and value as text (shown on hover and read by screen readers). */
    public record Dot(double x, double y, String title) {}

    /** A series as drawn: an SVG polyline and its points. */
    public record Series(String name, String color, boolean dashed, String points, List<Dot> dots) {}

    /** A tick of an axis: its position and its label. */
    public record Tick(double at, String label) {}

    /** The figures of a chart as a table (the text alternative shown beside it): column headers, then rows. */
    public record DataTable(List<String> columns, List<List<String>> rows) {
        public DataTable {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /** Lines over time (the x axis proportional to the days), the y axis from 0 to {@code yMax}. */
    public record LineChart(
            DataTable table,
            List<Series> series,
            List<Tick> yTicks,
            List<Tick> xTicks,
            int width,
            int height,
            int left,
            int right,
            int top,
            int bottom) {}

    public static LineChart lines(List<SeriesData> data, double yMax, DoubleFunction<String> format) {
        int width = 640, height = 260, left = 70, right = 590, top = 36, bottom = 220;
        LocalDate first = null, last = null;
        for (SeriesData s : data)
            for (Datum d : s.data()) {
                if (first == null || d.day().isBefore(first)) first = d.day();
                if (last == null || d.day().isAfter(last)) last = d.day();
            }
        double max = yMax > 0 ? yMax : 1;
        List<Series> series = new ArrayList<>();
        List<Tick> xTicks = new ArrayList<>();
        if (first != null && last != null) {
            long span = ChronoUnit.DAYS.between(first, last);
            LocalDate origin = first;
            java.util.function.Function<LocalDate, Double> x = day -> span == 0
                    ? (left + right) / 2.0
                    : left + (right - left) * (double) ChronoUnit.DAYS.between(origin, day) / span;
            for (SeriesData s : data) {
                StringBuilder points = new StringBuilder();
                List<Dot> dots = new ArrayList<>();
                for (Datum d : s.data()) {
                    double px = round(x.apply(d.day())), py = round(bottom - (bottom - top) * d.value() / max);
                    if (!points.isEmpty()) points.append(' ');
                    points.append(px).append(',').append(py);
                    dots.add(new Dot(px, py, s.name() + ", " + FrenchDates.day(d.day()) + " : " + d.shown()));
                }
                series.add(new Series(s.name(), s.color(), s.dashed(), points.toString(), dots));
            }
            // at most five labels on the time axis, evenly spread over the days drawn
            int ticks = (int) Math.min(5, span + 1);
            for (int i = 0; i < ticks; i++) {
                LocalDate day = ticks == 1 ? first : first.plusDays(Math.round((double) span * i / (ticks - 1)));
                xTicks.add(new Tick(round(x.apply(day)), MONTH.format(day)));
            }
        }
        List<Tick> yTicks = new ArrayList<>();
        for (int i = 0; i <= 4; i++) {
            yTicks.add(new Tick(round(bottom - (bottom - top) * i / 4.0), format.apply(max * i / 4)));
        }
        return new LineChart(table(data), series, yTicks, xTicks, width, height, left, right, top, bottom);
    }

    /** One row per day (the days of every series, in order), one column per series; "—" where a series has none. */
    private static DataTable table(List<SeriesData> data) {
        java.util.TreeMap<LocalDate, String[]> days = new java.util.TreeMap<>();
        for (int i = 0; i < data.size(); i++)
            for (Datum d : data.get(i).data()) {
                String[] row = days.computeIfAbsent(d.day(), k -> new String[data.size()]);
                row[i] = d.shown();
            }
        List<String> columns = new ArrayList<>();
        columns.add("Date");
        data.forEach(s -> columns.add(s.name()));
        List<List<String>> rows = new ArrayList<>();
        days.forEach((day, values) -> {
            List<String> row = new ArrayList<>();
            row.add(java.util.Objects.requireNonNullElse(FrenchDates.day(day), ""));
            for (String v : values) row.add(v == null ? "—" : v);
            rows.add(row);
        });
        return new DataTable(columns, rows);
    }

    /** A bar split in parts (stacked): its label, the parts' values and shown values, in the legend's order. */
    public record StackedEntry(String label, List<Double> values, List<String> shown) {
        public StackedEntry {
            values = List.copyOf(values);
            shown = List.copyOf(shown);
        }
    }

    /** A part of a stacked bar as drawn. */
    public record Segment(double x, double width, String color, String title) {}

    /** A stacked bar as drawn, with its total as shown. */
    public record StackedBar(
            String label, double y, double textY, List<Segment> segments, double totalX, String total) {}

    /** A legend item: a colour and what it stands for. */
    public record Key(String color, String label) {}

    /** Horizontal stacked bars, the longest for the largest total, with a legend and the table of the values. */
    public record StackedChart(
            List<StackedBar> bars,
            List<Key> legend,
            DataTable table,
            int width,
            int height,
            int labelWidth,
            int barHeight) {}

    /** DSFR palette for the parts of stacked bars, in order. */
    public static final List<String> PALETTE = List.of(BLUE, "#6a6af4", "#b34000", GREEN, GREY, RED);

    public static StackedChart stacked(
            List<StackedEntry> entries, List<String> parts, DoubleFunction<String> formatTotal) {
        int width = 640, labelWidth = 170, barHeight = 20, gap = 10, room = width - labelWidth - 90;
        int legendHeight = 20 * parts.size() + 4; // one legend line per part, above the bars
        double max = entries.stream()
                .mapToDouble(e ->
                        e.values().stream().mapToDouble(Double::doubleValue).sum())
                .max()
                .orElse(0);
        List<StackedBar> bars = new ArrayList<>();
        List<List<String>> rows = new ArrayList<>();
        for (int i = 0; i < entries.size(); i++) {
            StackedEntry e = entries.get(i);
            double y = legendHeight + gap + i * (barHeight + gap), x = labelWidth, total = 0;
            List<Segment> segments = new ArrayList<>();
            List<String> row = new ArrayList<>();
            row.add(e.label());
            for (int p = 0; p < e.values().size(); p++) {
                double v = Math.max(0, e.values().get(p));
                double w = max <= 0 ? 0 : round(room * v / max);
                segments.add(new Segment(
                        round(x),
                        w,
                        PALETTE.get(p % PALETTE.size()),
                        e.label() + ", " + parts.get(p) + " : " + e.shown().get(p)));
                x += w;
                total += v;
                row.add(e.shown().get(p));
            }
            String shownTotal = formatTotal.apply(total);
            row.add(shownTotal);
            rows.add(row);
            bars.add(new StackedBar(e.label(), y, y + barHeight - 5, segments, round(x + 6), shownTotal));
        }
        List<Key> legend = new ArrayList<>();
        for (int p = 0; p < parts.size(); p++) legend.add(new Key(PALETTE.get(p % PALETTE.size()), parts.get(p)));
        List<String> columns = new ArrayList<>();
        columns.add("");
        columns.addAll(parts);
        columns.add("Total");
        return new StackedChart(
                bars,
                legend,
                new DataTable(columns, rows),
                width,
                legendHeight + gap + entries.size() * (barHeight + gap),
                labelWidth,
                barHeight);
    }

    private static double round(double v) {
        return Math.round(v * 10) / 10.0;
    }
}
