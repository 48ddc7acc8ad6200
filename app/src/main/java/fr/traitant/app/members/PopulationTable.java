package fr.traitant.app.members;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * The protected population as counted from the database, in the shape of the fund's report table.
 *
 * @param referenceDate      date at which ages are counted
 * @param total              all members
 * @param byCategory         members per category
 * @param rows               one row per age band (report order), counts per category
 * @param unknownAge         members without a birth date
 * @param longTermCondition  members with an ALD
 * @param men                members recorded as men
 * @param women              members recorded as women
 * @param withoutDeclaredDoctor members without a médecin traitant
 * @param synthetic          members that are synthetic demo data
 */
public record PopulationTable(
        LocalDate referenceDate,
        long total,
        Map<MemberCategory, Long> byCategory,
        List<Row> rows,
        long unknownAge,
        long longTermCondition,
        long men,
        long women,
        long withoutDeclaredDoctor,
        long synthetic,
        java.time.Instant computedAt) {

    public PopulationTable {
        byCategory = Map.copyOf(byCategory);
        rows = List.copyOf(rows);
    }

    /** One age band: counts per category. */
    public record Row(AgeBand band, String label, Map<MemberCategory, Long> counts) {
        public Row {
            counts = Map.copyOf(counts);
        }

        public long count(MemberCategory category) {
            return counts.getOrDefault(category, 0L);
        }
    }

    /** Share of members with an ALD, in percent (two decimals, as in the report). */
    public double longTermConditionPercent() {
        return total == 0 ? 0 : Math.round(10_000.0 * longTermCondition / total) / 100.0;
    }

    /** Share of a category in a band, in percent of the category (two decimals). */
    public double percent(Row row, MemberCategory category) {
        long all = byCategory.getOrDefault(category, 0L);
        return all == 0 ? 0 : Math.round(10_000.0 * row.count(category) / all) / 100.0;
    }
}
