package fr.traitant.app.programmes;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.TraitantProperties;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.territory.Commune;
import java.time.Clock;
import java.time.DayOfWeek;
import java.time.LocalDate;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.context.event.ApplicationReadyEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.annotation.Order;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Demo data: when {@code traitant.demo.mission-places} is positive and no mission place exists, that many
 * <strong>fictitious</strong> places in the most populous commune of the current priority zones (plus one near the demo
 * family, in Toulon, so that the demo's insured person can book), open on the weekdays of this month and the next;
 * three synthetic doctors of each place's département volunteer for both months (seeded); this month is planned,
 * published, most days confirmed and the past ones recorded held or not. Labelled synthetic.
 */
@Component
class DemoMissions {

    private static final Logger log = LoggerFactory.getLogger(DemoMissions.class);

    private final MissionSites sites;
    private final MissionVolunteers volunteers;
    private final MissionPlans plans;
    private final PriorityZones zones;
    private final Territory territory;
    private final Doctors doctors;
    private final JdbcClient jdbc;
    private final fr.traitant.app.accessibility.Accessibility accessibility;
    private final Clock clock;
    private final int count;
    private final long seed;

    DemoMissions(
            MissionSites sites,
            MissionVolunteers volunteers,
            MissionPlans plans,
            PriorityZones zones,
            Territory territory,
            Doctors doctors,
            JdbcClient jdbc,
            fr.traitant.app.accessibility.Accessibility accessibility,
            Clock clock,
            TraitantProperties properties) {
        this.accessibility = accessibility;
        this.sites = sites;
        this.volunteers = volunteers;
        this.plans = plans;
        this.zones = zones;
        this.territory = territory;
        this.doctors = doctors;
        this.jdbc = jdbc;
        this.clock = clock;
        this.count = properties.demo().missionPlaces();
        this.seed = properties.demo().seed();
    }

    @EventListener(ApplicationReadyEvent.class)
    @Order(100)
    void start() {
        if (count <= 0 || exists()) return;
        // the priority zones and the places' need come from the APL, computed in the background at start-up
        Thread.ofVirtual().name("demo-missions").start(() -> {
            try {
                for (int i = 0; i < 600 && !accessibility.hasScores(); i++) Thread.sleep(1_000);
                load();
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            } catch (RuntimeException e) {
                log.error("Demo missions not loaded", e);
            }
        });
    }

    void load() {
        SplittableRandom random = new SplittableRandom(seed ^ 0x4D15510AL);
        YearMonth now = YearMonth.now(clock.withZone(FrenchDates.PARIS));
        List<Commune> towns = new ArrayList<>();
        Set<String> wanted = new HashSet<>(zones.current().sirens());
        Map<String, List<Commune>> byEpci = new java.util.TreeMap<>();
        territory.engineCommunes().asList().stream()
                .filter(c -> wanted.contains(c.epci()))
                .forEach(c ->
                        byEpci.computeIfAbsent(c.epci(), k -> new ArrayList<>()).add(c));
        for (List<Commune> communes : byEpci.values()) {
            towns.add(communes.stream()
                    .max(Comparator.comparingLong(Commune::population))
                    .orElseThrow());
        }
        List<Long> ids = new ArrayList<>();
        for (int i = 0; i < count && !towns.isEmpty(); i++) {
            Commune town = towns.remove(random.nextInt(towns.size()));
            ids.add(sites.add(
                    new MissionSites.NewPlace(
                            "Consultations avancées" + DemoCareSites.of(town.name()),
                            town.code(),
                            null,
                            1 + random.nextInt(2),
                            random.nextBoolean(),
                            "Cabinet équipé (fictif)"),
                    true));
        }
        ids.add(sites.add(
                new MissionSites.NewPlace(
                        "Consultations avancées de Toulon (démonstration)",
                        "83137",
                        null,
                        2,
                        true,
                        "Cabinet équipé (fictif)"),
                true));
        for (long id : ids) {
            for (YearMonth m : List.of(now, now.plusMonths(1))) {
                Set<LocalDate> open = new HashSet<>();
                for (LocalDate d : MissionPages.monthDays(m))
                    if (d.getDayOfWeek() != DayOfWeek.SATURDAY && d.getDayOfWeek() != DayOfWeek.SUNDAY) open.add(d);
                sites.open(id, m, open);
            }
        }
        int pledged = 0;
        Set<String> taken = new HashSet<>();
        for (long id : ids) {
            String departement = territory
                    .findCommune(sites.get(id).communeCode())
                    .orElseThrow()
                    .departement();
            List<DoctorProfile> pool = new ArrayList<>(doctors.activeWithRppsInDepartement(departement).stream()
                    .filter(DoctorProfile::synthetic)
                    .filter(d ->
                            d.rpps().isPresent() && !taken.contains(d.rpps().get()))
                    .toList());
            for (int k = 0; k < 3 && !pool.isEmpty(); k++) {
                String rpps = pool.remove(random.nextInt(pool.size())).rpps().orElseThrow();
                taken.add(rpps);
                for (YearMonth m : List.of(now, now.plusMonths(1))) {
                    List<LocalDate> days = MissionPages.monthDays(m);
                    Set<LocalDate> available = new HashSet<>();
                    while (available.size() < 4 + random.nextInt(5))
                        available.add(days.get(random.nextInt(days.size())));
                    volunteers.pledge(
                            rpps,
                            new MissionVolunteers.Pledge(
                                    m,
                                    1 + random.nextInt(2),
                                    available,
                                    60 + 30 * random.nextInt(3),
                                    Set.of(),
                                    random.nextInt(4) == 0),
                            false);
                    pledged++;
                }
            }
        }
        plans.plan(now);
        plans.publish(now);
        LocalDate today = LocalDate.now(clock.withZone(FrenchDates.PARIS));
        for (MissionPlans.PlannedDay d : plans.days(now)) {
            if (random.nextInt(10) == 0) continue; // some days still await the doctor's answer
            plans.confirm(d.id(), d.rpps());
            if (!d.day().isAfter(today)) plans.record(d.id(), random.nextInt(12) != 0);
        }
        log.warn(
                "DEMO ONLY — {} fictitious mission places, {} volunteer pledges, {} planned and published",
                ids.size(),
                pledged,
                MissionPlans.monthName(now));
    }

    private boolean exists() {
        return jdbc.sql("select exists (select 1 from mission_site)")
                .query((rs, i) -> rs.getBoolean(1))
                .single();
    }
}
