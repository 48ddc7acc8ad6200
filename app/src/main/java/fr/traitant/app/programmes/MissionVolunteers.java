package fr.traitant.app.programmes;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.platform.SemicolonCsv;
import fr.traitant.engine.missions.MissionProblem;
import java.io.Reader;
import java.sql.Array;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the doctors who give days to "Un médecin près de chez vous" — their pledge for a month (0 to 2 days, the
 * scheme's rule; dates available; how far they travel; the places they accept; whether they need a replacement),
 * entered by the doctor or imported by the programme manager (volunteers who enrolled elsewhere) — and the substitute
 * doctors (remplaçants) who declared where and when they can replace.
 */
@Service
public class MissionVolunteers {

    /** The import's columns. */
    public static final List<String> COLUMNS = List.of("rpps", "mois", "jours", "dates", "minutes_max", "remplacement");

    /** Farthest a volunteer may choose to travel, in minutes. */
    public static final int MAX_MINUTES = 240;

    /** A volunteer's pledge for a month. */
    public record Volunteer(
            long id,
            String rpps,
            String name,
            @Nullable String communeCode,
            YearMonth month,
            int days,
            List<LocalDate> available,
            int maxMinutes,
            List<Long> preferredSites,
            boolean needsReplacement,
            boolean imported) {}

    /** What a doctor pledges. */
    public record Pledge(
            YearMonth month,
            int days,
            Set<LocalDate> available,
            int maxMinutes,
            Set<Long> preferredSites,
            boolean needsReplacement) {}

    /** A substitute doctor's declaration. */
    public record Substitute(String rpps, String name, String communeCode, int maxMinutes, List<LocalDate> available) {}

    private final JdbcClient jdbc;
    private final Doctors doctors;
    private final Clock clock;

    MissionVolunteers(JdbcClient jdbc, Doctors doctors, Clock clock) {
        this.jdbc = jdbc;
        this.doctors = doctors;
        this.clock = clock;
    }

    /** Records (or replaces) a doctor's pledge for a month; the rules are checked first. */
    @Transactional
    public long pledge(String rpps, Pledge pledge, boolean imported) {
        List<String> problems = check(rpps, pledge);
        if (!problems.isEmpty()) throw new IllegalArgumentException(String.join(" ", problems));
        return jdbc.sql("""
                        insert into mission_volunteer (rpps, month, days, available, max_minutes, preferred_site_ids,
                                                       needs_replacement, source, recorded_at)
                        values (:rpps, :month, :days, :available, :minutes, :preferred, :replacement, :source, :now)
                        on conflict (rpps, month) do update set days = excluded.days, available = excluded.available,
                            max_minutes = excluded.max_minutes, preferred_site_ids = excluded.preferred_site_ids,
                            needs_replacement = excluded.needs_replacement, source = excluded.source,
                            recorded_at = excluded.recorded_at
                        returning id""")
                .param("rpps", rpps)
                .param("month", pledge.month().atDay(1))
                .param("days", pledge.days())
                .param("available", dates(pledge.available()))
                .param("minutes", pledge.maxMinutes())
                .param("preferred", pledge.preferredSites().stream().sorted().toArray(Long[]::new))
                .param("replacement", pledge.needsReplacement())
                .param("source", imported ? "IMPORT" : "PLATFORM")
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> rs.getLong(1))
                .single();
    }

    /** The rules a pledge breaks, in French (empty when it may be recorded). */
    public List<String> check(String rpps, Pledge pledge) {
        List<String> problems = new ArrayList<>();
        if (doctors.findByRpps(rpps).isEmpty()) problems.add("RPPS inconnu de l’annuaire : " + rpps + ".");
        if (pledge.days() < 0 || pledge.days() > MissionProblem.MAX_DAYS_A_MONTH) {
            problems.add("De 0 à 2 jours par mois : c’est la règle du dispositif.");
        }
        if (pledge.days() > 0 && pledge.available().size() < pledge.days()) {
            problems.add("Indiquez au moins autant de dates disponibles que de jours donnés.");
        }
        for (LocalDate d : pledge.available()) {
            if (!YearMonth.from(d).equals(pledge.month())) {
                problems.add("La date du " + fr.traitant.app.platform.FrenchDates.day(d) + " n’est pas dans le mois.");
            }
        }
        if (pledge.maxMinutes() < 0 || pledge.maxMinutes() > MAX_MINUTES) {
            problems.add("Temps de trajet : de 0 à " + MAX_MINUTES + " minutes.");
        }
        return problems;
    }

    /** The volunteers of a month, by name. */
    public List<Volunteer> of(YearMonth month) {
        return jdbc
                .sql("select * from mission_volunteer where month = ? order by rpps")
                .param(month.atDay(1))
                .query(this::volunteer)
                .list()
                .stream()
                .sorted(java.util.Comparator.comparing(Volunteer::name).thenComparing(Volunteer::rpps))
                .toList();
    }

    /** The days pledged for a month, all volunteers together. */
    public int pledgedDays(YearMonth month) {
        return jdbc.sql("select coalesce(sum(days), 0) from mission_volunteer where month = ?")
                .param(month.atDay(1))
                .query(Integer.class)
                .single();
    }

    public Optional<Volunteer> find(String rpps, YearMonth month) {
        return jdbc.sql("select * from mission_volunteer where rpps = ? and month = ?")
                .params(rpps, month.atDay(1))
                .query(this::volunteer)
                .optional();
    }

    public Volunteer get(long id) {
        return jdbc.sql("select * from mission_volunteer where id = ?")
                .param(id)
                .query(this::volunteer)
                .optional()
                .orElseThrow(() -> new fr.traitant.app.platform.NotFoundException("Aucun volontaire " + id + "."));
    }

    /**
     * Imports volunteers who enrolled elsewhere: {@code rpps;mois;jours;dates;minutes_max;remplacement} (month
     * {@code 2027-03}, dates {@code 2027-03-04,2027-03-11}, replacement oui/non); whole file or nothing.
     */
    @Transactional
    public int importFile(Reader csv) {
        record Row(String rpps, Pledge pledge) {}
        Set<String> seen = new java.util.HashSet<>();
        List<Row> rows = SemicolonCsv.read(csv, COLUMNS, "le fichier ne contient aucun volontaire", line -> {
            String rpps = line.get("rpps");
            if (!rpps.matches("[0-9]{11}"))
                throw new SemicolonCsv.LineError("RPPS à 11 chiffres attendu, pas « " + rpps + " »");
            YearMonth month;
            try {
                month = YearMonth.parse(line.get("mois"));
            } catch (DateTimeParseException e) {
                throw new SemicolonCsv.LineError(
                        "mois attendu sous la forme 2027-03, pas « " + line.get("mois") + " »");
            }
            int days;
            try {
                days = Integer.parseInt(line.get("jours"));
            } catch (NumberFormatException e) {
                throw new SemicolonCsv.LineError("« jours » vaut 0, 1 ou 2, pas « " + line.get("jours") + " »");
            }
            Set<LocalDate> available = new TreeSet<>();
            for (String part : line.get("dates").split(",")) {
                if (part.isBlank()) continue;
                try {
                    available.add(LocalDate.parse(part.strip()));
                } catch (DateTimeParseException e) {
                    throw new SemicolonCsv.LineError(
                            "date attendue sous la forme 2027-03-04, pas « " + part.strip() + " »");
                }
            }
            int minutes;
            try {
                minutes = Integer.parseInt(line.get("minutes_max"));
            } catch (NumberFormatException e) {
                throw new SemicolonCsv.LineError(
                        "« minutes_max » est un nombre de minutes, pas « " + line.get("minutes_max") + " »");
            }
            String replacement = line.get("remplacement").toLowerCase(java.util.Locale.ROOT);
            if (!replacement.equals("oui") && !replacement.equals("non")) {
                throw new SemicolonCsv.LineError(
                        "« remplacement » vaut oui ou non, pas « " + line.get("remplacement") + " »");
            }
            Pledge pledge = new Pledge(month, days, available, minutes, Set.of(), replacement.equals("oui"));
            List<String> problems = check(rpps, pledge);
            if (!problems.isEmpty()) throw new SemicolonCsv.LineError(String.join(" ", problems));
            if (!seen.add(rpps + month))
                throw new SemicolonCsv.LineError("volontaire déjà dans le fichier pour ce mois : " + rpps);
            return new Row(rpps, pledge);
        });
        for (Row r : rows) pledge(r.rpps(), r.pledge(), true);
        return rows.size();
    }

    /** Records (or replaces) a substitute doctor's declaration; their commune is their practice's. */
    @Transactional
    public void declareSubstitute(String rpps, int maxMinutes, Set<LocalDate> available) {
        DoctorProfile doctor = doctors.findByRpps(rpps)
                .orElseThrow(() -> new IllegalArgumentException("RPPS inconnu de l’annuaire : " + rpps + "."));
        if (doctor.locations().isEmpty())
            throw new IllegalArgumentException("Aucun lieu d’exercice connu dans l’annuaire.");
        if (maxMinutes < 0 || maxMinutes > MAX_MINUTES) {
            throw new IllegalArgumentException("Temps de trajet : de 0 à " + MAX_MINUTES + " minutes.");
        }
        jdbc.sql("""
                        insert into mission_substitute (rpps, commune_code, max_minutes, available, recorded_at)
                        values (:rpps, :commune, :minutes, :available, :now)
                        on conflict (rpps) do update set commune_code = excluded.commune_code,
                            max_minutes = excluded.max_minutes, available = excluded.available,
                            recorded_at = excluded.recorded_at""")
                .param("rpps", rpps)
                .param("commune", doctor.locations().getFirst().communeCode())
                .param("minutes", maxMinutes)
                .param("available", dates(available))
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    public Optional<Substitute> substitute(String rpps) {
        return substitutes().stream().filter(s -> s.rpps().equals(rpps)).findFirst();
    }

    public List<Substitute> substitutes() {
        return jdbc.sql("select rpps, commune_code, max_minutes, available from mission_substitute order by rpps")
                .query((rs, i) -> new Substitute(
                        rs.getString(1), name(rs.getString(1)), rs.getString(2), rs.getInt(3), dates(rs.getArray(4))))
                .list();
    }

    /** "Dr Claire Martin" from the directory, or the RPPS when unknown. */
    public String name(String rpps) {
        return doctors.findByRpps(rpps)
                .map(d -> "Dr " + d.firstName() + " " + d.lastName())
                .orElse("RPPS " + rpps);
    }

    private Volunteer volunteer(ResultSet rs, int row) throws SQLException {
        String rpps = rs.getString("rpps");
        Optional<DoctorProfile> doctor = doctors.findByRpps(rpps);
        List<Long> preferred = new ArrayList<>();
        for (Object o : (Object[]) rs.getArray("preferred_site_ids").getArray())
            preferred.add(((Number) o).longValue());
        return new Volunteer(
                rs.getLong("id"),
                rpps,
                doctor.map(d -> "Dr " + d.firstName() + " " + d.lastName()).orElse("RPPS " + rpps),
                doctor.filter(d -> !d.locations().isEmpty())
                        .map(d -> d.locations().getFirst().communeCode())
                        .orElse(null),
                YearMonth.from(rs.getObject("month", LocalDate.class)),
                rs.getInt("days"),
                dates(rs.getArray("available")),
                rs.getInt("max_minutes"),
                preferred,
                rs.getBoolean("needs_replacement"),
                rs.getString("source").equals("IMPORT"));
    }

    static Date[] dates(Set<LocalDate> days) {
        return new LinkedHashSet<>(new TreeSet<>(days))
                .stream().map(Date::valueOf).toArray(Date[]::new);
    }

    static List<LocalDate> dates(Array array) throws SQLException {
        List<LocalDate> result = new ArrayList<>();
        for (Object o : (Object[]) array.getArray()) result.add(((Date) o).toLocalDate());
        result.sort(null);
        return result;
    }
}
