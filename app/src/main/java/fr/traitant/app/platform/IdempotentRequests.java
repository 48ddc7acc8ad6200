package fr.traitant.app.platform;

import java.time.Duration;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * The answers kept for idempotency keys ({@link IdempotentSubmissions}): table {@code idempotent_request}, one row per
 * (sender, key). A row is claimed (RUNNING) before the request runs, by an insert that only one of two concurrent
 * requests can win; it holds the answer (DONE) once the request has run. Rows are kept two days.
 */
@Component
class IdempotentRequests {

    /** A claim still RUNNING after this long belongs to a request that never finished (a crash): it may be taken. */
    static final Duration ABANDONED_AFTER = Duration.ofMinutes(10);

    /** Answers larger than this are not kept: a second request then learns that the first was processed. */
    static final int MAX_BODY = 5 * 1024 * 1024;

    private final JdbcClient jdbc;

    IdempotentRequests(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The answer kept for a request, or the request still running (status null). */
    record Kept(
            String method,
            String path,
            @Nullable Integer status,
            @Nullable String location,
            @Nullable String contentType,
            byte @Nullable [] body) {

        boolean done() {
            return status != null;
        }
    }

    /** True when this request may run (the key was free, or its earlier claim abandoned); false when it is taken. */
    boolean claim(String scope, String key, String method, String path) {
        try {
            jdbc.sql("insert into idempotent_request (scope, idempotency_key, method, path, state)"
                            + " values (:s, :k, :m, :p, 'RUNNING')")
                    .param("s", scope)
                    .param("k", key)
                    .param("m", method)
                    .param("p", path)
                    .update();
            return true;
        } catch (DuplicateKeyException taken) {
            return jdbc.sql("update idempotent_request set created_at = now(), method = :m, path = :p"
                                    + " where scope = :s and idempotency_key = :k and state = 'RUNNING'"
                                    + " and created_at < now() - make_interval(secs => :after)")
                            .param("s", scope)
                            .param("k", key)
                            .param("m", method)
                            .param("p", path)
                            .param("after", ABANDONED_AFTER.toSeconds())
                            .update()
                    == 1;
        }
    }

    Optional<Kept> find(String scope, String key) {
        return jdbc.sql("select method, path, status, location, content_type, body, state"
                        + " from idempotent_request where scope = :s and idempotency_key = :k")
                .param("s", scope)
                .param("k", key)
                .query((rs, n) -> new Kept(
                        rs.getString("method"),
                        rs.getString("path"),
                        rs.getString("state").equals("DONE") ? rs.getInt("status") : null,
                        rs.getString("location"),
                        rs.getString("content_type"),
                        rs.getBytes("body")))
                .optional();
    }

    void complete(
            String scope,
            String key,
            int status,
            @Nullable String location,
            @Nullable String contentType,
            byte @Nullable [] body) {
        jdbc.sql("update idempotent_request set state = 'DONE', status = :st, location = :l, content_type = :c,"
                        + " body = :b where scope = :s and idempotency_key = :k")
                .param("s", scope)
                .param("k", key)
                .param("st", status)
                .param("l", location, java.sql.Types.VARCHAR)
                .param("c", contentType, java.sql.Types.VARCHAR)
                .param("b", body != null && body.length <= MAX_BODY ? body : null, java.sql.Types.BINARY)
                .update();
    }

    /** Frees the key: the request was refused or failed (4xx, 5xx, an exception) and wrote nothing; it may be sent again. */
    void release(String scope, String key) {
        jdbc.sql("delete from idempotent_request where scope = :s and idempotency_key = :k and state = 'RUNNING'")
                .param("s", scope)
                .param("k", key)
                .update();
    }

    /** Keys are single-use forms or API retries: two days is far longer than any retry. */
    @Scheduled(cron = "${traitant.idempotency.cleanup-cron:0 40 3 * * *}")
    void forgetOld() {
        jdbc.sql("delete from idempotent_request where created_at < now() - interval '2 days'")
                .update();
    }
}
