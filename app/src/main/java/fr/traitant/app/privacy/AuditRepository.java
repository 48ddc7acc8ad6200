package fr.traitant.app.privacy;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AuditRepository {

    private final JdbcClient jdbc;

    AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Events of one actor, action and purpose (one or several), in one statement. */
    void insertAll(
            String actor,
            @Nullable Long actorAccountId,
            @Nullable String actorRole,
            List<AuditTrail.Access> accesses,
            AuditAction action,
            String purpose) {
        jdbc.sql("""
                        insert into audit_event (actor, actor_account_id, actor_role, person_ref, record_type, record_id, action, purpose)
                        select :actor, :accountId, :role, a.person, a.type, a.record_id, :action, :purpose
                          from unnest(cast(:persons as text[]), cast(:types as text[]), cast(:ids as text[]))
                               with ordinality as a(person, type, record_id, n)
                         order by a.n""")
                .param("actor", actor)
                .param("accountId", actorAccountId, java.sql.Types.BIGINT)
                .param("role", actorRole, java.sql.Types.VARCHAR)
                .param(
                        "persons",
                        accesses.stream().map(AuditTrail.Access::personRef).toArray(String[]::new))
                .param(
                        "types",
                        accesses.stream().map(AuditTrail.Access::recordType).toArray(String[]::new))
                .param("ids", accesses.stream().map(AuditTrail.Access::recordId).toArray(String[]::new))
                .param("action", action.name())
                .param("purpose", purpose)
                .update();
    }

    /** One page, most recent first, with the total; person and actor are exact matches, either may be blank (= any). */
    fr.traitant.app.platform.ListPage<AuditEvent> search(
            String personRef, String actor, fr.traitant.app.platform.ListRequest request, int size) {
        String person = personRef == null ? "" : personRef.trim();
        String who = actor == null ? "" : actor.trim().toLowerCase(java.util.Locale.ROOT);
        return request.select(
                jdbc,
                "id, occurred_at, actor, actor_role, person_ref, record_type, record_id, action, purpose",
                "audit_event where (:person = '' or person_ref = :person) and (:actor = '' or actor = :actor)",
                "occurred_at desc, id desc",
                size,
                sql -> sql.param("person", person).param("actor", who),
                AuditRepository::map);
    }

    /** Most recent first; person and actor are exact matches, either may be blank (= any). */
    List<AuditEvent> search(String personRef, String actor, int limit) {
        return jdbc.sql("""
                        select id, occurred_at, actor, actor_role, person_ref, record_type, record_id, action, purpose
                        from audit_event
                        where (:person = '' or person_ref = :person) and (:actor = '' or actor = :actor)
                        order by occurred_at desc, id desc limit :limit""")
                .param("person", personRef == null ? "" : personRef.trim())
                .param("actor", actor == null ? "" : actor.trim().toLowerCase(java.util.Locale.ROOT))
                .param("limit", limit)
                .query(AuditRepository::map)
                .list();
    }

    long countOlderThan(java.time.Instant cutoff) {
        return jdbc.sql("select count(*) from audit_event where occurred_at < :cutoff")
                .param("cutoff", java.sql.Timestamp.from(cutoff))
                .query(Long.class)
                .single();
    }

    private static AuditEvent map(ResultSet rs, int row) throws SQLException {
        return new AuditEvent(
                rs.getLong("id"),
                rs.getTimestamp("occurred_at").toInstant(),
                rs.getString("actor"),
                rs.getString("actor_role"),
                rs.getString("person_ref"),
                rs.getString("record_type"),
                rs.getString("record_id"),
                AuditAction.valueOf(rs.getString("action")),
                rs.getString("purpose"));
    }
}
