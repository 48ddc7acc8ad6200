package fr.traitant.app.programmes;

import fr.traitant.app.territory.Territory;
import java.math.BigDecimal;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.stereotype.Service;

/**
 * The missions' figures for a month — days pledged, planned (not refused), held; consultations; the priority zones
 * without any day; the cost; the 48-hour promise — in total and by zone, for the missions page and the programme
 * dashboard.
 */
@Service
public class MissionFigures {

    /** A zone's month. */
    public record Zone(String siren, String name, int places, int planned, int held) {}

    /** A month. */
    public record Month(
            YearMonth month,
            int pledged,
            int planned,
            int held,
            int notHeld,
            long consultations,
            BigDecimal cost,
            MissionSlots.Requests requests,
            List<Zone> zones,
            int zonesWithoutDay) {}

    private final MissionVolunteers volunteers;
    private final MissionPlans plans;
    private final MissionSites sites;
    private final MissionSlots slots;
    private final MissionIndemnities indemnities;
    private final PriorityZones priorityZones;
    private final Territory territory;

    MissionFigures(
            MissionVolunteers volunteers,
            MissionPlans plans,
            MissionSites sites,
            MissionSlots slots,
            MissionIndemnities indemnities,
            PriorityZones priorityZones,
            Territory territory) {
        this.volunteers = volunteers;
        this.plans = plans;
        this.sites = sites;
        this.slots = slots;
        this.indemnities = indemnities;
        this.priorityZones = priorityZones;
        this.territory = territory;
    }

    public Month of(YearMonth month) {
        return of(List.of(month)).getFirst();
    }

    /** Several months, the zones and the places read once. */
    public List<Month> of(List<YearMonth> months) {
        return of(months, priorityZones.current());
    }

    /** The same, for priority zones the caller has already read (scoring them reads the whole supply). */
    public List<Month> of(List<YearMonth> months, PriorityZones.CurrentZones current) {
        Map<String, String> epciOfCommune = new HashMap<>();
        territory.engineCommunes().asList().forEach(c -> epciOfCommune.put(c.code(), c.epci()));
        Map<String, Integer> placesByEpci = new HashMap<>();
        for (MissionSites.Place p : sites.all()) {
            placesByEpci.merge(epciOfCommune.getOrDefault(p.communeCode(), ""), 1, Integer::sum);
        }
        Map<String, String> names = territory.epciNames();
        List<Month> result = new ArrayList<>();
        for (YearMonth month : months) {
            int pledged = volunteers.pledgedDays(month);
            Map<String, int[]> byEpci = new HashMap<>();
            int planned = 0, held = 0, notHeld = 0;
            BigDecimal cost = BigDecimal.ZERO;
            for (MissionPlans.PlannedDay d : plans.days(month)) {
                if (d.status() == MissionDayStatus.REFUSED) continue;
                planned++;
                int[] z = byEpci.computeIfAbsent(epciOfCommune.getOrDefault(d.communeCode(), ""), k -> new int[2]);
                z[0]++;
                if (d.status() == MissionDayStatus.HELD) {
                    held++;
                    z[1]++;
                    cost = cost.add(indemnities.rate(d.day()));
                }
                if (d.status() == MissionDayStatus.NOT_HELD) notHeld++;
            }
            List<Zone> zones = new ArrayList<>();
            int without = 0;
            Set<String> seen = new HashSet<>();
            for (String siren : current.sirens()) {
                if (!seen.add(siren)) continue;
                int[] z = byEpci.getOrDefault(siren, new int[2]);
                if (z[0] == 0) without++;
                zones.add(new Zone(
                        siren, names.getOrDefault(siren, siren), placesByEpci.getOrDefault(siren, 0), z[0], z[1]));
            }
            zones.sort(
                    java.util.Comparator.comparingInt(Zone::planned).reversed().thenComparing(Zone::name));
            result.add(new Month(
                    month,
                    pledged,
                    planned,
                    held,
                    notHeld,
                    slots.consultations(month),
                    cost,
                    slots.requests(month),
                    zones,
                    without));
        }
        return result;
    }
}
