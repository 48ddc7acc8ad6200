package fr.traitant.app.matching;

import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.Vulnerability;
import fr.traitant.app.territory.Commune;
import fr.traitant.app.territory.Territory;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.springframework.beans.factory.annotation.Value;
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

    private static final String ENTRY_COLUMNS = "id, household_id, people, priority, waiting_since, destination_commune, source";

    private final JdbcClient jdbc;
    private final Households households;
    private final Territory territory;
    private final DoctorRoster roster;
    private final int paediatricsUnder;
    private final ProposalRepository proposals;

    ZoneInputs(JdbcClient jdbc, Households households, Territory territory, DoctorRoster roster,
               @Value("${traitant.matching.paediatrics-under:16}") int paediatricsUnder, ProposalRepository proposals) {
        this.proposals = proposals;
        this.jdbc = jdbc;
        this.households = households;
        this.territory = territory;
        this.roster = roster;
        this.paediatricsUnder = paediatricsUnder;
    }

    /** Households waiting in a département, by priority then waiting-since. */
    List<ZoneMatcher.Demand> waiting(String departement) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from waiting_entry where status = 'WAITING' and departement = :d"
                        + " order by priority, waiting_since, id")
                .param("d", departement).query((rs, i) -> demand(rs)).list();
    }

    /** One waiting entry as a demand. */
    ZoneMatcher.Demand entry(long entryId) {
        return jdbc.sql("select " + ENTRY_COLUMNS + " from waiting_entry where id = :id").param("id", entryId)
                .query((rs, i) -> demand(rs)).single();
    }

    private ZoneMatcher.Demand demand(ResultSet rs) throws SQLException {
        long householdId = rs.getLong(2);
        String destination = rs.getString(6);
        HouseholdProfile profile = households.profile(householdId).orElseThrow();
        String communeCode = destination != null ? destination : profile.communeCode();
        double lat;
        double lon;
        if (destination == null && profile.lat() != null) {
            lat = profile.lat();
            lon = profile.lon();
        } else {
            Commune c = territory.getCommune(communeCode);
            lat = c.lat();
            lon = c.lon();
        }
        boolean children = profile.members().stream().anyMatch(m -> m.age() < paediatricsUnder);
        boolean wheelchair = profile.members().stream().anyMatch(m -> m.vulnerabilities().contains(Vulnerability.DISABILITY));
        boolean complex = profile.members().stream().anyMatch(m -> m.longTermCondition() != null || !m.vulnerabilities().isEmpty());
        return new ZoneMatcher.Demand(rs.getLong(1), householdId, rs.getInt(3), rs.getInt(4),
                rs.getTimestamp(5).toInstant().atZone(EngineZoneMatcher.FRANCE).toLocalDate(), lat, lon, communeCode,
                children, wheelchair, null, "TRANSFER".equals(rs.getString(7)), complex);
    }

    /**
     * The doctors of a département — every accepting directory doctor of it (ADR 0051) and the doctors who declared a
     * practice there — their availability refreshed from the directory.
     */
    List<ZoneMatcher.Supply> doctors(String departement) {
        Map<String, fr.traitant.app.directory.DoctorProfile> directory = roster.refresh(departement);
        return proposals.supply(departement).stream().map(r -> {
            DoctorRoster.Capabilities c = r.rpps() != null && directory.containsKey(r.rpps())
                    ? DoctorRoster.capabilities(directory.get(r.rpps())) : roster.capabilities(r.rpps());
            return new ZoneMatcher.Supply(r.doctorId(), r.remaining(), r.accepting(), r.network(), r.lat(), r.lon(), r.communeCode(),
                    c.paediatrics(), c.wheelchair(), c.languages(), c.complexCases());
        }).toList();
    }

    /** By household id, the doctors never to propose to it again: declined, refused or expired. */
    java.util.Map<Long, Set<Long>> excluded() {
        return proposals.excludedDoctors();
    }
}
