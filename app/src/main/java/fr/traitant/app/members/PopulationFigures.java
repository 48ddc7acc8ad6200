package fr.traitant.app.members;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
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

    PopulationFigures(JdbcClient jdbc, MembersProperties settings) {
        LocalDate referenceDate = settings.members().populationReferenceDate();
        this.jdbc = jdbc;
        this.referenceDate = referenceDate;
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

    /**
     * The table at the configured reference date (default 31 December 2024, the report's): the beneficiaries of the
     * fund's file (imported, or the synthetic stand-in for it) — a member created in the application without a
     * reference in the file (a household entered by hand) is not one of them.
     */
    public PopulationTable table() {
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
                totals[5]);
    }
}
