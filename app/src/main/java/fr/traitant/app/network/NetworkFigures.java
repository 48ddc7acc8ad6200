package fr.traitant.app.network;

import java.time.Instant;
import java.util.Map;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** Facade: the network's figures for reports and dashboards (aggregates of the charter's history, no person). */
@Service
public class NetworkFigures {

    private final JdbcClient jdbc;

    NetworkFigures(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Signatures recorded in {@code [from, to)} (first signatures and signatures again after a withdrawal). */
    public int signaturesBetween(Instant from, Instant to) {
        return jdbc.sql("select count(*) from charter_event where kind = 'SIGNED' and at >= ? and at < ?")
                .params(java.sql.Timestamp.from(from), java.sql.Timestamp.from(to))
                .query(Integer.class)
                .single();
    }

    /** Members of the network at an instant: signatures up to it less withdrawals up to it. */
    public int membersAt(Instant at) {
        return jdbc.sql("""
                        select count(*) filter (where kind = 'SIGNED') - count(*) filter (where kind = 'WITHDRAWN')
                          from charter_event where at <= ?""")
                .param(java.sql.Timestamp.from(at))
                .query(Integer.class)
                .single();
    }

    /** Signatories by the commune of their practice. */
    public Map<String, Integer> countsByCommune() {
        Map<String, Integer> counts = new java.util.HashMap<>();
        jdbc.sql("select commune_code, count(*) from charter_member where commune_code is not null group by 1")
                .query((rs, i) -> counts.put(rs.getString(1), rs.getInt(2)))
                .list();
        return counts;
    }
}
