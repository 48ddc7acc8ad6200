package fr.traitant.app.accessibility;

import fr.traitant.app.platform.NotFoundException;
import java.util.List;
import java.util.Optional;
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
            Integer rank,
            String code,
            String name,
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

    private final JdbcClient jdbc;
    private final AccessibilityComputation computation;

    Accessibility(JdbcClient jdbc, AccessibilityComputation computation) {
        this.jdbc = jdbc;
        this.computation = computation;
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
        return jdbc.sql("""
                select a.priority_rank, a.code, e.name, a.apl, a.population, a.commune_count, a.underserved_population
                  from area_accessibility a left join epci e on e.siren = a.code
                 where a.level = 'EPCI' and a.priority_rank <= ? order by a.priority_rank""").param(n).query((rs, i) -> area(rs)).list();
    }

    /** Every département's population-weighted APL, by code. */
    public List<AreaAccessibility> departements() {
        return jdbc.sql("""
                select a.priority_rank, a.code, d.name, a.apl, a.population, a.commune_count, a.underserved_population
                  from area_accessibility a left join departement d on d.code = a.code
                 where a.level = 'DEPARTEMENT' order by a.code""").query((rs, i) -> area(rs)).list();
    }

    /** Every région's population-weighted APL, lowest first. */
    public List<AreaAccessibility> regions() {
        return jdbc.sql("""
                select a.priority_rank, a.code, r.name, a.apl, a.population, a.commune_count, a.underserved_population
                  from area_accessibility a left join region r on r.code = a.code
                 where a.level = 'REGION' order by a.apl, a.code""").query((rs, i) -> area(rs)).list();
    }

    /** Communes with their score and position, optionally in one département, by code. */
    public List<CommunePoint> communePoints(Optional<String> departement) {
        return jdbc.sql("""
                select c.code, c.name, c.lat, c.lon, s.apl, s.population
                  from commune_accessibility s join commune c on c.code = s.commune_code
                 where (cast(? as text) is null or c.departement_code = ?) order by c.code""")
                .params(departement.orElse(null), departement.orElse(null))
                .query((rs, i) -> new CommunePoint(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getLong(6)))
                .list();
    }

    /** Communes whose name starts like {@code query} (see Territory's search), with their score. */
    public List<CommunePoint> searchCommunes(List<String> codes) {
        if (codes.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("""
                select c.code, c.name, c.lat, c.lon, s.apl, s.population
                  from commune_accessibility s join commune c on c.code = s.commune_code
                 where c.code = any (?) order by s.population desc, c.code""")
                .param(codes.toArray(String[]::new))
                .query((rs, i) -> new CommunePoint(
                        rs.getString(1),
                        rs.getString(2),
                        rs.getDouble(3),
                        rs.getDouble(4),
                        rs.getDouble(5),
                        rs.getLong(6)))
                .list();
    }

    private static AreaAccessibility area(java.sql.ResultSet rs) throws java.sql.SQLException {
        return new AreaAccessibility(
                (Integer) rs.getObject(1),
                rs.getString(2),
                rs.getString(3),
                rs.getDouble(4),
                rs.getLong(5),
                rs.getInt(6),
                rs.getLong(7));
    }
}
