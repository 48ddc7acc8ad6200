package fr.traitant.app.territory;

import java.sql.Array;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The communes in memory, for the lookups every search makes (a commune by its code, communes by the start of their
 * name or of a postal code): the reference data is loaded at start-up and does not change while the application runs,
 * and the same queries in PostgreSQL took a pooled connection and a round trip per search (issue 22: the doctor search
 * resolves its place on every request). Same answers as the SQL it replaces: {@code name_search} (written by the loader
 * with {@link SearchText#normalize}) or a postal code of {@code commune_postal_code} starting with the normalized
 * text, most populated first, then by code.
 */
final class CommuneIndex {

    /** Every commune, most populated first then by code: a commune's rank is its position here. */
    private final CommuneSummary[] byRank;

    private final Map<String, CommuneSummary> byCode;
    private final String[] nameKeys; // sorted
    private final int[] nameRanks; // rank of the commune of nameKeys[i]
    private final String[] postalKeys; // sorted, one per (postal code, commune)
    private final int[] postalRanks;

    private CommuneIndex(List<CommuneSummary> communes, Map<String, String> nameSearch, List<String[]> postal) {
        byRank = communes.stream()
                .sorted(Comparator.comparingInt(CommuneSummary::population)
                        .reversed()
                        .thenComparing(CommuneSummary::code))
                .toArray(CommuneSummary[]::new);
        byCode = HashMap.newHashMap(byRank.length);
        Map<String, Integer> rankOf = HashMap.newHashMap(byRank.length);
        for (int r = 0; r < byRank.length; r++) {
            byCode.put(byRank[r].code(), byRank[r]);
            rankOf.put(byRank[r].code(), r);
        }
        List<Map.Entry<String, Integer>> names = new ArrayList<>(byRank.length);
        nameSearch.forEach((code, key) -> names.add(Map.entry(key, rankOf.get(code))));
        List<Map.Entry<String, Integer>> postals = new ArrayList<>(postal.size());
        for (String[] pair : postal) {
            Integer rank = rankOf.get(pair[0]);
            if (rank != null) {
                postals.add(Map.entry(pair[1], rank));
            }
        }
        Comparator<Map.Entry<String, Integer>> order =
                Map.Entry.<String, Integer>comparingByKey().thenComparing(Map.Entry.comparingByValue());
        names.sort(order);
        postals.sort(order);
        nameKeys = names.stream().map(Map.Entry::getKey).toArray(String[]::new);
        nameRanks = names.stream().mapToInt(Map.Entry::getValue).toArray();
        postalKeys = postals.stream().map(Map.Entry::getKey).toArray(String[]::new);
        postalRanks = postals.stream().mapToInt(Map.Entry::getValue).toArray();
    }

    static CommuneIndex read(JdbcClient jdbc) {
        Map<String, String> nameSearch = new HashMap<>();
        List<CommuneSummary> communes = jdbc.sql("""
                select c.code, c.name, c.departement_code, d.region_code, c.epci_siren, c.population, c.lat, c.lon,
                       c.postal_codes, c.name_search
                  from commune c join departement d on d.code = c.departement_code""")
                .query((rs, i) -> {
                    Array postalArray = rs.getArray(9);
                    List<String> postalCodes =
                            postalArray == null ? List.of() : Arrays.asList((String[]) postalArray.getArray());
                    nameSearch.put(rs.getString(1), rs.getString(10));
                    return new CommuneSummary(
                            rs.getString(1),
                            rs.getString(2),
                            rs.getString(3),
                            rs.getString(4),
                            rs.getString(5),
                            rs.getInt(6),
                            rs.getDouble(7),
                            rs.getDouble(8),
                            postalCodes);
                })
                .list();
        List<String[]> postal = jdbc.sql("select commune_code, postal_code from commune_postal_code")
                .query((rs, i) -> new String[] {rs.getString(1), rs.getString(2)})
                .list();
        return new CommuneIndex(communes, nameSearch, postal);
    }

    Optional<CommuneSummary> byCode(String code) {
        return Optional.ofNullable(byCode.get(code));
    }

    int size() {
        return byRank.length;
    }

    /**
     * The communes whose name (already normalized text, {@code byPostalCode} false) or one of whose postal codes
     * ({@code byPostalCode} true) starts with {@code prefix}, as a set of ranks: iterating it gives them most populated
     * first.
     */
    BitSet matching(String prefix, boolean byPostalCode) {
        String[] keys = byPostalCode ? postalKeys : nameKeys;
        int[] ranks = byPostalCode ? postalRanks : nameRanks;
        BitSet found = new BitSet(byRank.length);
        for (int i = firstNotBefore(keys, prefix); i < keys.length && keys[i].startsWith(prefix); i++) {
            found.set(ranks[i]);
        }
        return found;
    }

    /** The first index whose key is not before {@code key} (the keys are sorted, and may repeat). */
    private static int firstNotBefore(String[] keys, String key) {
        int low = 0;
        int high = keys.length;
        while (low < high) {
            int mid = (low + high) >>> 1;
            if (keys[mid].compareTo(key) < 0) {
                low = mid + 1;
            } else {
                high = mid;
            }
        }
        return low;
    }

    /** {@code limit} communes of a {@link #matching} set after skipping {@code offset}, in its order. */
    List<CommuneSummary> page(BitSet ranks, int limit, int offset) {
        List<CommuneSummary> page = new ArrayList<>(Math.min(limit, 64));
        int skipped = 0;
        for (int r = ranks.nextSetBit(0); r >= 0 && page.size() < limit; r = ranks.nextSetBit(r + 1)) {
            if (skipped++ >= offset) {
                page.add(byRank[r]);
            }
        }
        return page;
    }
}
