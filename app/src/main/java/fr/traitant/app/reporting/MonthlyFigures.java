package fr.traitant.app.reporting;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import fr.traitant.app.accessibility.Accessibility;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.matching.WaitingFigures;
import fr.traitant.app.members.PopulationFigures;
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
    private final fr.traitant.app.network.NetworkFigures networkFigures;
    private final Accessibility accessibility;
    private final Territory territory;
    private final Satisfaction satisfaction;
    private final fr.traitant.app.members.Households households;

    MonthlyFigures(
            JdbcClient jdbc,
            Clock clock,
            WaitingFigures waiting,
            PopulationFigures population,
            Doctors doctors,
            fr.traitant.app.network.NetworkFigures networkFigures,
            Accessibility accessibility,
            Territory territory,
            Satisfaction satisfaction,
            fr.traitant.app.members.Households households) {
        this.households = households;
        this.jdbc = jdbc;
        this.clock = clock;
        this.waiting = waiting;
        this.population = population;
        this.doctors = doctors;
        this.networkFigures = networkFigures;
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
                            + " d’assurés, de médecins et du réseau : valeurs à la date de reconstitution ; APL de ce"
                            + " jour-là, absente si elle n’était pas encore calculée.",
                    now);
        }
        log.info("Monthly figures: the last {} months reconstructed and published", BACKFILL_MONTHS);
    }

    private static Instant start(YearMonth month) {
        return month.atDay(1).atStartOfDay(FrenchDates.PARIS).toInstant();
    }

    /** What is read as it is now, whatever the month: members, doctors and the network by commune; the APL by area. */
    private record Current(
            List<PopulationFigures.CommuneMembers> members,
            Map<String, Integer> accepting,
            Map<String, Integer> network,
            Map<String, Accessibility.AreaAccessibility> departementApl,
            Map<String, Accessibility.AreaAccessibility> epciApl) {}

    private Current current() {
        Map<String, Accessibility.AreaAccessibility> departements = new HashMap<>(), epcis = new HashMap<>();
        accessibility.departements().forEach(a -> departements.put(a.code(), a));
        if (accessibility.hasScores()) {
            accessibility.lowestEpcis(Accessibility.MAX_EPCI).forEach(a -> epcis.put(a.code(), a));
        }
        return new Current(
                population.byCommune(),
                doctors.acceptingGeneralPractitionersByCommune(),
                networkFigures.countsByCommune(),
                departements,
                epcis);
    }

    /** What one zone adds up during a computation. */
    static final class Tally {
        final List<WaitingFigures.WaitingAt> waiting = new ArrayList<>();
        final List<WaitingFigures.AttachedAt> attached = new ArrayList<>();
        final List<Satisfaction.Answer> answers = new ArrayList<>();
        long members, withoutDoctor, accepting, network;
        double aplWeighted, aplPopulation;
    }

    /** A zone to compute: its code, name, level and parent. */
    private record Zone(
            String code,
            String name,
            String level,
            @Nullable String parent) {}

    /** Every zone's figures for a month, its waiting list as of {@code end}. */
    List<ZoneFigures> compute(YearMonth month, Instant end) {
        return compute(month, end, current());
    }

    private List<ZoneFigures> compute(YearMonth month, Instant end, Current now) {
        Instant from = start(month);
        List<WaitingFigures.WaitingAt> waitingAt = waiting.waitingAt(end);
        List<WaitingFigures.AttachedAt> attached = waiting.attachedBetween(from, end);
        List<Satisfaction.Answer> answers = satisfaction.between(from, end);
        Set<Long> householdIds = new java.util.HashSet<>();
        waitingAt.forEach(w -> householdIds.add(w.householdId()));
        attached.forEach(a -> householdIds.add(a.householdId()));
        Map<Long, String> homes = households.communesOf(householdIds);

        Places places = new Places(territory);
        Map<String, Tally> tallies = new HashMap<>();
        java.util.function.Function<String, Tally> tally = code -> tallies.computeIfAbsent(code, c -> new Tally());
        for (WaitingFigures.WaitingAt w : waitingAt) {
            String commune = w.destination() != null ? w.destination() : homes.get(w.householdId());
            for (String z : places.zonesOf(commune, w.departement()))
                tally.apply(z).waiting.add(w);
        }
        for (WaitingFigures.AttachedAt a : attached) {
            String commune = a.destination() != null ? a.destination() : homes.get(a.householdId());
            for (String z : places.zonesOf(commune, a.departement()))
                tally.apply(z).attached.add(a);
        }
        for (Satisfaction.Answer a : answers) {
            for (String z : places.zonesOf(a.commune(), a.departement()))
                tally.apply(z).answers.add(a);
        }
        for (PopulationFigures.CommuneMembers m : now.members()) {
            for (String z : places.zonesOf(m.commune(), null)) {
                tally.apply(z).members += m.members();
                tally.apply(z).withoutDoctor += m.withoutDoctor();
            }
        }
        now.accepting()
                .forEach((commune, n) -> places.zonesOf(commune, null).forEach(z -> tally.apply(z).accepting += n));
        now.network().forEach((commune, n) -> places.zonesOf(commune, null).forEach(z -> tally.apply(z).network += n));
        now.departementApl().forEach((departement, area) -> {
            for (String z : places.zonesOf(null, departement)) {
                tally.apply(z).aplWeighted += area.apl() * area.population();
                tally.apply(z).aplPopulation += area.population();
            }
        });
        now.epciApl().forEach((siren, area) -> {
            tally.apply(siren).aplWeighted += area.apl() * area.population();
            tally.apply(siren).aplPopulation += area.population();
        });

        List<ZoneFigures> zones = new ArrayList<>();
        for (Zone z : places.zones()) {
            zones.add(figures(z.code(), z.name(), z.level(), z.parent(), tallies.getOrDefault(z.code(), new Tally())));
        }
        return zones;
    }

    /** The zones of France and where a place belongs: France, its région, its département, its EPCI. */
    private static final class Places {
        private final Map<String, String> regionOfDepartement = new HashMap<>();
        private final fr.traitant.engine.territory.Communes communes;
        private final List<Zone> zones = new ArrayList<>();

        Places(Territory territory) {
            this.communes = territory.engineCommunes();
            List<DepartementSummary> departements = territory.departements();
            departements.forEach(d -> regionOfDepartement.put(d.code(), d.region()));
            zones.add(new Zone("FR", "France entière", "FRANCE", null));
            for (var r : territory.regions()) zones.add(new Zone("R" + r.code(), r.name(), "REGION", "FR"));
            for (DepartementSummary d : departements)
                zones.add(new Zone(d.code(), d.name() + " (" + d.code() + ")", "DEPARTEMENT", "R" + d.region()));
            // an EPCI under the département of most of its communes
            Map<String, Map<String, Integer>> departementsOfEpci = new HashMap<>();
            for (int i = 0; i < communes.size(); i++) {
                var c = communes.get(i);
                if (c.epci().isEmpty() || c.departement().isEmpty()) continue;
                departementsOfEpci
                        .computeIfAbsent(c.epci(), e -> new HashMap<>())
                        .merge(c.departement(), 1, Integer::sum);
            }
            Map<String, String> names = territory.epciNames();
            departementsOfEpci.entrySet().stream()
                    .sorted(Map.Entry.comparingByKey())
                    .forEach(e -> zones.add(new Zone(
                            e.getKey(),
                            names.getOrDefault(e.getKey(), "Intercommunalité " + e.getKey()),
                            "EPCI",
                            e.getValue().entrySet().stream()
                                    .max(Map.Entry.comparingByValue())
                                    .orElseThrow()
                                    .getKey())));
        }

        List<Zone> zones() {
            return zones;
        }

        /** France, the région, the département and, when the commune is known, its EPCI. */
        List<String> zonesOf(@Nullable String commune, @Nullable String departement) {
            String dep = departement;
            String epci = null;
            if (commune != null) {
                var index = communes.findIndex(commune);
                if (index.isPresent()) {
                    var c = communes.get(index.getAsInt());
                    if (dep == null) dep = c.departement();
                    if (!c.epci().isEmpty()) epci = c.epci();
                }
            }
            List<String> zones = new ArrayList<>(4);
            zones.add("FR");
            if (dep != null) {
                String region = regionOfDepartement.get(dep);
                if (region != null) zones.add("R" + region);
                zones.add(dep);
            }
            if (epci != null) zones.add(epci);
            return zones;
        }
    }

    /** A zone's figures from what it added up, small counts not published. */
    static ZoneFigures figures(String code, String name, String level, @Nullable String parent, Tally t) {
        List<WaitingFigures.WaitingAt> w = t.waiting;
        List<WaitingFigures.AttachedAt> a = t.attached;
        List<Satisfaction.Answer> s = t.answers;
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
                ZoneFigures.published(t.members),
                t.members < ZoneFigures.THRESHOLD || (t.withoutDoctor > 0 && t.withoutDoctor < ZoneFigures.THRESHOLD)
                        ? null
                        : (double) t.withoutDoctor / t.members,
                t.accepting,
                t.network,
                t.aplPopulation == 0 ? null : Math.round(t.aplWeighted / t.aplPopulation * 100) / 100.0,
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
