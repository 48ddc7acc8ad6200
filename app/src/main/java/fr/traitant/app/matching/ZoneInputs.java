package fr.traitant.app.matching;

import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.Vulnerability;
import fr.traitant.app.territory.CommuneSummary;
import fr.traitant.app.territory.Territory;
import fr.traitant.engine.matching.Capabilities;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * What the {@link ZoneMatcher} is given (ADR 0050): waiting households with their size, priority, waiting-since date,
 * place (the destination for a transfer) and needs — paediatrics when someone is under
 * {@code traitant.matching.paediatrics-under} years (16), wheelchair access when someone carries the fund's
 * disability flag; no language (the fund's extract has none) — and the doctors of the zone from {@link DoctorRoster}.
 */
@Component
class ZoneInputs {

    private static final String ENTRY_COLUMNS =
            "id, household_id, people, priority, waiting_since, destination_commune, source";

    private final JdbcClient jdbc;
    private final Households households;
    private final Territory territory;
    private final DoctorRoster roster;
    private final int paediatricsUnder;
    private final ProposalRepository proposals;
    private final CapacityRepository capacityRows;

    private final double maxMinutes;

    ZoneInputs(
            JdbcClient jdbc,
            Households households,
            Territory territory,
            DoctorRoster roster,
            ProposalRepository proposals,
            CapacityRepository capacityRows,
            MatchingProperties settings) {
        int paediatricsUnder = settings.matching().paediatricsUnder();
        double maxMinutes = settings.matching().maxMinutes();
        this.maxMinutes = maxMinutes;
        this.proposals = proposals;
        this.capacityRows = capacityRows;
        this.jdbc = jdbc;
        this.households = households;
        this.territory = territory;
        this.roster = roster;
        this.paediatricsUnder = paediatricsUnder;
    }

    /** Households waiting in a département, by priority then waiting-since. */
    List<ZoneMatcher.Demand> waiting(String departement) {
        return waiting(List.of(departement));
    }

    /** Households waiting in these départements, by priority then waiting-since. */
    List<ZoneMatcher.Demand> waiting(java.util.Collection<String> departements) {
        if (departements.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + ENTRY_COLUMNS
                        + " from waiting_entry where status = 'WAITING' and departement in (:d)"
                        + " order by priority, waiting_since, id")
                .param("d", List.copyOf(departements))
                .query((rs, i) -> demand(rs))
                .list();
    }

    /**
     * The doctors a run over {@code zone} (one or more départements) considers: those of the zone and, across its
     * borders, those of the other départements practising within the travel limit of at least one of the households
     * (ADR 0064). Their places are shared with the runs of their own département: each run reads what is left (capacity,
     * less places committed and places held by pending proposals) and publication re-checks it under a row lock.
     *
     * @param step told the département being read, for the run's page
     */
    ZoneDoctors doctors(
            java.util.Collection<String> zone,
            List<ZoneMatcher.Demand> demands,
            java.util.function.Consumer<String> step) {
        Set<String> inZone = new java.util.TreeSet<>(zone);
        fr.traitant.engine.geo.SpatialIndex homes = homes(demands);
        Set<String> neighbours = demands.isEmpty() ? Set.of() : neighboursWithinReach(inZone, homes);
        List<ZoneMatcher.Supply> supplies = new java.util.ArrayList<>();
        double reach = reachMetres();
        int n = 0;
        int total = inZone.size() + neighbours.size();
        for (String d : inZone) {
            step.accept("Lecture des médecins disponibles : " + territory.departementLabel(d) + " (" + (++n) + " sur "
                    + total + ")");
            supplies.addAll(doctors(d));
        }
        int across = 0;
        for (String d : neighbours) {
            step.accept("Lecture des médecins des départements voisins : " + territory.departementLabel(d) + " ("
                    + (++n) + " sur " + total + ")");
            for (ZoneMatcher.Supply s : doctors(d)) {
                if (homes.withinRadius(new fr.traitant.engine.geo.GeoPoint(s.lat(), s.lon()), reach).length > 0) {
                    supplies.add(s);
                    across++;
                }
            }
        }
        return new ZoneDoctors(supplies, List.copyOf(neighbours), across);
    }

    /** The doctors of a run, the neighbouring départements they came from and how many came from them. */
    record ZoneDoctors(List<ZoneMatcher.Supply> supplies, List<String> neighbours, int acrossBorders) {}

    /**
     * Départements outside the zone with a commune near enough to a waiting household of it: the commune's point within
     * the travel limit's reach plus the commune's radius (a practice may be anywhere in it).
     */
    private Set<String> neighboursWithinReach(Set<String> zone, fr.traitant.engine.geo.SpatialIndex homes) {
        Set<String> out = new java.util.TreeSet<>();
        double reach = reachMetres();
        fr.traitant.engine.territory.Communes communes = territory.engineCommunes();
        for (int i = 0; i < communes.size(); i++) {
            fr.traitant.engine.territory.Commune c = communes.get(i);
            if (c.departement().isEmpty() || zone.contains(c.departement()) || out.contains(c.departement())) {
                continue;
            }
            double radius = Double.isNaN(c.areaKm2()) ? 5_000 : Math.sqrt(c.areaKm2() / Math.PI) * 1_000;
            if (homes.withinRadius(c.position(), reach + radius).length > 0) {
                out.add(c.departement());
            }
        }
        return out;
    }

    private static fr.traitant.engine.geo.SpatialIndex homes(List<ZoneMatcher.Demand> demands) {
        return fr.traitant.engine.geo.SpatialIndex.of(demands.stream()
                .map(d -> new fr.traitant.engine.geo.GeoPoint(d.lat(), d.lon()))
                .toList());
    }

    /** Crow-fly metres beyond which no trip is within the travel limit (the road model's bound). */
    double reachMetres() {
        return fr.traitant.engine.matching.RoadTravelTimes.DEFAULT.reachMetres(maxMinutes);
    }

    /** These entries, those still waiting, by priority then waiting-since. */
    List<ZoneMatcher.Demand> waitingEntries(java.util.Collection<Long> entries) {
        if (entries.isEmpty()) {
            return List.of();
        }
        return jdbc.sql("select " + ENTRY_COLUMNS + " from waiting_entry where status = 'WAITING' and id in (:ids)"
                        + " order by priority, waiting_since, id")
                .param("ids", List.copyOf(entries))
                .query((rs, i) -> demand(rs))
                .list();
    }

    /** The workflow doctors ({@code doctor_capacity} rows) of these RPPS. */
    Set<Long> doctorIdsOf(java.util.Collection<String> rpps) {
        return Set.copyOf(jdbc.sql("select id from doctor_capacity where rpps in (:r)")
                .param("r", List.copyOf(rpps))
                .query(Long.class)
                .list());
    }

    /** One waiting entry as a demand. */
    ZoneMatcher.Demand entry(long entryId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from waiting_entry where id = :id")
                .param("id", entryId)
                .query((rs, i) -> demand(rs))
                .single();
    }

    private ZoneMatcher.Demand demand(ResultSet rs) throws SQLException {
        long householdId = rs.getLong(2);
        String destination = rs.getString(6);
        HouseholdProfile profile = households.profile(householdId).orElseThrow();
        String communeCode = destination != null ? destination : profile.communeCode();
        double lat;
        double lon;
        Double homeLat = profile.lat(), homeLon = profile.lon();
        if (destination == null && homeLat != null && homeLon != null) {
            lat = homeLat;
            lon = homeLon;
        } else {
            CommuneSummary c = territory.getCommune(
                    java.util.Objects.requireNonNull(communeCode, "a waiting household without a commune"));
            lat = c.lat();
            lon = c.lon();
        }
        boolean children = profile.members().stream().anyMatch(m -> m.age() < paediatricsUnder);
        boolean wheelchair =
                profile.members().stream().anyMatch(m -> m.vulnerabilities().contains(Vulnerability.DISABILITY));
        boolean complex = profile.members().stream()
                .anyMatch(m ->
                        m.longTermCondition() != null || !m.vulnerabilities().isEmpty());
        return new ZoneMatcher.Demand(
                rs.getLong(1),
                householdId,
                rs.getInt(3),
                rs.getInt(4),
                rs.getTimestamp(5).toInstant().atZone(EngineZoneMatcher.FRANCE).toLocalDate(),
                lat,
                lon,
                communeCode,
                children,
                wheelchair,
                null,
                // network doctors first for transferred families and for the patients of a departing doctor
                "TRANSFER".equals(rs.getString(7)) || "DEPARTURE".equals(rs.getString(7)),
                complex);
    }

    /**
     * The doctors of a département — every accepting directory doctor of it (ADR 0051) and the doctors who declared a
     * practice there — their availability refreshed from the directory.
     */
    List<ZoneMatcher.Supply> doctors(String departement) {
        Map<String, fr.traitant.app.directory.DoctorProfile> directory = roster.refresh(departement);
        return capacityRows.supply(departement).stream()
                .map(r -> {
                    Capabilities c = r.rpps() != null && directory.containsKey(r.rpps())
                            ? DoctorRoster.capabilities(directory.get(r.rpps()))
                            : roster.capabilities(r.rpps());
                    return new ZoneMatcher.Supply(
                            r.doctorId(),
                            r.remaining(),
                            r.accepting(),
                            r.network(),
                            r.lat(),
                            r.lon(),
                            r.communeCode(),
                            c.paediatrics(),
                            c.wheelchairAccess(),
                            c.languages(),
                            c.complexCases());
                })
                .toList();
    }

    /** By household id, the doctors never to propose to it again: declined, refused or expired. */
    java.util.Map<Long, Set<Long>> excluded() {
        return proposals.excludedDoctors();
    }
}
