package fr.traitant.app.platform;

import java.util.List;
import java.util.Map;
import java.util.function.UnaryOperator;
import org.springframework.jdbc.core.RowMapper;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.web.util.UriComponentsBuilder;

/**
 * What a person asks of a list page: which page ({@code page}, from 1), which column to sort on ({@code tri}) and in
 * which direction ({@code ordre=desc}), read from the query string by {@link ListRequestResolver} with the page's own
 * address so that the pager and the column headers can keep every other parameter (filters) as it is. One way to
 * page and sort a list, for every list of the application (issue 13, point 6).
 */
public record ListRequest(int page, String sort, boolean descending, String path, String query) {

    /** Rows per page unless a page says otherwise. */
    public static final int SIZE = 50;

    public ListRequest {
        page = Math.max(1, page);
        sort = sort == null ? "" : sort;
        query = query == null ? "" : query;
    }

    /** A request for the first page in the default order (for tests and internal callers). */
    public static ListRequest first(String path) {
        return new ListRequest(1, "", false, path, "");
    }

    public int offset(int size) {
        return (int) Math.min(Integer.MAX_VALUE, (long) (page - 1) * size);
    }

    /**
     * The SQL {@code order by} expression for the requested column among those the page allows ({@code key → SQL
     * expression}), or the default; never text from the request itself. A tie-breaker keeps pages stable.
     */
    public String orderBy(
            Map<String, String> sortable, String defaultKey, boolean defaultDescending, String tieBreaker) {
        boolean known = sortable.containsKey(sort);
        String key = known ? sort : defaultKey;
        boolean desc = known ? descending : defaultDescending;
        return sortable.get(key) + (desc ? " desc nulls last" : " asc nulls last") + ", " + tieBreaker;
    }

    /** The key the list is sorted on, the default one when the request names none the page knows. */
    public String sortKey(List<String> sortable, String defaultKey) {
        return sortable.contains(sort) ? sort : defaultKey;
    }

    public <T> ListPage<T> page(List<T> rows, long total, int size) {
        return new ListPage<>(rows, total, page, size, this);
    }

    public <T> ListPage<T> page(List<T> rows, long total) {
        return page(rows, total, SIZE);
    }

    /** This page of a list held in memory (already filtered and in its order), {@code size} rows a page. */
    public <T> ListPage<T> slice(List<T> all, int size) {
        int from = Math.min(all.size(), offset(size));
        return page(all.subList(from, Math.min(all.size(), from + size)), all.size(), size);
    }

    /** This page of a list held in memory, {@link #SIZE} rows a page. */
    public <T> ListPage<T> slice(List<T> all) {
        return slice(all, SIZE);
    }

    /**
     * This page of a list read from the database, with the count of the whole list: {@code select count(*) from} and
     * {@code select columns from … order by … limit … offset …}, both with the same named parameters ({@code params}
     * binds them). {@code from} is what follows {@code from} (table, joins, where); {@code orderBy} ends with a
     * tie-breaker so that pages are stable.
     */
    public <T> ListPage<T> select(
            JdbcClient jdbc,
            String columns,
            String from,
            String orderBy,
            int size,
            UnaryOperator<JdbcClient.StatementSpec> params,
            RowMapper<T> mapper) {
        long total = params.apply(jdbc.sql("select count(*) from " + from))
                .query(Long.class)
                .single();
        List<T> rows = params.apply(jdbc.sql("select " + columns + " from " + from + " order by " + orderBy
                        + " limit :limit offset :offset"))
                .param("limit", size)
                .param("offset", offset(size))
                .query(mapper)
                .list();
        return page(rows, total, size);
    }

    /** This page's address with some query parameters replaced (null removes one). */
    String with(Map<String, Object> replaced) {
        UriComponentsBuilder builder = UriComponentsBuilder.fromPath(path);
        if (!query.isEmpty()) {
            builder.query(query);
        }
        replaced.forEach((name, value) -> {
            if (value == null) {
                builder.replaceQueryParam(name);
            } else {
                builder.replaceQueryParam(name, value);
            }
        });
        return builder.build().toUriString();
    }
}
