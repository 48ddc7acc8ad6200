package fr.traitant.app.matching;

import de.siegmar.fastcsv.reader.NamedCsvRecord;
import fr.traitant.app.members.HouseholdProfile;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.values.InseeCode;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import fr.traitant.app.territory.Territory;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: the annual transfer plan. Importing it is all or nothing (each bad line reported "ligne N : raison").
 * A transferred household leaving its département needs a médecin traitant at destination: {@code lead-time}
 * before the arrival date (default 60 days) it is put on the destination's waiting list and a doctor is proposed —
 * before the family arrives. Households moving within their département keep their doctor and are not listed.
 */
@Service
public class Transfers {

    public static final List<String> COLUMNS = List.of("beneficiaire", "foyer", "commune_destination", "date_arrivee");
    static final String PURPOSE = "Import du plan annuel de mutation";

    /** What an import did. */
    public record Result(int lines, int prepared) {}

    record Line(long line, long householdId, String memberRef, String commune, LocalDate arrival) {}

    private final JdbcClient jdbc;
    private final Households households;
    private final Territory territory;
    private final WaitingList waitingList;
    private final BestDoctors bestDoctors;
    private final AuditTrail auditTrail;
    private final Clock clock;
    private final java.time.Period leadTime;
    private final FormerDoctors formerDoctors;

    Transfers(
            JdbcClient jdbc,
            Households households,
            Territory territory,
            WaitingList waitingList,
            BestDoctors bestDoctors,
            AuditTrail auditTrail,
            Clock clock,
            MatchingProperties settings,
            FormerDoctors formerDoctors) {
        java.time.Period leadTime = settings.transfers().leadTime();
        this.formerDoctors = formerDoctors;
        this.jdbc = jdbc;
        this.households = households;
        this.territory = territory;
        this.waitingList = waitingList;
        this.bestDoctors = bestDoctors;
        this.auditTrail = auditTrail;
        this.clock = clock;
        this.leadTime = leadTime;
    }

    /** Imports the plan (whole file or nothing), then prepares the arrivals already within the lead time. */
    @Transactional
    public Result importPlan(Reader csv) {
        if (!jdbc.sql("select pg_try_advisory_xact_lock(7302, 1)")
                .query(Boolean.class)
                .single()) {
            throw new fr.traitant.app.platform.ConflictException("Un import du plan de mutations est déjà en cours :"
                    + " attendez qu'il se termine, puis recommencez.");
        }
        List<Line> lines = read(csv);
        for (Line l : lines) {
            long id = jdbc.sql("""
                            insert into transfer (household_id, member_ref, destination_commune, arrival_date)
                            values (:h, :m, :c, :a) on conflict (member_ref, arrival_date) do update
                            set destination_commune = excluded.destination_commune returning id""")
                    .param("h", l.householdId())
                    .param("m", l.memberRef())
                    .param("c", l.commune())
                    .param("a", l.arrival())
                    .query(Long.class)
                    .single();
            for (String person : households.personRefs(l.householdId())) {
                auditTrail.record(person, "transfer", Long.toString(id), AuditAction.CREATE, PURPOSE);
            }
        }
        return new Result(lines.size(), prepareArrivals());
    }

    /**
     * Puts on the waiting list, and proposes a doctor to, every transferred household arriving within the lead time
     * and not prepared yet. Runs daily and after each import.
     */
    @Scheduled(cron = "${traitant.transfers.cron:0 15 6 * * *}")
    @Transactional
    public int prepareArrivals() {
        LocalDate today = LocalDate.now(clock);
        List<Object[]> due = jdbc.sql("""
                        select id, household_id, destination_commune, arrival_date from transfer
                         where waiting_entry_id is null and arrival_date <= :horizon and arrival_date >= :today - 30
                         order by arrival_date, id for update skip locked""")
                .param("horizon", today.plus(leadTime))
                .param("today", today)
                .query((rs, i) ->
                        new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getObject(4, LocalDate.class)})
                .list();
        int prepared = 0;
        Set<Long> seen = new HashSet<>();
        List<Long> toMatch = new java.util.ArrayList<>();
        for (Object[] t : due) {
            long transferId = (Long) t[0];
            long householdId = (Long) t[1];
            String destination = (String) t[2];
            HouseholdProfile profile = households.profile(householdId).orElseThrow();
            boolean sameDepartement = profile.departement() != null
                    && profile.departement().equals(InseeCode.of(destination).departement());
            if (sameDepartement) {
                continue; // they keep their médecin traitant
            }
            // the doctors the family leaves become former doctors (a return within years proposes them first)
            formerDoctors.recordLeaving(profile, (LocalDate) t[3]);
            long entryId = waitingList.registerTransfer(householdId, destination, clock.instant());
            jdbc.sql("update transfer set waiting_entry_id = :e where id = :id")
                    .param("e", entryId)
                    .param("id", transferId)
                    .update();
            if (seen.add(householdId) && waitingList.get(entryId).status() == WaitingList.Status.WAITING) {
                if (formerDoctors
                        .proposeFormer(entryId, householdId, destination)
                        .isEmpty()) {
                    toMatch.add(entryId);
                }
            }
            prepared++;
        }
        // one engine run per destination département for all these families (the doctors read once)
        bestDoctors.proposeBest(toMatch);
        return prepared;
    }

    List<Line> read(Reader csv) {
        Set<String> keys = new HashSet<>();
        try {
            return fr.traitant.app.platform.SemicolonCsv.read(csv, COLUMNS, "aucune mutation dans le fichier", line -> {
                NamedCsvRecord r = line.record();
                try {
                    if (r.getFieldCount() != r.getHeader().size()) {
                        throw new IllegalArgumentException(
                                r.getHeader().size() + " champs attendus, " + r.getFieldCount() + " trouvés");
                    }
                    String member = required(r, "beneficiaire");
                    String household = required(r, "foyer");
                    long householdId = households
                            .findByReferences(household, member)
                            .orElseThrow(() -> new IllegalArgumentException(
                                    "bénéficiaire " + member + " inconnu dans le foyer " + household));
                    String commune = required(r, "commune_destination");
                    if (territory.findCommune(commune).isEmpty()) {
                        throw new IllegalArgumentException("commune inconnue '" + commune + "'");
                    }
                    LocalDate arrival = LocalDate.parse(required(r, "date_arrivee"));
                    if (!keys.add(member + "@" + arrival)) {
                        throw new IllegalArgumentException("mutation en double dans le fichier");
                    }
                    return new Line(line.number(), householdId, member, commune, arrival);
                } catch (DateTimeParseException e) {
                    throw new fr.traitant.app.platform.SemicolonCsv.LineError(
                            "date d'arrivée invalide (AAAA-MM-JJ attendu)");
                } catch (IllegalArgumentException e) {
                    throw new fr.traitant.app.platform.SemicolonCsv.LineError(String.valueOf(e.getMessage()));
                }
            });
        } catch (fr.traitant.app.platform.SemicolonCsv.Refused e) {
            throw new TransferPlanRefused(e.errors());
        } catch (fr.traitant.app.platform.TextFile.Refused | UncheckedIOException e) {
            throw new TransferPlanRefused(List.of(fr.traitant.app.platform.TextFile.readFailure(e)));
        }
    }

    private static String required(NamedCsvRecord r, String column) {
        String value = r.getField(column).strip();
        if (value.isEmpty()) {
            throw new IllegalArgumentException(column + " vide");
        }
        return value;
    }

    /** A transfer plan refused whole: nothing was written. */
    public static class TransferPlanRefused extends fr.traitant.app.platform.SemicolonCsv.Refused {
        public TransferPlanRefused(List<String> errors) {
            super(
                    "Plan de mutation refusé, rien n'a été importé — "
                            + String.join(" ; ", errors.subList(0, Math.min(20, errors.size()))),
                    errors);
        }
    }
}
