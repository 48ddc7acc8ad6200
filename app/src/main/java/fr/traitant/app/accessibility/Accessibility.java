package fr.traitant.app.accessibility;

import fr.traitant.app.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;

/** The accessibility module's facade: stored APL scores and the state of the computation. */
@Service
public class Accessibility {

    /** APL below which a commune is "sous-dense" (DREES threshold, consultations per inhabitant per year). */
    public static final double UNDERSERVED_THRESHOLD = 2.5;
    /** Largest number of EPCI one may ask for. */
    public static final int MAX_EPCI = 2000;

    /**
     * A commune's score.
     *
     * @param code        INSEE code
     * @param apl         consultations per inhabitant per year
     * @param population  inhabitants
     * @param underserved whether APL &lt; 2.5 ("sous-dense")
     */
    public record CommuneAccessibility(String code, double apl, long population, boolean underserved) {}

    /**
     * An area's population-weighted score.
     *
     * @param rank                  rank among inhabited EPCI from the lowest APL (EPCI only, else null)
     * @param code                  SIREN (EPCI), département or région code
     * @param name                  name
     * @param apl                   population-weighted APL
     * @param population            inhabitants
     * @param communes              number of communes
     * @param underservedPopulation inhabitants of its "sous-dense" communes
     */
    public record AreaAccessibility(
            @Nullable Integer rank,
            String code,
            @Nullable String name,
            double apl,
            long population,
            int communes,
            long underservedPopulation) {}

    /**
     * A commune's score with its position, for maps.
     *
     * @param code INSEE code
     * @param name name
     * @param lat  latitude
     * @param lon  longitude
     * @param apl  consultations per inhabitant per year
     * @param population inhabitants
     */
    public record CommunePoint(String code, String name, double lat, double lon, double apl, long population) {}

    /**
     * A day of a trend (the day's last computation).
     *
     * @param apl         population-weighted APL of the EPCI asked for
     * @param population  their inhabitants
     * @param nationalApl population-weighted APL of every EPCI, for comparison
     */
    public record TrendDay(java.time.LocalDate day, double apl, long population, double nationalApl) {}

    private final JdbcClient jdbc;
    private final AccessibilityComputation computation;
    private final fr.traitant.app.territory.Territory territory;
    private final AccessibilityStore store;

    Accessibility(
            JdbcClient jdbc,
            AccessibilityComputation computation,
            fr.traitant.app.territory.Territory territory,
            AccessibilityStore store) {
        this.store = store;
        this.jdbc = jdbc;
        this.computation = computation;
        this.territory = territory;
    }

    /** A commune whose APL would change. */
    public record Change(String code, long population, double before, double after) {
        /** Whether the commune would become "sous-dense". */
        public boolean fallsBelowThreshold() {
            return before >= UNDERSERVED_THRESHOLD && after < UNDERSERVED_THRESHOLD;
        }
    }

    /**
     * What the APL would be without these doctors (computed incrementally against the latest scores, nothing
     * stored): every commune whose APL changes. Empty before the first computation.
     */
    public Optional<List<Change>> without(java.util.Collection<String> doctorIds) {
        return computation.without(doctorIds);
    }

    /** The APL of a set of EPCI taken together, one value per day it was computed, oldest first. */
    public List<TrendDay> trend(java.util.Collection<String> epcis) {
        return store.history(epcis).stream()
                .map(d -> new TrendDay(d.day(), d.apl(), d.population(), d.nationalApl()))
                .toList();
    }

    public AccessibilityStatus status() {
        return computation.status();
    }

    /** Whether scores have been stored at least once. */
    public boolean hasScores() {
        return jdbc.sql("select exists (select 1 from commune_accessibility)")
                .query(Boolean.class)
                .single();
    }

    public Optional<CommuneAccessibility> findCommune(String code) {
        return jdbc.sql(
                        "select commune_code, apl, population, underserved from commune_accessibility where commune_code = ?")
                .param(code)
                .query((rs, i) ->
                        new CommuneAccessibility(rs.getString(1), rs.getDouble(2), rs.getLong(3), rs.getBoolean(4)))
                .optional();
    }

    public CommuneAccessibility getCommune(String code) {
        return findCommune(code)
                .orElseThrow(() -> new NotFoundException("Aucun indicateur d'accessibilité pour la commune " + code));
    }

    /** The {@code n} inhabited EPCI with the lowest APL, lowest first: the candidate priority zones. */
    public List<AreaAccessibility> lowestEpcis(int n) {
        if (n < 1 || n > MAX_EPCI) {
            throw new IllegalArgumentException(
                    "Le nombre d'intercommunalités (lowest) doit être compris entre 1 et " + MAX_EPCI + ".");
        }
        java.util.Map<String, String> names = territory.epciNames();
        return jdbc.sql("""
                select a.priority_rank, a.code, a.apl, a.population, a.commune_count, a.underserved_population
                  from area_accessibility a
                 where a.level = 'EPCI' and a.priority_rank <= ? order by a.priority_rank""").param(n).query((rs, i) -> area(rs, names)).list();
    }

    /** Every département's population-weighted APL, by code. */
    public List<AreaAccessibility> departements() {
        java.util.Map<String, String> names = territory.departementNames();
        return jdbc.sql("""
                select a.priority_rank, a.code, a.apl, a.population, a.commune_count, a.underserved_population
                  from area_accessibility a
                 where a.level = 'DEPARTEMENT' order by a.code""").query((rs, i) -> area(rs, names)).list();
    }

    /** Every région's population-weighted APL, lowest first. */
    public List<AreaAccessibility> regions() {
        java.util.Map<String, String> names = new java.util.HashMap<>();
        for (fr.traitant.app.territory.RegionSummary r : territory.regions()) names.put(r.code(), r.name());
        return jdbc.sql("""
                select a.priority_rank, a.code, a.apl, a.population, a.commune_count, a.underserved_population
                  from area_accessibility a
                 where a.level = 'REGION' order by a.apl, a.code""").query((rs, i) -> area(rs, names)).list();
    }

    /** Communes with their score and position, optionally in one département, by code. */
    public List<CommunePoint> communePoints(Optional<String> departement) {
        fr.traitant.engine.territory.Communes communes = territory.engineCommunes();
        List<CommunePoint> points = new java.util.ArrayList<>();
        // a département's communes have codes starting with its code ("83…", "2A…", "971…"): only those rows are read
        // (reading all 35,000 rows to keep one département's was nearly all of the API's time: 90 requests/s; issue 22)
        jdbc.sql("""
                        select commune_code, apl, population from commune_accessibility
                         where left(commune_code, length(?)) = ? order by commune_code """).params(departement.orElse(""), departement.orElse("")).query(rs -> {
            point(communes, rs, departement).ifPresent(points::add);
        });
        return points;
    }

    /** Communes whose name starts like {@code query} (see Territory's search), with their score. */
    public List<CommunePoint> searchCommunes(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        fr.traitant.engine.territory.Communes communes = territory.engineCommunes();
        List<CommunePoint> points = new java.util.ArrayList<>();
        jdbc.sql("""
                select commune_code, apl, population from commune_accessibility
                 where commune_code = any (?) order by population desc, commune_code""").param(codes.toArray(String[]::new)).query(rs -> {
            point(communes, rs, Optional.empty()).ifPresent(points::add);
        });
        return points;
    }

    /**
     * A stored commune score with the commune's name and position from the territory; none if the territory does not
     * know the commune or it lies outside {@code departement} (when given).
     */
    private static Optional<CommunePoint> point(
            fr.traitant.engine.territory.Communes communes, java.sql.ResultSet rs, Optional<String> departement)
            throws java.sql.SQLException {
        String code = rs.getString(1);
        java.util.OptionalInt i = communes.findIndex(code);
        if (i.isEmpty()) return Optional.empty();
        fr.traitant.engine.territory.Commune c = communes.get(i.getAsInt());
        if (departement.isPresent() && !departement.get().equals(c.departement())) return Optional.empty();
        return Optional.of(new CommunePoint(
                code, c.name(), c.position().lat(), c.position().lon(), rs.getDouble(2), rs.getLong(3)));
    }

    /** A stored area score, named from the territory's names (this module does not read territory's tables). */
    private static AreaAccessibility area(java.sql.ResultSet rs, java.util.Map<String, String> names)
            throws java.sql.SQLException {
        String code = rs.getString(2);
        return new AreaAccessibility(
                (Integer) rs.getObject(1),
                code,
                names.get(code),
                rs.getDouble(3),
                rs.getLong(4),
                rs.getInt(5),
                rs.getLong(6));
    }
}
