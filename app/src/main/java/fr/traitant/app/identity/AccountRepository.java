package fr.traitant.app.identity;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

@Repository
class AccountRepository {

    private static final String COLUMNS =
            "id, username, display_name, role, password_hash, rpps, enabled, demo, last_login_at";
    private final JdbcClient jdbc;

    AccountRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    long insert(
            String username,
            String displayName,
            Role role,
            @Nullable String passwordHash,
            @Nullable String rpps,
            boolean demo) {
        return jdbc.sql("""
                        insert into account (username, display_name, role, password_hash, rpps, demo)
                        values (:username, :displayName, :role, :hash, :rpps, :demo) returning id""")
                .param("username", username)
                .param("displayName", displayName)
                .param("role", role.name())
                .param("hash", passwordHash)
                .param("rpps", rpps)
                .param("demo", demo)
                .query(Long.class)
                .single();
    }

    Optional<Account> findByUsername(String username) {
        return findWhere("username", username);
    }

    Optional<Account> findByRpps(String rpps) {
        return findWhere("rpps", rpps);
    }

    Optional<Account> findBySubject(String subject) {
        return findWhere("oidc_subject", subject);
    }

    void setSubject(long id, String subject) {
        jdbc.sql("update account set oidc_subject = :s where id = :id")
                .param("s", subject)
                .param("id", id)
                .update();
    }

    void setEnabled(long id, boolean enabled, Instant at) {
        jdbc.sql(
                        "update account set enabled = :e, disabled_at = case when :e then null else cast(:at as timestamptz) end where id = :id")
                .param("e", enabled)
                .param("at", java.sql.Timestamp.from(at))
                .param("id", id)
                .update();
    }

    void setRole(long id, Role role) {
        jdbc.sql("update account set role = :role where id = :id")
                .param("role", role.name())
                .param("id", id)
                .update();
    }

    /** Accounts page by page, by name; {@code role} null for all, {@code query} matches name or e-mail. */
    fr.traitant.app.platform.ListPage<Account> page(
            @Nullable Role role, String query, fr.traitant.app.platform.ListRequest request) {
        String where = " where (cast(:role as text) is null or role = :role)"
                + " and (:q = '' or username ilike '%' || :q || '%' or display_name ilike '%' || :q || '%')";
        String q = query == null ? "" : query.strip().replace("%", "").replace("_", "");
        return request.select(
                jdbc,
                COLUMNS,
                "account" + where,
                "display_name, id",
                fr.traitant.app.platform.ListRequest.SIZE,
                sql -> sql.param("role", role == null ? null : role.name()).param("q", q),
                AccountRepository::map);
    }

    /** The account whose {@code column} (a unique one, named here, never from a request) has this value. */
    private Optional<Account> findWhere(String column, Object value) {
        return jdbc.sql("select " + COLUMNS + " from account where " + column + " = :v")
                .param("v", value)
                .query(AccountRepository::map)
                .optional();
    }

    Optional<Account> findById(long id) {
        return findWhere("id", id);
    }

    List<Account> withRole(Role role) {
        return jdbc.sql("select " + COLUMNS + " from account where role = :role and enabled order by display_name, id")
                .param("role", role.name())
                .query(AccountRepository::map)
                .list();
    }

    List<Account> demoAccounts() {
        return jdbc.sql("select " + COLUMNS + " from account where demo order by id")
                .query(AccountRepository::map)
                .list();
    }

    void updateRoleAndName(long id, Role role, String displayName) {
        jdbc.sql("update account set role = :role, display_name = :name where id = :id")
                .param("role", role.name())
                .param("name", displayName)
                .param("id", id)
                .update();
    }

    void recordLogin(long id, Instant at) {
        jdbc.sql("update account set last_login_at = :at where id = :id")
                .param("at", java.sql.Timestamp.from(at))
                .param("id", id)
                .update();
    }

    private static Account map(ResultSet rs, int row) throws SQLException {
        return new Account(
                rs.getLong("id"),
                rs.getString("username"),
                rs.getString("display_name"),
                Role.valueOf(rs.getString("role")),
                Optional.ofNullable(rs.getString("password_hash")),
                Optional.ofNullable(rs.getString("rpps")),
                rs.getBoolean("enabled"),
                rs.getBoolean("demo"),
                Optional.ofNullable(rs.getTimestamp("last_login_at")).map(java.sql.Timestamp::toInstant));
    }
}
