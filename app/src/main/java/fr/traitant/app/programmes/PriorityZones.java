package fr.traitant.app.programmes;

import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.SemicolonCsv;
import fr.traitant.app.territory.Territory;
import java.io.Reader;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Clock;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the official lists of priority intercommunalités (EPCI), imported as CSV (column {@code epci}: a SIREN, or a
 * name matched to the EPCI table — accents, case, hyphens and spaces ignored; a name matching several EPCI is refused
 * with the candidates so that the file gives the SIREN), whole file or nothing, several lists over time; beside them
 * the computed candidates (the EPCI with the highest score of {@link ZoneScores}, their values shown) and the
 * differences.
 */
@Service
public class PriorityZones {

    public static final List<String> COLUMNS = List.of("epci");

    /** A list as imported. */
    public record ZoneList(long id, String name, LocalDate publishedOn, int zones) {}

    /** An EPCI with its accessibility values. */
    public record Zone(
            String siren,
            String name,
            double apl,
            long population,
            double aldPer10k,
            double gpsPer10k,
            double gpsOver60Share,
            double score,
            @org.jspecify.annotations.Nullable Integer rank) {}

    /** The official list against the computed candidates of the same size. */
    public record Comparison(ZoneList list, List<Zone> both, List<Zone> officialOnly, List<Zone> computedOnly) {}

    private final JdbcClient jdbc;
    private final Territory territory;
    private final ZoneScores scores;
    private final Clock clock;

    PriorityZones(JdbcClient jdbc, Territory territory, ZoneScores scores, Clock clock) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.scores = scores;
        this.clock = clock;
    }

    /** Imports a list; returns its id. */
    @Transactional
    public long importList(String name, LocalDate publishedOn, Reader csv) {
        if (name.isBlank() || name.length() > 200)
            throw new IllegalArgumentException("Nom de la liste : 1 à 200 caractères.");
        Map<String, String> names = territory.epciNames();
        Map<String, List<String>> byNormalName = new HashMap<>();
        names.forEach((siren, n) ->
                byNormalName.computeIfAbsent(normal(n), k -> new ArrayList<>()).add(siren));
        Set<String> seen = new LinkedHashSet<>();
        List<String> sirens =
                SemicolonCsv.read(csv, COLUMNS, "le fichier ne contient aucune intercommunalité", line -> {
                    String value = line.get("epci");
                    String siren;
                    if (value.matches("[0-9]{9}")) {
                        if (!names.containsKey(value))
                            throw new SemicolonCsv.LineError("SIREN inconnu « " + value + " »");
                        siren = value;
                    } else {
                        List<String> found = byNormalName.getOrDefault(normal(value), List.of());
                        if (found.isEmpty())
                            throw new SemicolonCsv.LineError("intercommunalité inconnue « " + value + " »");
                        if (found.size() > 1) {
                            throw new SemicolonCsv.LineError("nom ambigu « " + value + " » : "
                                    + found.stream()
                                            .sorted()
                                            .map(s -> s + " (" + names.get(s) + ")")
                                            .toList()
                                    + " — indiquez le SIREN");
                        }
                        siren = found.getFirst();
                    }
                    if (!seen.add(siren))
                        throw new SemicolonCsv.LineError("intercommunalité déjà dans le fichier : " + siren);
                    return siren;
                });
        long id = jdbc.sql("""
                        insert into priority_zone_list (name, published_on, imported_at) values (:n, :d, :now)
                        returning id""")
                .param("n", name.strip())
                .param("d", publishedOn)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> rs.getLong(1))
                .single();
        for (String siren : sirens) {
            jdbc.sql("insert into priority_zone (list_id, epci) values (?, ?)")
                    .params(id, siren)
                    .update();
        }
        return id;
    }

    /** Every list, the newest publication first. */
    public List<ZoneList> lists() {
        return jdbc.sql("""
                        select l.id, l.name, l.published_on, count(z.epci) from priority_zone_list l
                          left join priority_zone z on z.list_id = l.id
                         group by l.id order by l.published_on desc, l.id desc""")
                .query((rs, i) ->
                        new ZoneList(rs.getLong(1), rs.getString(2), rs.getObject(3, LocalDate.class), rs.getInt(4)))
                .list();
    }

    /** The newest list, if any. */
    public Optional<ZoneList> latest() {
        return lists().stream().findFirst();
    }

    public List<String> zonesOf(long listId) {
        return jdbc.sql("select epci from priority_zone where list_id = ? order by epci")
                .param(listId)
                .query((rs, i) -> rs.getString(1))
                .list();
    }

    /** The zones shown on every map: the newest official list, or else the computed candidates (151, as officially). */
    public record CurrentZones(String legend, boolean official, List<String> sirens) {}

    /** Size of the official list of September 2025, used for the computed candidates when no list is imported. */
    public static final int OFFICIAL_SIZE = 151;

    public CurrentZones current() {
        Optional<ZoneList> list = latest();
        if (list.isPresent()) {
            ZoneList l = list.get();
            return new CurrentZones(
                    "Zones prioritaires : liste officielle « " + l.name() + " » publiée le "
                            + fr.traitant.app.platform.FrenchDates.day(l.publishedOn()) + " (contours approchés)",
                    true,
                    zonesOf(l.id()));
        }
        return new CurrentZones(
                "Zones prioritaires : aucune liste officielle importée, les " + OFFICIAL_SIZE
                        + " intercommunalités au score le plus élevé calculé par Traitant (contours approchés)",
                false,
                computed(OFFICIAL_SIZE).stream().map(Zone::siren).toList());
    }

    /** The computed candidates: every inhabited EPCI by its score ({@link ZoneScores}), least served first. */
    public List<Zone> computed(int n) {
        List<Zone> all = new ArrayList<>();
        int rank = 0;
        for (ZoneScores.Scored z : scores.all()) {
            all.add(new Zone(
                    z.siren(),
                    z.name(),
                    z.apl(),
                    z.population(),
                    z.aldPer10k(),
                    z.gpsPer10k(),
                    z.gpsOver60Share(),
                    z.score(),
                    ++rank));
        }
        return all.subList(0, Math.min(n, all.size()));
    }

    /** The list against the computed candidates of the same size. */
    public Comparison compare(long listId) {
        return compare(listId, computed(Integer.MAX_VALUE));
    }

    /**
     * The same, against candidates already computed ({@link #computed(int)} over every EPCI), so that a page showing
     * both scores every EPCI once.
     */
    public Comparison compare(long listId, List<Zone> all) {
        ZoneList list = lists().stream()
                .filter(l -> l.id() == listId)
                .findFirst()
                .orElseThrow(() -> new NotFoundException("Aucune liste " + listId + "."));
        Set<String> official = new LinkedHashSet<>(zonesOf(listId));
        // the candidates cover every EPCI, so that an official zone outside the computed list still shows its values
        Map<String, Zone> bySiren = new HashMap<>();
        all.forEach(z -> bySiren.put(z.siren(), z));
        Set<String> computed = new LinkedHashSet<>();
        for (Zone z : all) if (computed.size() < official.size()) computed.add(z.siren());
        List<Zone> both = new ArrayList<>(), officialOnly = new ArrayList<>(), computedOnly = new ArrayList<>();
        Map<String, String> names = territory.epciNames();
        for (String s : official) {
            Zone z = bySiren.getOrDefault(
                    s, new Zone(s, names.getOrDefault(s, s), Double.NaN, 0, 0, 0, 0, Double.NaN, null));
            (computed.contains(s) ? both : officialOnly).add(z);
        }
        for (String s : computed)
            if (!official.contains(s)) computedOnly.add(java.util.Objects.requireNonNull(bySiren.get(s)));
        return new Comparison(list, both, officialOnly, computedOnly);
    }

    /** "Communauté de communes du Pays de Gourdon" → "communaute de communes du pays de gourdon". */
    static String normal(String name) {
        String s = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}", "");
        return s.toLowerCase(Locale.ROOT).replaceAll("[-'’\\s]+", " ").strip();
    }
}
