package fr.traitant.app.programmes;

import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.members.HouseholdNeeds;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Communes;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the consultation places of the missions (from the France Santé registry or added): rooms (doctors at once),
 * medical assistants, equipment, the dates they open; and the unmet need around each — the consultations a year
 * missing within 30 minutes for every commune to reach the "sous-dense" threshold (population × (2.5 − APL) where the
 * APL is below it), with the members in ALD without a médecin traitant within 30 minutes shown beside it.
 */
@Service
public class MissionSites {

    /** A place. */
    public record Place(
            long id,
            String name,
            String communeCode,
            @Nullable Long careSiteId,
            int rooms,
            boolean assistants,
            String equipment,
            boolean synthetic) {}

    /** A new place. */
    public record NewPlace(
            String name,
            String communeCode,
            @Nullable Long careSiteId,
            int rooms,
            boolean assistants,
            String equipment) {}

    /** The need around a place. */
    public record Need(double missingConsultations, long aldWithoutDoctor, long population) {}

    private final JdbcClient jdbc;
    private final Territory territory;
    private final Accessibility accessibility;
    private final HouseholdNeeds needs;
    private final RoadEstimate road;
    private final Clock clock;

    MissionSites(
            JdbcClient jdbc,
            Territory territory,
            Accessibility accessibility,
            HouseholdNeeds needs,
            RoadEstimate road,
            Clock clock) {
        this.jdbc = jdbc;
        this.territory = territory;
        this.accessibility = accessibility;
        this.needs = needs;
        this.road = road;
        this.clock = clock;
    }

    @Transactional
    public long add(NewPlace place) {
        return add(place, false);
    }

    @Transactional
    long add(NewPlace place, boolean synthetic) {
        if (place.name().isBlank() || place.name().length() > 200)
            throw new IllegalArgumentException("Nom du lieu : 1 à 200 caractères.");
        if (territory.findCommune(place.communeCode()).isEmpty())
            throw new IllegalArgumentException("Commune inconnue : " + place.communeCode() + ".");
        if (place.rooms() < 1 || place.rooms() > 20) throw new IllegalArgumentException("Cabinets : de 1 à 20.");
        try {
            return jdbc.sql("""
                            insert into mission_site (name, commune_code, care_site_id, rooms, assistants, equipment,
                                                      synthetic, created_at)
                            values (:name, :commune, :care, :rooms, :assistants, :equipment, :synthetic, :now)
                            returning id""")
                    .param("name", place.name().strip())
                    .param("commune", place.communeCode())
                    .param("care", place.careSiteId())
                    .param("rooms", place.rooms())
                    .param("assistants", place.assistants())
                    .param("equipment", place.equipment().strip())
                    .param("synthetic", synthetic)
                    .param("now", Timestamp.from(clock.instant()))
                    .query((rs, i) -> rs.getLong(1))
                    .single();
        } catch (org.springframework.dao.DuplicateKeyException e) {
            throw new ConflictException("Un lieu « " + place.name() + " » existe déjà dans cette commune.");
        }
    }

    /** Sets the dates a place opens in a month (replacing that month's dates). */
    @Transactional
    public void open(long siteId, YearMonth month, Set<LocalDate> days) {
        get(siteId);
        for (LocalDate d : days) {
            if (!YearMonth.from(d).equals(month)) throw new IllegalArgumentException("Date hors du mois : " + d + ".");
        }
        jdbc.sql("delete from mission_site_open where site_id = ? and day between ? and ?")
                .params(siteId, month.atDay(1), month.atEndOfMonth())
                .update();
        for (LocalDate d : new TreeSet<>(days)) {
            jdbc.sql("insert into mission_site_open (site_id, day) values (?, ?)")
                    .params(siteId, Date.valueOf(d))
                    .update();
        }
    }

    public Place get(long id) {
        return jdbc.sql("select * from mission_site where id = ?")
                .param(id)
                .query((rs, i) -> place(rs))
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucun lieu de consultation " + id + "."));
    }

    /** Every place, by name. */
    public List<Place> all() {
        return jdbc.sql("select * from mission_site order by name, id")
                .query((rs, i) -> place(rs))
                .list();
    }

    /** The dates each place opens in a month. */
    public Map<Long, List<LocalDate>> openings(YearMonth month) {
        Map<Long, List<LocalDate>> result = new HashMap<>();
        jdbc.sql("select site_id, day from mission_site_open where day between ? and ? order by site_id, day")
                .params(month.atDay(1), month.atEndOfMonth())
                .query((rs, i) -> result.computeIfAbsent(rs.getLong(1), k -> new ArrayList<>())
                        .add(rs.getObject(2, LocalDate.class)))
                .list();
        return result;
    }

    /** The need around each place (30 minutes by road), by place id. */
    public Map<Long, Need> needs(List<Place> places) {
        Communes communes = territory.engineCommunes();
        double[] missing = new double[communes.size()];
        for (Accessibility.CommunePoint c : accessibility.communePoints(java.util.Optional.empty())) {
            int i = communes.indexOf(c.code());
            missing[i] = c.population() * Math.max(0, Accessibility.UNDERSERVED_THRESHOLD - c.apl());
        }
        Map<String, Long> ald = new HashMap<>();
        for (HouseholdNeeds.Need n : needs.withLongTermConditionWithoutDoctor()) {
            if (n.communeCode() != null)
                ald.merge(n.communeCode(), (long) n.longTermConditionWithoutDoctor(), Long::sum);
        }
        Map<Long, Need> result = new HashMap<>();
        for (Place p : places) {
            double[] sum = new double[3];
            road.times().forEachReachable(communes.indexOf(p.communeCode()), SiteCoverage.MINUTES, (d, m) -> {
                sum[0] += missing[d];
                sum[1] += ald.getOrDefault(communes.get(d).code(), 0L);
                sum[2] += communes.get(d).population();
            });
            result.put(p.id(), new Need(sum[0], (long) sum[1], (long) sum[2]));
        }
        return result;
    }

    private static Place place(java.sql.ResultSet rs) throws java.sql.SQLException {
        long care = rs.getLong("care_site_id");
        return new Place(
                rs.getLong("id"),
                rs.getString("name"),
                rs.getString("commune_code"),
                rs.wasNull() ? null : care,
                rs.getInt("rooms"),
                rs.getBoolean("assistants"),
                rs.getString("equipment"),
                rs.getBoolean("synthetic"));
    }
}
