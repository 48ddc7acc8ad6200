package fr.traitant.app.programmes;

import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.platform.SemicolonCsv;
import fr.traitant.app.territory.Territory;
import java.io.Reader;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the registry of France Santé care sites. A site is added (form or CSV import, whole file or nothing) as a
 * candidate; the workflow ({@link CareSiteStatus#next()}) is recorded with its dates and the deciding authority; a
 * site is labelled only when every criterion of the label is met.
 */
@Service
public class CareSites {

    public static final List<String> COLUMNS =
            List.of("nom", "type", "adresse", "commune", "jours_ouverture", "infirmier", "secteur_1", "sas", "rdv_48h");

    /** A site to add. */
    public record NewSite(
            String name,
            CareSiteKind kind,
            String address,
            String communeCode,
            int openingDays,
            boolean nurse,
            boolean sector1,
            boolean sas,
            boolean appointment48h) {}

    /** One step of a site's history. */
    public record Event(CareSiteStatus status, Instant at, String authority, String note) {}

    static final String COLUMNS_SQL = """
            id, name, kind, address, commune_code, opening_days, nurse, sector1, sas, appointment_48h, status,
            status_changed_at, synthetic""";

    private final JdbcClient jdbc;
    private final Territory territory;
    private final Clock clock;

    CareSites(JdbcClient jdbc, Territory territory, Clock clock) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.clock = clock;
    }

    /** Adds a candidate site. */
    @Transactional
    public long add(NewSite site) {
        return add(site, false);
    }

    @Transactional
    long add(NewSite site, boolean synthetic) {
        if (territory.findCommune(site.communeCode()).isEmpty()) {
            throw new IllegalArgumentException("Commune inconnue : " + site.communeCode());
        }
        if (site.openingDays() < 0 || site.openingDays() > 7) {
            throw new IllegalArgumentException("Jours d’ouverture : de 0 à 7.");
        }
        Timestamp now = Timestamp.from(clock.instant());
        try {
            long id = jdbc.sql("""
                            insert into care_site (name, kind, address, commune_code, opening_days, nurse, sector1, sas,
                                                   appointment_48h, status_changed_at, created_at, synthetic)
                            values (:name, :kind, :address, :commune, :days, :nurse, :s1, :sas, :rdv, :now, :now, :synthetic)
                            returning id""")
                    .param("name", site.name())
                    .param("kind", site.kind().name())
                    .param("address", site.address())
                    .param("commune", site.communeCode())
                    .param("days", site.openingDays())
                    .param("nurse", site.nurse())
                    .param("s1", site.sector1())
                    .param("sas", site.sas())
                    .param("rdv", site.appointment48h())
                    .param("now", now)
                    .param("synthetic", synthetic)
                    .query((rs, i) -> rs.getLong(1))
                    .single();
            event(id, CareSiteStatus.CANDIDATE, "", "Site enregistré");
            return id;
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("Un site « " + site.name() + " » existe déjà dans cette commune.");
        }
    }

    public CareSite get(long id) {
        return jdbc.sql("select " + COLUMNS_SQL + " from care_site where id = ?")
                .param(id)
                .query(CareSites::site)
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun site " + id + "."));
    }

    /** A page of the registry, optionally of one status and one département, by name. */
    public ListPage<CareSite> page(@Nullable CareSiteStatus status, @Nullable String departement, ListRequest request) {
        String where = " where (cast(:s as text) is null or status = :s)"
                + " and (cast(:d as text) is null or commune_code like :d || '%')";
        String s = status == null ? null : status.name();
        return request.select(
                jdbc,
                COLUMNS_SQL,
                "care_site" + where,
                "name, id",
                ListRequest.SIZE,
                sql -> sql.param("s", s).param("d", departement),
                CareSites::site);
    }

    /** The communes of the labelled sites (one per site). */
    public List<String> labelledCommunes() {
        return jdbc.sql("select commune_code from care_site where status = 'LABELLED' order by id")
                .query((rs, i) -> rs.getString(1))
                .list();
    }

    /** The communes of the sites that were labelled at that instant (by their history), one per site. */
    public List<String> labelledCommunesAt(Instant at) {
        return jdbc.sql("""
                        select s.commune_code from care_site s
                          join lateral (select e.status from care_site_event e where e.site_id = s.id and e.at <= :at
                                         order by e.at desc, e.id desc limit 1) last on true
                         where last.status = 'LABELLED' order by s.id""")
                .param("at", Timestamp.from(at))
                .query((rs, i) -> rs.getString(1))
                .list();
    }

    /** A département's sites by status. */
    public record DepartementCounts(String code, String name, Map<CareSiteStatus, Long> counts) {
        public long total() {
            return counts.values().stream().mapToLong(Long::longValue).sum();
        }

        public long of(CareSiteStatus status) {
            return counts.getOrDefault(status, 0L);
        }
    }

    /** The départements that have at least one site, by code, with their sites by status. */
    public List<DepartementCounts> countsByDepartement() {
        Map<String, DepartementCounts> byCode = new java.util.TreeMap<>();
        Map<String, String> names = territory.departementNames();
        record Row(String commune, CareSiteStatus status, long count) {}
        jdbc.sql("select commune_code, status, count(*) from care_site group by commune_code, status")
                .query((rs, i) -> new Row(rs.getString(1), CareSiteStatus.valueOf(rs.getString(2)), rs.getLong(3)))
                .list()
                .forEach(r -> {
                    String code = territory
                            .findCommune(r.commune())
                            .map(fr.traitant.app.territory.CommuneSummary::departement)
                            .orElse("");
                    byCode.computeIfAbsent(
                                    code,
                                    c -> new DepartementCounts(
                                            c, names.getOrDefault(c, c), new java.util.EnumMap<>(CareSiteStatus.class)))
                            .counts()
                            .merge(r.status(), r.count(), Long::sum);
                });
        return List.copyOf(byCode.values());
    }

    /** The labelled sites, by name. */
    public List<CareSite> labelled() {
        return jdbc.sql("select " + COLUMNS_SQL + " from care_site where status = 'LABELLED' order by name, id")
                .query(CareSites::site)
                .list();
    }

    /** The sites not labelled (candidates, under review, withdrawn), by id. */
    public List<CareSite> notLabelled() {
        return jdbc.sql("select " + COLUMNS_SQL + " from care_site where status <> 'LABELLED' order by id")
                .query(CareSites::site)
                .list();
    }

    /** Counts by status. */
    public java.util.Map<CareSiteStatus, Long> counts() {
        java.util.Map<CareSiteStatus, Long> counts = new java.util.EnumMap<>(CareSiteStatus.class);
        for (CareSiteStatus s : CareSiteStatus.values()) counts.put(s, 0L);
        jdbc.sql("select status, count(*) from care_site group by status")
                .query((rs, i) -> {
                    counts.put(CareSiteStatus.valueOf(rs.getString(1)), rs.getLong(2));
                    return null;
                })
                .list();
        return counts;
    }

    /**
     * Moves a site along the workflow. Labelling needs every criterion met and the deciding authority; every step is
     * recorded with its date.
     */
    @Transactional
    public CareSite move(long id, CareSiteStatus target, String authority, String note) {
        jdbc.sql("select id from care_site where id = ? for update")
                .param(id)
                .query((rs, i) -> rs.getLong(1))
                .optional();
        CareSite site = get(id);
        if (!site.status().next().contains(target)) {
            throw new ConflictException(
                    "Un site « " + site.status().label() + " » ne peut pas passer à « " + target.label() + " ».");
        }
        if (target == CareSiteStatus.LABELLED && !site.meetsEveryCriterion()) {
            throw new ConflictException("Label impossible : " + site.criteriaSummary() + ".");
        }
        if ((target == CareSiteStatus.LABELLED || target == CareSiteStatus.WITHDRAWN) && authority.isBlank()) {
            throw new IllegalArgumentException("Indiquez l’autorité qui décide (par exemple ARS Occitanie).");
        }
        jdbc.sql("update care_site set status = :s, status_changed_at = :now where id = :id")
                .param("s", target.name())
                .param("now", Timestamp.from(clock.instant()))
                .param("id", id)
                .update();
        event(id, target, authority.strip(), note.strip());
        return get(id);
    }

    public List<Event> history(long id) {
        return jdbc.sql("select status, at, authority, note from care_site_event where site_id = ? order by at, id")
                .param(id)
                .query((rs, i) -> new Event(
                        CareSiteStatus.valueOf(rs.getString(1)),
                        rs.getTimestamp(2).toInstant(),
                        rs.getString(3),
                        rs.getString(4)))
                .list();
    }

    /** Imports sites from a CSV ({@link #COLUMNS}, « ; »), whole file or nothing ({@link SemicolonCsv}); candidates. */
    @Transactional
    public int importFile(Reader csv) {
        List<NewSite> sites = read(csv);
        for (NewSite s : sites) add(s);
        return sites.size();
    }

    private List<NewSite> read(Reader csv) {
        Set<String> seen = new HashSet<>();
        return SemicolonCsv.read(csv, COLUMNS, "le fichier ne contient aucun site", line -> {
            String name = line.get("nom"), commune = line.get("commune"), type = line.get("type");
            CareSiteKind kind;
            try {
                kind = CareSiteKind.valueOf(type.toUpperCase(Locale.ROOT).replace('-', '_'));
            } catch (IllegalArgumentException e) {
                throw new SemicolonCsv.LineError("type inconnu « " + type + " »");
            }
            if (name.isEmpty() || name.length() > 200) {
                throw new SemicolonCsv.LineError("nom vide ou de plus de 200 caractères");
            }
            if (territory.findCommune(commune).isEmpty()) {
                throw new SemicolonCsv.LineError("commune inconnue « " + commune + " » (code INSEE)");
            }
            String daysText = line.get("jours_ouverture");
            int days;
            try {
                days = Integer.parseInt(daysText);
            } catch (NumberFormatException e) {
                days = -1;
            }
            if (days < 0 || days > 7) {
                throw new SemicolonCsv.LineError("jours d’ouverture de 0 à 7, pas « " + daysText + " »");
            }
            boolean[] flags = new boolean[4];
            String[] columns = {"infirmier", "secteur_1", "sas", "rdv_48h"};
            for (int c = 0; c < 4; c++) {
                String v = line.get(columns[c]).toLowerCase(Locale.ROOT);
                if (!v.equals("oui") && !v.equals("non")) {
                    throw new SemicolonCsv.LineError("« " + columns[c] + " » vaut oui ou non, pas « " + v + " »");
                }
                flags[c] = v.equals("oui");
            }
            if (!seen.add(name + "\u0000" + commune)) {
                throw new SemicolonCsv.LineError("ce site figure déjà dans le fichier");
            }
            return new NewSite(name, kind, line.get("adresse"), commune, days, flags[0], flags[1], flags[2], flags[3]);
        });
    }

    private void event(long id, CareSiteStatus status, String authority, String note) {
        jdbc.sql("insert into care_site_event (site_id, status, at, authority, note) values (:id, :s, :at, :a, :n)")
                .param("id", id)
                .param("s", status.name())
                .param("at", Timestamp.from(clock.instant()))
                .param("a", authority)
                .param("n", note)
                .update();
    }

    static CareSite site(ResultSet rs, int row) throws SQLException {
        return new CareSite(
                rs.getLong(1),
                rs.getString(2),
                CareSiteKind.valueOf(rs.getString(3)),
                rs.getString(4),
                rs.getString(5),
                rs.getInt(6),
                rs.getBoolean(7),
                rs.getBoolean(8),
                rs.getBoolean(9),
                rs.getBoolean(10),
                CareSiteStatus.valueOf(rs.getString(11)),
                rs.getTimestamp(12).toInstant(),
                rs.getBoolean(13));
    }
}
