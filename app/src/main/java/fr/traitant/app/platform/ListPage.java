package fr.traitant.app.platform;

import java.text.NumberFormat;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One page of a list with its total: what the page shows ("224 foyers — page 1 sur 5"), the links of the DSFR pager
 * and of the sortable column headers. Rendered by the fragments of {@code fragments/list.html}.
 */
public record ListPage<T>(List<T> rows, long total, int page, int size, ListRequest request) {

    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    public boolean hasPrevious() {
        return page > 1;
    }

    public boolean hasNext() {
        return page < pages();
    }

    public boolean isEmpty() {
        return rows.isEmpty();
    }

    /** The same page with each row transformed. */
    public <R> ListPage<R> map(java.util.function.Function<? super T, ? extends R> f) {
        return new ListPage<R>(rows.stream().<R>map(f).toList(), total, page, size, request);
    }

    /** Rank (from 1) of the first row shown. */
    public long firstRow() {
        return rows.isEmpty() ? 0 : (long) (page - 1) * size + 1;
    }

    public long lastRow() {
        return rows.isEmpty() ? 0 : firstRow() + rows.size() - 1;
    }

    /** "224 foyers — page 1 sur 5", "1 foyer", "Aucun foyer". */
    public String summary(String singular, String plural) {
        return summary(singular, plural, false);
    }

    /** The same for a feminine noun: "Aucune commune". */
    public String summaryFeminine(String singular, String plural) {
        return summary(singular, plural, true);
    }

    private String summary(String singular, String plural, boolean feminine) {
        if (total == 0) {
            return (feminine ? "Aucune " : "Aucun ") + singular;
        }
        String count =
                NumberFormat.getIntegerInstance(Locale.FRANCE).format(total).replace('\u202f', '\u00a0') + " "
                        + (total == 1 ? singular : plural);
        return pages() > 1 ? count + " — page " + page + " sur " + pages() : count;
    }

    public String href(int target) {
        Map<String, Object> replaced = new HashMap<>();
        replaced.put("page", target <= 1 ? null : target);
        return request.with(replaced);
    }

    /** Pages offered by number around the current one (first and last are links of their own). */
    public List<Integer> window() {
        List<Integer> numbers = new ArrayList<>();
        for (int p = Math.max(1, page - 2); p <= Math.min(pages(), page + 2); p++) {
            numbers.add(p);
        }
        return numbers;
    }

    /** The header link of a sortable column: sorts on it, or turns the order around when it already does; page 1. */
    public String sortHref(String key) {
        boolean current = key.equals(request.sort());
        Map<String, Object> replaced = new java.util.LinkedHashMap<>();
        replaced.put("tri", key);
        replaced.put("ordre", current && !request.descending() ? "desc" : null);
        replaced.put("page", null);
        return request.with(replaced);
    }

    /** The {@code aria-sort} value of a column header. */
    public String ariaSort(String key) {
        if (!key.equals(request.sort())) {
            return "none";
        }
        return request.descending() ? "descending" : "ascending";
    }
}
