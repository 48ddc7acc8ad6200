package fr.traitant.app.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.matching.WaitingFigures;
import fr.traitant.app.members.PopulationFigures;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.DepartementCount;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.territory.DepartementSummary;
import fr.traitant.app.territory.Territory;
import java.sql.Date;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the public figures by zone and month (issue #21). The current month is computed live (provisional); a past
 * month is read as it was frozen on the first day of the next month ({@code monthly_figures}), so that published figures
 * never move; a correction is published as a new version. At the first start, the last twelve months are reconstructed
 * from the waiting entries as they are (labelled so).
 */
@Service
public class MonthlyFigures {

    private static final Logger log = LoggerFactory.getLogger(MonthlyFigures.class);

    /** Months reconstructed at the first start. */
    static final int BACKFILL_MONTHS = 12;

    /** A month's figures: live (version 0, provisional) or as published (version 1, 2… for corrections). */
    public record Published(
            YearMonth month,
            int version,
            @Nullable Instant publishedAt,
            boolean reconstructed,
            String note,
            List<ZoneFigures> zones) {
        public Published {
            zones = List.copyOf(zones);
        }

        public boolean provisional() {
            return version == 0;
        }

        public Optional<ZoneFigures> zone(String code) {
            return zones.stream().filter(z -> z.zone().equals(code)).findFirst();
        }
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final JdbcClient jdbc;
    private final Clock clock;
    private final WaitingFigures waiting;
    private final PopulationFigures population;
    private final Doctors doctors;
    private final Charter charter;
    private final Accessibility accessibility;
    private final Territory territory;
    private final Satisfaction satisfaction;

    MonthlyFigures(
            JdbcClient jdbc,
            Clock clock,
            WaitingFigures waiting,
            PopulationFigures population,
            Doctors doctors,
            Charter charter,
            Accessibility accessibility,
            Territory territory,
            Satisfaction satisfaction) {
        this.jdbc = jdbc;
        this.clock = clock;
        this.waiting = waiting;
        this.population = population;
        this.doctors = doctors;
        this.charter = charter;
        this.accessibility = accessibility;
        this.territory = territory;
        this.satisfaction = satisfaction;
    }

    public YearMonth currentMonth() {
        return YearMonth.now(clock.withZone(FrenchDates.PARIS));
    }

    /** The figures of a month: as published when it is, live (provisional) for the current month or one not published. */
    public Published of(YearMonth month) {
        if (month.isBefore(currentMonth())) {
            Optional<Published> published = published(month);
            if (published.isPresent()) return published.get();
        }
        Instant end = month.isBefore(currentMonth()) ? start(month.plusMonths(1)) : clock.instant();
        return new Published(month, 0, null, false, "", compute(month, end));
    }

    /** The latest published version of a month. */
    public Optional<Published> published(YearMonth month) {
        return jdbc.sql("""
                        select version, published_at, reconstructed, note, figures::text from monthly_figures
                         where month = ? order by version desc limit 1""")
                .param(Date.valueOf(month.atDay(1)))
                .query((rs, i) -> new Published(
                        month,
                        rs.getInt(1),
                        rs.getTimestamp(2).toInstant(),
                        rs.getBoolean(3),
                        rs.getString(4),
                        read(rs.getString(5))))
                .optional();
    }

    /** The months published, newest first. */
    public List<YearMonth> publishedMonths() {
        return jdbc.sql("select distinct month from monthly_figures order by month desc")
                .query((rs, i) -> YearMonth.from(rs.getObject(1, java.time.LocalDate.class)))
                .list();
    }

    /**
     * Freezes a past month: its figures as of the first instant of the next month, as a new version (a correction when
     * one exists). Returns the version published.
     */
    @Transactional
    public int publish(YearMonth month, boolean reconstructed, String note) {
        return publish(month, reconstructed, note, current());
    }

    private int publish(YearMonth month, boolean reconstructed, String note, Current now) {
        if (!month.isBefore(currentMonth())) {
            throw new IllegalArgumentException("Seul un mois terminé peut être publié.");
        }
        List<ZoneFigures> zones = compute(month, start(month.plusMonths(1)), now);
        int version = jdbc.sql("select coalesce(max(version), 0) + 1 from monthly_figures where month = ?")
                .param(Date.valueOf(month.atDay(1)))
                .query(Integer.class)
                .single();
        jdbc.sql("""
                        insert into monthly_figures (month, version, published_at, reconstructed, note, figures)
                        values (?, ?, ?, ?, ?, ?::jsonb)""")
                .params(
                        Date.valueOf(month.atDay(1)),
                        version,
                        Timestamp.from(clock.instant()),
                        reconstructed,
                        note.strip(),
                        write(zones))
                .update();
        return version;
    }

    /** On the first day of a month, the previous month is frozen (once). */
    @Scheduled(cron = "${traitant.reporting.publish-cron:0 0 2 1 * *}", zone = "Europe/Paris")
    public void publishLastMonth() {
        YearMonth last = currentMonth().minusMonths(1);
        if (published(last).isEmpty()) publish(last, false, "");
    }

    /** At the first start, the last twelve months are reconstructed and published (labelled so); then the job goes on. */
    @EventListener(ApplicationReadyEvent.class)
    void backfill() {
        if (!publishedMonths().isEmpty()) return;
        Current now = current();
        for (int i = BACKFILL_MONTHS; i >= 1; i--) {
            publish(
                    currentMonth().minusMonths(i),
                    true,
                    "Reconstitué au premier démarrage à partir des inscriptions telles qu’elles étaient alors ; effectifs"
                            + " d’assurés, de médecins, du réseau et APL : valeurs à la date de reconstitution.",
                    now);
        }
        log.info("Monthly figures: the last {} months reconstructed and published", BACKFILL_MONTHS);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(FrenchDates.PARIS).toInstant();
    }

    /** What is read as it is now, whatever the month: members, doctors, the network, the APL, by département. */
    private record Current(
            Map<String, PopulationFigures.DepartementMembers> members,
            Map<String, Integer> accepting,
            Map<String, Integer> network,
            Map<String, Accessibility.AreaAccessibility> apl) {}

    private Current current() {
        Map<String, PopulationFigures.DepartementMembers> members = new HashMap<>();
        population.byDepartement().forEach(m -> members.put(m.departement(), m));
        Map<String, Integer> network = new HashMap<>();
        for (DepartementCount c : charter.countsByDepartement()) network.put(c.code(), c.members());
        Map<String, Accessibility.AreaAccessibility> apl = new HashMap<>();
        accessibility.departements().forEach(a -> apl.put(a.code(), a));
        return new Current(members, doctors.acceptingGeneralPractitionersByDepartement(), network, apl);
    }

    /** Every zone's figures for a month, its waiting list as of {@code end}. */
    List<ZoneFigures> compute(YearMonth month, Instant end) {
        return compute(month, end, current());
    }

    private List<ZoneFigures> compute(YearMonth month, Instant end, Current now) {
        Instant from = start(month);
        List<WaitingFigures.WaitingAt> waitingAt = waiting.waitingAt(end);
        List<WaitingFigures.AttachedAt> attached = waiting.attachedBetween(from, end);
        Map<String, PopulationFigures.DepartementMembers> members = now.members();
        Map<String, Integer> accepting = now.accepting();
        Map<String, Integer> network = now.network();
        Map<String, Accessibility.AreaAccessibility> apl = now.apl();
        List<Satisfaction.Answer> answers = satisfaction.between(from, end);

        List<ZoneFigures> zones = new ArrayList<>();
        List<DepartementSummary> departements = territory.departements();
        zones.add(zone(
                "FR",
                "France entière",
                "FRANCE",
                null,
                d -> true,
                waitingAt,
                attached,
                members,
                accepting,
                network,
                apl,
                answers,
                departements));
        for (var r : territory.regions()) {
            Set<String> inRegion = departements.stream()
                    .filter(d -> r.code().equals(d.region()))
                    .map(DepartementSummary::code)
                    .collect(java.util.stream.Collectors.toSet());
            zones.add(zone(
                    "R" + r.code(),
                    r.name(),
                    "REGION",
                    "FR",
                    inRegion::contains,
                    waitingAt,
                    attached,
                    members,
                    accepting,
                    network,
                    apl,
                    answers,
                    departements));
        }
        for (DepartementSummary d : departements) {
            zones.add(zone(
                    d.code(),
                    d.name() + " (" + d.code() + ")",
                    "DEPARTEMENT",
                    "R" + d.region(),
                    d.code()::equals,
                    waitingAt,
                    attached,
                    members,
                    accepting,
                    network,
                    apl,
                    answers,
                    departements));
        }
        return zones;
    }

    static ZoneFigures zone(
            String code,
            String name,
            String level,
            @Nullable String parent,
            Predicate<String> in,
            List<WaitingFigures.WaitingAt> waitingAt,
            List<WaitingFigures.AttachedAt> attached,
            Map<String, PopulationFigures.DepartementMembers> members,
            Map<String, Integer> accepting,
            Map<String, Integer> network,
            Map<String, Accessibility.AreaAccessibility> apl,
            List<Satisfaction.Answer> answers,
            List<DepartementSummary> departements) {
        List<WaitingFigures.WaitingAt> w =
                waitingAt.stream().filter(x -> in.test(x.departement())).toList();
        List<WaitingFigures.AttachedAt> a =
                attached.stream().filter(x -> in.test(x.departement())).toList();
        long memberCount = 0, without = 0, acceptingCount = 0, networkCount = 0;
        double aplWeighted = 0, aplPopulation = 0;
        for (DepartementSummary d : departements) {
            if (!in.test(d.code())) continue;
            PopulationFigures.DepartementMembers m = members.get(d.code());
            if (m != null) {
                memberCount += m.members();
                without += m.withoutDoctor();
            }
            acceptingCount += accepting.getOrDefault(d.code(), 0);
            networkCount += network.getOrDefault(d.code(), 0);
            Accessibility.AreaAccessibility area = apl.get(d.code());
            if (area != null && area.population() > 0) {
                aplWeighted += area.apl() * area.population();
                aplPopulation += area.population();
            }
        }
        List<Satisfaction.Answer> s =
                answers.stream().filter(x -> in.test(x.departement())).toList();
        return new ZoneFigures(
                code,
                name,
                level,
                parent,
                ZoneFigures.published(w.size()),
                ZoneFigures.published(
                        w.stream().mapToLong(WaitingFigures.WaitingAt::people).sum()),
                w.size() < ZoneFigures.THRESHOLD
                        ? null
                        : median(w.stream()
                                .mapToDouble(WaitingFigures.WaitingAt::waitDays)
                                .toArray()),
                ZoneFigures.published(a.size()),
                ZoneFigures.published(
                        a.stream().mapToLong(WaitingFigures.AttachedAt::people).sum()),
                ZoneFigures.published(memberCount),
                memberCount < ZoneFigures.THRESHOLD || (without > 0 && without < ZoneFigures.THRESHOLD)
                        ? null
                        : (double) without / memberCount,
                acceptingCount,
                networkCount,
                aplPopulation == 0 ? null : Math.round(aplWeighted / aplPopulation * 100) / 100.0,
                ZoneFigures.published(s.size()),
                s.size() < ZoneFigures.THRESHOLD
                        ? null
                        : Math.round(s.stream()
                                                .mapToInt(Satisfaction.Answer::score)
                                                .average()
                                                .orElse(0)
                                        * 100)
                                / 100.0);
    }

    static double median(double[] values) {
        double[] v = values.clone();
        java.util.Arrays.sort(v);
        int n = v.length;
        double m = n % 2 == 1 ? v[n / 2] : (v[n / 2 - 1] + v[n / 2]) / 2;
        return Math.round(m * 10) / 10.0;
    }

    private static String write(List<ZoneFigures> zones) {
        try {
            return JSON.writeValueAsString(zones);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }

    private static List<ZoneFigures> read(String json) {
        try {
            return JSON.readValue(json, new TypeReference<List<ZoneFigures>>() {});
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Unreadable monthly figures", e);
        }
    }
}
