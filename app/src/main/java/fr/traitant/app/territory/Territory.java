package fr.traitant.app.territory;

import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.geo.GeoPoint;
import fr.traitant.engine.territory.Communes;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.util.function.SingletonSupplier;

/** The territory module's facade: communes, départements and régions of France. */
@Service
public class Territory {

    /** Longest accepted search text, in characters. */
    public static final int MAX_QUERY_LENGTH = 100;
    /** Largest page of search results. */
    public static final int MAX_LIMIT = 50;

    private static final Pattern COMMUNE_CODE = Pattern.compile("([0-9]{2}|2A|2B)[0-9]{3}");
    private static final Pattern DIGITS = Pattern.compile("[0-9]+");

    private final JdbcClient jdbc;
    private volatile @Nullable Communes engineCommunes;
    private volatile fr.traitant.engine.travel.@Nullable EstimatedRoadTimes roadTimes;
    // the reference data is loaded before this facade exists and does not change while the application runs (like
    // engineCommunes): its summaries are read once (issue 22: the home page's queries kept PostgreSQL busy)
    private final SingletonSupplier<List<DepartementSummary>> departementSummaries =
            SingletonSupplier.of(() -> List.copyOf(readDepartements()));
    private final SingletonSupplier<List<RegionSummary>> regionSummaries =
            SingletonSupplier.of(() -> List.copyOf(readRegions()));
    private final SingletonSupplier<CommuneIndex> communeIndex = SingletonSupplier.of(this::readCommuneIndex);

    /** Takes the loader so that the territory is loaded before anyone uses this facade. */
    Territory(JdbcClient jdbc, ReferenceDataLoader loadedFirst) {
        this.jdbc = jdbc;
    }

    /**
     * The platform's road-time estimate between communes (the same as the APL, the search, the coverage of care sites
     * and the campaigns), built once over {@link #engineCommunes()}.
     */
    public fr.traitant.engine.travel.EstimatedRoadTimes roadTimes() {
        fr.traitant.engine.travel.EstimatedRoadTimes t = roadTimes;
        if (t == null) {
            t = fr.traitant.engine.travel.EstimatedRoadTimes.over(
                    engineCommunes(), fr.traitant.engine.travel.RoadTimeModel.DEFAULT);
            roadTimes = t;
        }
        return t;
    }

    /**
     * Every commune as the engine needs it (code, name, population, position, area, EPCI, département, région),
     * ordered by code. Read once: the reference data changes only at start-up.
     */
    public Communes engineCommunes() {
        Communes communes = engineCommunes;
        if (communes == null) {
            List<fr.traitant.engine.territory.Commune> list = jdbc.sql("""
                    select c.code, c.name, c.population, c.lat, c.lon, c.area_km2, coalesce(c.epci_siren, ''),
                           c.departement_code, d.region_code
                      from commune c join departement d on d.code = c.departement_code order by c.code""")
                    .query((rs, i) -> {
                        double area = rs.getDouble(6);
                        boolean areaUnknown = rs.wasNull() || area <= 0;
                        return new fr.traitant.engine.territory.Commune(
                                rs.getString(1),
                                rs.getString(2),
                                rs.getLong(3),
                                new GeoPoint(rs.getDouble(4), rs.getDouble(5)),
                                areaUnknown ? Double.NaN : area,
                                rs.getString(7),
                                rs.getString(8),
                                rs.getString(9));
                    })
                    .list();
            communes = Communes.of(list);
            engineCommunes = communes;
        }
        return communes;
    }

    private volatile java.util.@Nullable Map<String, String> epciNames;

    /** Names of the EPCI by SIREN; reference data, read once (like {@link #departementNames()}). */
    public java.util.Map<String, String> epciNames() {
        java.util.Map<String, String> names = epciNames;
        if (names == null || names.isEmpty()) epciNames = names = namesBy("select siren, name from epci");
        return names;
    }

    /** The commune with this INSEE code, if it exists. A malformed code is an {@link IllegalArgumentException}. */
    public Optional<CommuneSummary> findCommune(String code) {
        if (code == null || !COMMUNE_CODE.matcher(code).matches()) {
            throw new IllegalArgumentException("Code commune INSEE invalide : « " + abbreviate(code)
                    + " » (5 caractères, par exemple 83137 ou 2A004)");
        }
        return communeIndex().byCode(code);
    }

    /** The commune with this INSEE code; {@link NotFoundException} if there is none. */
    public CommuneSummary getCommune(String code) {
        return findCommune(code).orElseThrow(() -> new NotFoundException("Aucune commune n'a le code INSEE " + code));
    }

    /**
     * Communes whose name or one of whose postal codes starts with {@code query}, ignoring accents, case,
     * hyphens and apostrophes; the most populated first.
     *
     * @throws IllegalArgumentException if the query is blank or longer than {@value #MAX_QUERY_LENGTH}
     *                                  characters, or the limit is outside 1..{@value #MAX_LIMIT}
     */
    public List<CommuneSummary> searchCommunes(String query, int limit) {
        if (query == null || query.isBlank()) {
            throw new IllegalArgumentException(
                    "Le texte recherché est vide : saisissez un nom de commune ou un code postal.");
        }
        if (query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException("Le texte recherché dépasse " + MAX_QUERY_LENGTH + " caractères.");
        }
        if (limit < 1 || limit > MAX_LIMIT) {
            throw new IllegalArgumentException(
                    "Le nombre de résultats (limit) doit être compris entre 1 et " + MAX_LIMIT + ".");
        }
        return search(query, limit, 0);
    }

    /** One page of the communes whose name or postal code starts with the text, most populated first, with the total. */
    public ListPage<CommuneSummary> searchCommunes(String query, ListRequest request) {
        if (query == null || query.isBlank() || query.length() > MAX_QUERY_LENGTH) {
            throw new IllegalArgumentException(
                    "Saisissez un nom de commune ou un code postal (" + MAX_QUERY_LENGTH + " caractères au plus).");
        }
        String normalized = SearchText.normalize(query);
        if (normalized.isEmpty()) {
            return request.page(List.of(), 0);
        }
        long total = communeIndex()
                .matching(normalized, DIGITS.matcher(normalized).matches())
                .cardinality();
        return request.page(search(query, ListRequest.SIZE, request.offset(ListRequest.SIZE)), total);
    }

    private List<CommuneSummary> search(String query, int limit, int offset) {
        String normalized = SearchText.normalize(query);
        if (normalized.isEmpty()) {
            return List.of();
        }
        CommuneIndex index = communeIndex();
        return index.page(index.matching(normalized, DIGITS.matcher(normalized).matches()), limit, offset);
    }

    /** Every département with its population, number of communes and area, by code. */
    public List<DepartementSummary> departements() {
        return departementSummaries.obtain();
    }

    private List<DepartementSummary> readDepartements() {
        return jdbc.sql("""
                select d.code, d.name, d.region_code, r.name as region_name, coalesce(sum(c.population), 0) as population,
                       count(c.code) as communes, coalesce(sum(c.area_km2), 0) as area
                  from departement d join region r on r.code = d.region_code left join commune c on c.departement_code = d.code
                 group by d.code, d.name, d.region_code, r.name
                 order by d.code""")
                .query((rs, i) -> new DepartementSummary(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getString(3),
                        rs.getString(4),
                        rs.getLong(5),
                        rs.getInt(6),
                        rs.getDouble(7)))
                .list();
    }

    private volatile java.util.@Nullable Map<String, String> departementNames;

    /** Names of the départements by code ("83" → "Var"); reference data, read once. */
    public java.util.Map<String, String> departementNames() {
        java.util.Map<String, String> names = departementNames;
        if (names == null || names.isEmpty()) departementNames = names = namesBy("select code, name from departement");
        return names;
    }

    /** A reference table's names by code: the query's two columns. */
    private java.util.Map<String, String> namesBy(String sql) {
        return jdbc.sql(sql).query((rs, i) -> java.util.Map.entry(rs.getString(1), rs.getString(2))).list().stream()
                .collect(java.util.stream.Collectors.toUnmodifiableMap(
                        java.util.Map.Entry::getKey, java.util.Map.Entry::getValue));
    }

    /** "Var (83)"; the code alone if unknown; empty for none. */
    public String departementLabel(String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        String name = departementNames().get(code);
        return name == null ? code : name + " (" + code + ")";
    }

    private static final java.util.regex.Pattern WITH_DEPARTEMENT =
            java.util.regex.Pattern.compile("(.+?)\\s*\\((\\d[\\dAB]\\d?)\\)");

    /**
     * The commune a person means by what they typed in a place field: an INSEE code, a postal code that belongs to one
     * commune only, or a name (accents and case aside; "Toulon (83)" as pages write it; the most populated commune of
     * that name otherwise). Empty when nothing, or more than one commune of a postal code, matches.
     */
    public Optional<CommuneSummary> resolveCommune(String text) {
        if (text == null || text.isBlank() || text.length() > MAX_QUERY_LENGTH) {
            return Optional.empty();
        }
        String t = text.strip();
        if (t.matches("(?i)[0-9]{2}[0-9]{3}|2[AB][0-9]{3}|97[0-9]{3}")) {
            Optional<CommuneSummary> byCode = findCommune(t.toUpperCase(java.util.Locale.ROOT));
            if (byCode.isPresent()) {
                return byCode;
            }
        }
        if (t.matches("[0-9]{5}")) {
            List<CommuneSummary> byPostal = search(t, 2, 0);
            return byPostal.size() == 1 ? Optional.of(byPostal.getFirst()) : Optional.empty();
        }
        String name = t;
        String departement = null;
        java.util.regex.Matcher m = WITH_DEPARTEMENT.matcher(t);
        if (m.matches()) {
            name = m.group(1);
            departement = m.group(2).toUpperCase(java.util.Locale.ROOT);
        }
        String wanted = SearchText.normalize(name);
        String dep = departement;
        return search(name, MAX_LIMIT, 0).stream()
                .filter(c -> SearchText.normalize(c.name()).equals(wanted))
                .filter(c -> dep == null || c.departement().equals(dep))
                .findFirst();
    }

    /** "Toulon (83)" for an INSEE code; the code itself if unknown; empty for none. */
    public String communeLabel(@Nullable String code) {
        if (code == null || code.isBlank()) {
            return "";
        }
        try {
            return findCommune(code)
                    .map(c -> c.name() + " (" + c.departement() + ")")
                    .orElse(code);
        } catch (IllegalArgumentException malformed) {
            return code;
        }
    }

    /**
     * The French message next to a département field when what was typed is no département of the reference data;
     * empty when it is one (or nothing was typed).
     */
    public Optional<String> departementError(String typed) {
        String code = typed == null ? "" : typed.strip().toUpperCase(java.util.Locale.ROOT);
        if (code.isEmpty() || isDepartement(code)) {
            return Optional.empty();
        }
        return Optional.of(
                "« " + typed.strip() + " » n’est pas un département : saisissez son code, par exemple 83 ou 2A.");
    }

    /** The code of the département typed by its name, accents, case and hyphens ignored ("Var", "cotes d'armor"). */
    public Optional<String> findDepartementByName(String typed) {
        String key = SearchText.normalize(typed == null ? "" : typed);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        return departementNames().entrySet().stream()
                .filter(e -> key.equals(SearchText.normalize(e.getValue())))
                .map(java.util.Map.Entry::getKey)
                .sorted()
                .findFirst();
    }

    /** Whether this is the code of a département of the reference data. */
    public boolean isDepartement(String code) {
        return code != null && departementNames().containsKey(code);
    }

    /** Every région with its population and number of communes, most populated first. */
    /** The région typed by its name (accents and case ignored, "Région …" accepted) or its code prefixed by R ("R93"). */
    public Optional<RegionSummary> findRegion(String typed) {
        String key = SearchText.normalize(typed == null ? "" : typed);
        if (key.isEmpty()) {
            return Optional.empty();
        }
        String bare = key.startsWith("region ") ? key.substring("region ".length()) : key;
        return regions().stream()
                .filter(r -> bare.equals(SearchText.normalize(r.name()))
                        || key.equals("r" + r.code().toLowerCase(java.util.Locale.ROOT)))
                .findFirst();
    }

    public List<RegionSummary> regions() {
        return regionSummaries.obtain();
    }

    private List<RegionSummary> readRegions() {
        return jdbc.sql("""
                select r.code, r.name, coalesce(sum(c.population), 0) as population, count(c.code) as communes
                  from region r join departement d on d.region_code = r.code left join commune c on c.departement_code = d.code
                 group by r.code, r.name
                 order by population desc, r.code""")
                .query((rs, i) -> new RegionSummary(rs.getString(1), rs.getString(2), rs.getLong(3), rs.getInt(4)))
                .list();
    }

    /** Number of communes loaded. */
    public int communeCount() {
        return communeIndex().size();
    }

    private CommuneIndex communeIndex() {
        return communeIndex.obtain();
    }

    private CommuneIndex readCommuneIndex() {
        return CommuneIndex.read(jdbc);
    }

    private static String abbreviate(String text) {
        if (text == null) {
            return "";
        }
        return text.length() <= 20 ? text : text.substring(0, 20) + "…";
    }
}
