package fr.traitant.app.accessibility;

import fr.traitant.app.territory.Territory;
import fr.traitant.engine.accessibility.AccessibilityResult;
import fr.traitant.engine.accessibility.AreaLevel;
import fr.traitant.engine.accessibility.AreaScore;
import fr.traitant.engine.accessibility.CommuneScore;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.support.TransactionTemplate;

/** Stores the latest scores and the history of runs in PostgreSQL; every replacement is one transaction. */
@Repository
class AccessibilityStore {

    private final JdbcClient jdbc;
    private final JdbcTemplate jdbcTemplate;
    private final TransactionTemplate transactions;
    private final java.time.Clock clock;

    AccessibilityStore(
            JdbcClient jdbc, JdbcTemplate jdbcTemplate, TransactionTemplate transactions, java.time.Clock clock) {
        this.clock = clock;
        this.jdbc = jdbc;
        this.jdbcTemplate = jdbcTemplate;
        this.transactions = transactions;
    }

    long startRun(String kind, String trigger, Instant startedAt) {
        return jdbc.sql(
                        "insert into accessibility_run (kind, trigger, started_at, status) values (?, ?, ?, 'RUNNING') returning id")
                .params(kind, trigger, Timestamp.from(startedAt))
                .query(Long.class)
                .single();
    }

    void finishRun(AccessibilityStatus.Run run) {
        jdbc.sql("""
                update accessibility_run set status = 'SUCCEEDED', finished_at = ?, duration_ms = ?, doctors = ?,
                       national_apl = ?, underserved_population = ? where id = ?""")
                .params(
                        Timestamp.from(run.finishedAt()),
                        run.durationMs(),
                        run.doctors(),
                        run.nationalApl(),
                        run.underservedPopulation(),
                        run.id())
                .update();
    }

    void failRun(long runId, Instant at, String error) {
        jdbc.sql("update accessibility_run set status = 'FAILED', finished_at = ?, error = ? where id = ?")
                .params(
                        Timestamp.from(at),
                        error == null ? "" : error.substring(0, Math.min(error.length(), 2000)),
                        runId)
                .update();
    }

    Optional<AccessibilityStatus.Run> lastRun() {
        return jdbc.sql("""
                select id, kind, trigger, finished_at, duration_ms, doctors, national_apl, underserved_population
                  from accessibility_run where status = 'SUCCEEDED' order by id desc limit 1""")
                .query((rs, i) -> new AccessibilityStatus.Run(
                        rs.getLong(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getDouble(7),
                        rs.getLong(8)))
                .optional();
    }

    /** Replaces every stored score with {@code result}. */
    void replaceAll(long runId, AccessibilityResult result, Territory territory) {
        transactions.executeWithoutResult(status -> {
            jdbc.sql("delete from commune_accessibility").update();
            List<Object[]> rows = new ArrayList<>(result.size());
            for (CommuneScore score : result.communeScores()) {
                rows.add(new Object[] {score.code(), score.apl(), score.population(), score.underserved(), runId});
            }
            jdbcTemplate.batchUpdate(
                    "insert into commune_accessibility (commune_code, apl, population, underserved, run_id) values (?, ?, ?, ?, ?)",
                    rows);
            replaceAreas(runId, result);
        });
    }

    /** Stores the communes whose score changed between {@code previous} and {@code current}, and every area. */
    void replaceChanged(long runId, AccessibilityResult previous, AccessibilityResult current, Territory territory) {
        transactions.executeWithoutResult(status -> {
            List<Object[]> rows = new ArrayList<>();
            for (int i = 0; i < current.size(); i++) {
                if (Double.compare(previous.apl(i), current.apl(i)) != 0) {
                    CommuneScore score = current.score(i);
                    rows.add(new Object[] {score.apl(), score.underserved(), runId, score.code()});
                }
            }
            jdbcTemplate.batchUpdate(
                    "update commune_accessibility set apl = ?, underserved = ?, run_id = ? where commune_code = ?",
                    rows);
            replaceAreas(runId, current);
        });
    }

    private void replaceAreas(long runId, AccessibilityResult result) {
        jdbc.sql("delete from area_accessibility").update();
        Map<String, Integer> rank = new HashMap<>();
        List<AreaScore> ranked = result.lowestEpcis(Integer.MAX_VALUE);
        for (int r = 0; r < ranked.size(); r++) {
            rank.put(ranked.get(r).code(), r + 1);
        }
        List<Object[]> rows = new ArrayList<>();
        for (AreaLevel level : AreaLevel.values()) {
            for (AreaScore area : result.areas(level)) {
                Integer priorityRank = level == AreaLevel.EPCI ? rank.get(area.code()) : null;
                rows.add(new Object[] {
                    level.name(),
                    area.code(),
                    area.communeCount(),
                    area.population(),
                    area.apl(),
                    area.underservedPopulation(),
                    priorityRank,
                    runId
                });
            }
        }
        jdbcTemplate.batchUpdate("""
                insert into area_accessibility (level, code, commune_count, population, apl, underserved_population, priority_rank, run_id)
                values (?, ?, ?, ?, ?, ?, ?, ?)""", rows);
        // the day's history: this run's EPCI replace any earlier run of the same day
        java.time.LocalDate day = java.time.LocalDate.now(clock.withZone(fr.traitant.app.platform.FrenchDates.PARIS));
        jdbc.sql("delete from epci_accessibility_history where day = ?")
                .param(day)
                .update();
        List<Object[]> history = new ArrayList<>();
        for (AreaScore area : result.areas(AreaLevel.EPCI)) {
            history.add(new Object[] {day, area.code(), area.population(), area.apl(), runId});
        }
        jdbcTemplate.batchUpdate(
                "insert into epci_accessibility_history (day, epci, population, apl, run_id) values (?, ?, ?, ?, ?)",
                history);
    }

    /** One day of a set of EPCI's history: their APL weighted by population, and that of every EPCI. */
    record HistoryDay(java.time.LocalDate day, double apl, long population, double nationalApl) {}

    List<HistoryDay> history(java.util.Collection<String> epcis) {
        return jdbc.sql("""
                        select day,
                               sum(apl * population) filter (where epci = any(:e)) / nullif(sum(population) filter (where epci = any(:e)), 0),
                               coalesce(sum(population) filter (where epci = any(:e)), 0),
                               sum(apl * population) / nullif(sum(population), 0)
                          from epci_accessibility_history group by day order by day""")
                .param("e", epcis.toArray(String[]::new))
                .query((rs, i) -> new HistoryDay(
                        rs.getObject(1, java.time.LocalDate.class), rs.getDouble(2), rs.getLong(3), rs.getDouble(4)))
                .list();
    }
}
