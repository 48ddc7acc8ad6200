package fr.traitant.app.members;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicReference;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/**
 * Facade: aggregate figures on the protected population (no personal data, hence not audited). Reproduces the
 * fund's report table ("Répartition des bénéficiaires par tranche d'âge") from the database.
 */
@org.springframework.boot.context.properties.EnableConfigurationProperties(MembersProperties.class)
@Service
public class PopulationFigures {

    private final JdbcClient jdbc;
    private final LocalDate referenceDate;
    private final Clock clock;

    PopulationFigures(JdbcClient jdbc, MembersProperties settings, Clock clock) {
        this.jdbc = jdbc;
        this.referenceDate = settings.members().populationReferenceDate();
        this.clock = clock;
    }

    /** The fund's members by the commune of their household, and how many have no declared médecin traitant. */
    public record CommuneMembers(String commune, long members, long withoutDoctor) {}

    public List<CommuneMembers> byCommune() {
        return jdbc.sql("""
                        select h.commune_code, count(*), count(*) filter (where not m.has_declared_doctor)
                          from member m join household h on h.id = m.household_id
                         where h.closed_at is null and h.commune_code is not null and m.external_ref is not null
                         group by 1 order by 1""")
                .query((rs, i) -> new CommuneMembers(rs.getString(1), rs.getLong(2), rs.getLong(3)))
                .list();
    }

    /** How long a computed table is served before it is computed again (the page and the API say when it was). */
    static final Duration MAX_AGE = Duration.ofMinutes(1);

    private record Computed(Instant at, PopulationTable table) {}

    private final AtomicReference<@Nullable Computed> last = new AtomicReference<>();
    private final AtomicBoolean refreshing = new AtomicBoolean();

    /**
     * The table at the configured reference date (default 31 December 2024, the report's): the beneficiaries of the
     * fund's file (imported, or the synthetic stand-in for it) — a member created in the application without a
     * reference in the file (a household entered by hand) is not one of them.
     *
     * <p>Computing it scans the whole member table twice (about 0.3 s each for the fund's 774,468 members; the public
     * page and API served 2 to 3 requests per second, issue 22), so a computed table is served again, with the time
     * it was computed. Once it is older than {@link #MAX_AGE}, one reader computes it again while the others are still
     * served the previous one (nobody waits behind the recomputation); after a member import nobody is served the
     * previous one: the next reader computes it, the others wait for that result.
     */
    public PopulationTable table() {
        Computed known = last.get();
        if (known == null) {
            return computeOnce();
        }
        if (clock.instant().isBefore(known.at().plus(MAX_AGE)) || !refreshing.compareAndSet(false, true)) {
            return known.table();
        }
        try {
            Instant now = clock.instant();
            PopulationTable table = compute(now);
            last.compareAndSet(known, new Computed(now, table));
            return table;
        } finally {
            refreshing.set(false);
        }
    }

    private synchronized PopulationTable computeOnce() {
        Computed known = last.get();
        if (known != null) {
            return known.table();
        }
        Instant now = clock.instant();
        PopulationTable table = compute(now);
        last.set(new Computed(now, table));
        return table;
    }

    /** After the fund's file changed (an import committed): the next reading computes the table again. */
    void forget() {
        last.set(null);
    }

    private PopulationTable compute(Instant now) {
        Map<AgeBand, Map<MemberCategory, Long>> cells = new EnumMap<>(AgeBand.class);
        Map<MemberCategory, Long> byCategory = new EnumMap<>(MemberCategory.class);
        for (MemberCategory c : MemberCategory.values()) {
            byCategory.put(c, 0L);
        }
        long[] unknownAge = {0};
        jdbc.sql("""
                        select category, extract(year from age(:ref, birth_date))::int as age, count(*)
                          from member where external_ref is not null group by 1, 2""").param("ref", referenceDate).query(rs -> {
            MemberCategory category = MemberCategory.valueOf(rs.getString(1));
            int age = rs.getInt(2);
            boolean unknown = rs.wasNull() || age < 0;
            long n = rs.getLong(3);
            byCategory.merge(category, n, Long::sum);
            if (unknown) {
                unknownAge[0] += n;
            } else {
                cells.computeIfAbsent(AgeBand.of(age), b -> new EnumMap<>(MemberCategory.class))
                        .merge(category, n, Long::sum);
            }
        });
        List<PopulationTable.Row> rows = new ArrayList<>();
        for (AgeBand band : AgeBand.values()) {
            rows.add(new PopulationTable.Row(band, band.label(), cells.getOrDefault(band, Map.of())));
        }
        var totals = jdbc.sql("""
                        select count(*), count(*) filter (where long_term_condition is not null),
                               count(*) filter (where sex = 'M'), count(*) filter (where sex = 'F'),
                               count(*) filter (where not has_declared_doctor), count(*) filter (where synthetic)
                          from member where external_ref is not null""")
                .query((rs, i) -> new long[] {
                    rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4), rs.getLong(5), rs.getLong(6)
                })
                .single();
        return new PopulationTable(
                referenceDate,
                totals[0],
                byCategory,
                rows,
                unknownAge[0],
                totals[1],
                totals[2],
                totals[3],
                totals[4],
                totals[5],
                now);
    }
}
