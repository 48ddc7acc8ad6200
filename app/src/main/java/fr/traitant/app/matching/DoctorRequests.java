package fr.traitant.app.matching;

import fr.traitant.app.platform.FrenchDates;
import fr.traitant.app.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;
import org.springframework.transaction.event.TransactionPhase;
import org.springframework.transaction.event.TransactionalEventListener;

/**
 * Facade: a doctor's own waiting list (Norway's practice, issue #20 point 4). A family asks for a specific doctor who is
 * full; when the doctor has places again, the oldest requests are proposed first — before the general runs, which
 * only see the places left. A request too large for the places left waits for more, and the next one that fits is
 * proposed (the oldest request is not allowed to block the list). Served when the doctor changes their availability,
 * before each matching run and every quarter of an hour.
 */
@Service
public class DoctorRequests {

    private static final Logger log = LoggerFactory.getLogger(DoctorRequests.class);

    /** A family's request for a doctor, with its place in that doctor's list while it waits. */
    public record Request(long id, long householdId, String rpps, Instant requestedAt, String status, int rank) {
        public @org.jspecify.annotations.Nullable String requestedOn() {
            return FrenchDates.day(requestedAt);
        }

        public boolean waiting() {
            return "WAITING".equals(status);
        }
    }

    private final JdbcClient jdbc;
    private final WaitingList waitingList;
    private final ProposalWorkflow workflow;
    private final Clock clock;

    DoctorRequests(JdbcClient jdbc, WaitingList waitingList, ProposalWorkflow workflow, Clock clock) {
        this.jdbc = jdbc;
        this.waitingList = waitingList;
        this.workflow = workflow;
        this.clock = clock;
    }

    /** A household asks for this doctor; asking twice keeps the first date. Returns the request. */
    @Transactional
    public Request request(long householdId, String rpps) {
        if (workflow.attachedProposal(householdId).isPresent()) {
            throw new IllegalArgumentException("Votre foyer a déjà un médecin traitant choisi avec Traitant.");
        }
        jdbc.sql("""
                        insert into doctor_request (household_id, rpps, requested_at) values (:h, :r, :now)
                        on conflict (household_id, rpps) where status = 'WAITING' do nothing""")
                .param("h", householdId)
                .param("r", rpps)
                .param("now", Timestamp.from(clock.instant()))
                .update();
        return ofHousehold(householdId).stream()
                .filter(r -> r.rpps().equals(rpps) && r.waiting())
                .findFirst()
                .orElseThrow();
    }

    /** The household withdraws a waiting request (404 if it is not theirs or no longer waiting). */
    @Transactional
    public void cancel(long householdId, long requestId) {
        int changed = jdbc.sql("""
                        update doctor_request set status = 'CANCELLED', decided_at = :now
                         where id = :id and household_id = :h and status = 'WAITING'""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", requestId)
                .param("h", householdId)
                .update();
        if (changed == 0) {
            throw new NotFoundException("Aucune demande en attente n° " + requestId + ".");
        }
    }

    /** A household's requests, the latest first, each waiting one with its rank in the doctor's list. */
    public List<Request> ofHousehold(long householdId) {
        return jdbc.sql("""
                        select r.id, r.household_id, r.rpps, r.requested_at, r.status,
                               case when r.status = 'WAITING' then
                                 (select count(*) from doctor_request o where o.rpps = r.rpps and o.status = 'WAITING'
                                     and (o.requested_at, o.id) <= (r.requested_at, r.id)) else 0 end
                          from doctor_request r where r.household_id = :h order by r.requested_at desc, r.id desc""")
                .param("h", householdId)
                .query((rs, i) -> new Request(
                        rs.getLong(1),
                        rs.getLong(2),
                        rs.getString(3),
                        rs.getTimestamp(4).toInstant(),
                        rs.getString(5),
                        rs.getInt(6)))
                .list();
    }

    /** How many families wait for this doctor. */
    public int waitingFor(String rpps) {
        return jdbc.sql("select count(*) from doctor_request where rpps = :r and status = 'WAITING'")
                .param("r", rpps)
                .query(Integer.class)
                .single();
    }

    /**
     * Proposes each doctor with places again to the families who asked for them, oldest request first; returns how
     * many proposals were made.
     */
    @Scheduled(cron = "${traitant.matching.doctor-requests-cron:0 */15 * * * *}")
    @Transactional
    public int serve() {
        List<String> asked = jdbc.sql("select distinct rpps from doctor_request where status = 'WAITING' order by rpps")
                .query((rs, i) -> java.util.Objects.requireNonNull(rs.getString(1)))
                .list();
        int made = 0;
        for (String rpps : asked) {
            made += serve(rpps);
        }
        return made;
    }

    private int serve(String rpps) {
        Optional<long[]> doctor = jdbc.sql("""
                        select c.id, c.capacity - c.committed - coalesce((select sum(p.people) from proposal p
                                                                           where p.doctor_id = c.id and p.status = 'PENDING'), 0)
                          from doctor_capacity c where c.rpps = :r and c.accepting
                         order by c.doctor_account_id nulls last, c.id limit 1 for update""")
                .param("r", rpps)
                .query((rs, i) -> new long[] {rs.getLong(1), rs.getLong(2)})
                .optional();
        if (doctor.isEmpty() || doctor.get()[1] <= 0) {
            return 0;
        }
        long doctorId = doctor.get()[0];
        long left = doctor.get()[1];
        int made = 0;
        List<Object[]> waiting = jdbc.sql("""
                        select id, household_id, requested_at from doctor_request
                         where rpps = :r and status = 'WAITING' order by requested_at, id""")
                .param("r", rpps)
                .query((rs, i) -> new Object[] {
                    rs.getLong(1), rs.getLong(2), rs.getTimestamp(3).toInstant()
                })
                .list();
        for (Object[] r : waiting) {
            if (left <= 0) break;
            long requestId = (Long) r[0], householdId = (Long) r[1];
            Instant requestedAt = (Instant) r[2];
            if (workflow.attachedProposal(householdId).isPresent()) {
                // chosen a médecin traitant meanwhile: the request has no object any more
                jdbc.sql("update doctor_request set status = 'CANCELLED', decided_at = :now where id = :id")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", requestId)
                        .update();
                continue;
            }
            long entryId;
            try {
                entryId = waitingList.register(householdId, WaitingList.Source.ONLINE, requestedAt);
            } catch (IllegalArgumentException e) {
                log.info("Request {} for {} not served: {}", requestId, rpps, e.getMessage());
                continue;
            }
            WaitingList.Entry entry = waitingList.get(entryId);
            if (entry.status() != WaitingList.Status.WAITING || entry.people() > left) {
                continue; // a proposal in progress, paused, or too many people for the places left
            }
            ProposalId proposal = workflow.propose(
                    entryId,
                    WorkflowDoctorId.of(doctorId),
                    "Vous aviez demandé ce médecin le " + FrenchDates.day(requestedAt)
                            + " : il a de nouveau de la place (liste d’attente du médecin).");
            jdbc.sql("""
                            update doctor_request set status = 'PROPOSED', proposal_id = :p, decided_at = :now
                             where id = :id""")
                    .param("p", proposal.value())
                    .param("now", Timestamp.from(clock.instant()))
                    .param("id", requestId)
                    .update();
            left -= entry.people();
            made++;
        }
        return made;
    }

    /** A doctor who frees places serves their own list at once (after the change is committed). */
    @TransactionalEventListener(phase = TransactionPhase.AFTER_COMMIT)
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    void onAvailabilityChanged(fr.traitant.app.directory.DoctorAvailabilityChanged changed) {
        if (changed.status() == fr.traitant.engine.directory.NewPatients.ACCEPTING) {
            serve(changed.rpps());
        }
    }
}
