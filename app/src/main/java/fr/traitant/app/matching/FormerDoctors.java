package fr.traitant.app.matching;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.territory.Territory;
import java.sql.Date;
import java.time.Clock;
import java.time.LocalDate;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * A family's former médecins traitants (issue #20, point 3; Norway's practice): recorded when a transfer takes the
 * family away — the doctors its members declared and the attachment made with Traitant, which ends — so that a family
 * returning within {@code traitant.transfers.former-doctor-within} (3 years by default) is first proposed its former
 * doctor, if they still practise within the travel limit of the new address.
 */
@Component
class FormerDoctors {

    private final JdbcClient jdbc;
    private final Households households;
    private final ProposalRepository proposals;
    private final DirectProposals direct;
    private final Doctors doctors;
    private final Territory territory;
    private final Clock clock;
    private final java.time.Period within;
    private final double maxMinutes;

    FormerDoctors(
            JdbcClient jdbc,
            Households households,
            ProposalRepository proposals,
            DirectProposals direct,
            Doctors doctors,
            Territory territory,
            Clock clock,
            MatchingProperties settings) {
        this.jdbc = jdbc;
        this.households = households;
        this.proposals = proposals;
        this.direct = direct;
        this.doctors = doctors;
        this.territory = territory;
        this.clock = clock;
        this.within = settings.transfers().formerDoctorWithin();
        this.maxMinutes = settings.matching().maxMinutes();
    }

    /** The family leaves on {@code until}: its doctors become former doctors and its attachment ends. */
    void recordLeaving(HouseholdProfile profile, LocalDate until) {
        Set<String> rpps = new LinkedHashSet<>();
        for (HouseholdProfile.Person p : profile.members()) {
            if (p.declaredDoctorRpps() != null) rpps.add(p.declaredDoctorRpps());
        }
        proposals
                .endAttachment(profile.householdId(), clock.instant())
                .ifPresent(doctorId -> jdbc.sql("select rpps from doctor_capacity where id = ? and rpps is not null")
                        .param(doctorId)
                        .query((rs, i) -> rs.getString(1))
                        .optional()
                        .ifPresent(rpps::add));
        for (String r : rpps) {
            jdbc.sql("""
                            insert into former_doctor (household_id, rpps, until, commune_code) values (:h, :r, :until, :c)
                            on conflict do nothing""")
                    .param("h", profile.householdId())
                    .param("r", r)
                    .param("until", Date.valueOf(until))
                    .param("c", profile.communeCode(), java.sql.Types.VARCHAR)
                    .update();
        }
    }

    /**
     * Proposes the household's most recent former doctor who still practises within reach of {@code destination} and
     * has not declined it; empty when there is none (then the general search goes on).
     */
    Optional<ProposalId> proposeFormer(long entryId, long householdId, String destination) {
        LocalDate since = LocalDate.now(clock.withZone(FrenchDates.PARIS)).minus(within);
        List<Object[]> former = jdbc.sql("""
                        select rpps, max(until) from former_doctor where household_id = ? and until >= ?
                         group by rpps order by max(until) desc, rpps""")
                .param(householdId)
                .param(Date.valueOf(since))
                .query((rs, i) -> new Object[] {rs.getString(1), rs.getObject(2, LocalDate.class)})
                .list();
        Set<Long> excluded = proposals.excludedDoctors().getOrDefault(householdId, Set.of());
        for (Object[] f : former) {
            String rpps = (String) f[0];
            Optional<DoctorProfile> doctor = doctors.findByRpps(rpps).filter(DoctorProfile::active);
            if (doctor.isEmpty() || !withinReach(doctor.get(), destination)) continue;
            Optional<Long> doctorId = jdbc
                    .sql("select id from doctor_capacity where rpps = ? order by id")
                    .param(rpps)
                    .query((rs, i) -> rs.getLong(1))
                    .list()
                    .stream()
                    .findFirst();
            if (doctorId.isPresent() && excluded.contains(doctorId.get())) continue;
            Optional<ProposalId> made = direct.propose(
                    entryId,
                    rpps,
                    "Votre ancien médecin traitant (jusqu’au " + FrenchDates.day((LocalDate) f[1])
                            + "), qui exerce toujours près de votre nouvelle adresse");
            if (made.isPresent()) return made;
        }
        return Optional.empty();
    }

    private boolean withinReach(DoctorProfile doctor, String destination) {
        if (doctor.locations().isEmpty()) return false;
        OptionalInt from = territory.engineCommunes().findIndex(destination);
        OptionalInt to = territory
                .engineCommunes()
                .findIndex(doctor.locations().getFirst().communeCode());
        return from.isPresent()
                && to.isPresent()
                && territory.roadTimes().minutes(from.getAsInt(), to.getAsInt()) <= maxMinutes;
    }

    /** The household's former doctors (RPPS), the latest first, for its case file and tests. */
    List<String> of(long householdId, @Nullable LocalDate since) {
        return jdbc.sql(
                        "select rpps from former_doctor where household_id = ? and until >= ? order by until desc, rpps")
                .param(householdId)
                .param(Date.valueOf(since == null ? LocalDate.of(1900, 1, 1) : since))
                .query((rs, i) -> java.util.Objects.requireNonNull(rs.getString(1)))
                .list();
    }
}
