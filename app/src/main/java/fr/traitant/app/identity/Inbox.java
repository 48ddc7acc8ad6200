package fr.traitant.app.identity;

import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * In-app notifications ("Mes notifications"): any module tells a signed-in person something, with the page it is
 * about; the person reads them newest first, page by page. Written in the sender's transaction.
 */
@Service
public class Inbox {

    /** A notice as its reader sees it. */
    public record Notice(long id, Instant createdAt, String message, String href, boolean read) {}

    private final JdbcClient jdbc;
    private final Clock clock;

    Inbox(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /** @param href the page the notice is about ({@code /mon-medecin-traitant}, {@code /propositions/12}…) */
    public void notify(long accountId, String message, String href) {
        notify(accountId, message, href, clock.instant());
    }

    /** A notice dated {@code at} (the moment of the event it tells). */
    public void notify(long accountId, String message, String href, Instant at) {
        if (href == null || !href.startsWith("/")) {
            throw new IllegalArgumentException("A notice links to a page of the application: " + href);
        }
        jdbc.sql("insert into account_notification (account_id, created_at, message, href) values (:a, :at, :m, :h)")
                .param("a", accountId)
                .param("at", Timestamp.from(at))
                .param("m", message)
                .param("h", href)
                .update();
    }

    public ListPage<Notice> page(long accountId, ListRequest request) {
        return request.select(
                jdbc,
                "id, created_at, message, href, read_at is not null",
                "account_notification where account_id = :a",
                "created_at desc, id desc",
                ListRequest.SIZE,
                sql -> sql.param("a", accountId),
                (rs, i) -> new Notice(
                        rs.getLong(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getBoolean(5)));
    }

    public int unread(long accountId) {
        return jdbc.sql("select count(*) from account_notification where account_id = :a and read_at is null")
                .param("a", accountId)
                .query(Integer.class)
                .single();
    }

    @Transactional
    public void markAllRead(long accountId) {
        jdbc.sql("update account_notification set read_at = :at where account_id = :a and read_at is null")
                .param("a", accountId)
                .param("at", Timestamp.from(clock.instant()))
                .update();
    }
}
