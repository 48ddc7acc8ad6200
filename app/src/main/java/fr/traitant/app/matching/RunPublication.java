package fr.traitant.app.matching;

import java.sql.Timestamp;
import java.time.Clock;
import java.util.List;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/** Publication of a reviewed draft run: its lines become proposals to the doctors, within their places. */
@Service
public class RunPublication {

    private static final org.slf4j.Logger log = org.slf4j.LoggerFactory.getLogger(RunPublication.class);

    private final JdbcClient jdbc;
    private final ProposalWorkflow workflow;
    private final CapacityRepository proposals;
    private final Clock clock;

    RunPublication(JdbcClient jdbc, ProposalWorkflow workflow, CapacityRepository proposals, Clock clock) {
        this.jdbc = jdbc;
        this.workflow = workflow;
        this.proposals = proposals;
        this.clock = clock;
    }

    /** What a publication did: proposals made, and lines left out because the doctor had no places left by then. */
    public record Publication(int made, int doctorFull) {
        /** In French, for the run's page. */
        public String message() {
            return made + " proposition(s) envoyée(s) aux médecins."
                    + (doctorFull == 0
                            ? ""
                            : " " + doctorFull
                                    + " ligne(s) non publiée(s) : le médecin n'avait plus de place (prise entre-temps par un autre "
                                    + "appariement, par exemple d'un département voisin) ; ces foyers restent en attente.");
        }
    }

    /** Proposals between two progress lines of the log. */
    static final int PROGRESS_PROPOSALS = 100;

    /**
     * Publishes a draft: a proposal per line whose household is still waiting and whose doctor still has the places.
     * The doctors' rows are locked first, in id order, then each line's places are re-read: two runs published at once —
     * of the same zone or of neighbouring départements sharing doctors — never propose more than a doctor's places.
     */
    @Transactional
    public Publication publish(long runId) {
        int published = jdbc.sql(
                        "update matching_run set status = 'PUBLISHED', published_at = :now where id = :r and status = 'DRAFT'")
                .param("now", Timestamp.from(clock.instant()))
                .param("r", runId)
                .update();
        if (published == 0) {
            throw new ProposalWorkflow.TransitionRefused("Cet appariement est déjà publié (ou n'existe pas).");
        }
        jdbc.sql("""
                        select id from doctor_capacity where id in (select doctor_id from matching_run_line where run_id = :r)
                         order by id for update""").param("r", runId).query(Long.class).list();
        int made = 0;
        int full = 0;
        List<Object[]> lines = jdbc.sql("""
                        select l.entry_id, l.doctor_id, l.reason, e.people from matching_run_line l join waiting_entry e on e.id = l.entry_id
                         where l.run_id = :r and l.doctor_id is not null order by l.entry_id""")
                .param("r", runId)
                .query((rs, i) -> new Object[] {rs.getLong(1), rs.getLong(2), rs.getString(3), rs.getInt(4)})
                .list();
        for (Object[] line : lines) {
            long entryId = (Long) line[0];
            long doctorId = (Long) line[1];
            // locked: two runs over the same zone published at once propose each household once
            if (!jdbc.sql("select status from waiting_entry where id = :e for update")
                    .param("e", entryId)
                    .query(String.class)
                    .single()
                    .equals("WAITING")) {
                continue;
            }
            if (proposals.placesLeftLocked(doctorId) < (Integer) line[3]) {
                full++;
                continue;
            }
            long proposal = workflow.propose(entryId, WorkflowDoctorId.of(doctorId), (String) line[2])
                    .value();
            jdbc.sql("update matching_run_line set proposal_id = :p where run_id = :r and entry_id = :e")
                    .param("p", proposal)
                    .param("r", runId)
                    .param("e", entryId)
                    .update();
            made++;
            // a long publication says how far it is (all its proposals commit at the end, or none)
            if (made % PROGRESS_PROPOSALS == 0)
                log.info("Matching run {} publishing: {} of {} lines proposed", runId, made, lines.size());
        }
        if (full > 0) {
            log.info(
                    "Matching run {} published: {} proposals, {} lines left out (doctor full by then)",
                    runId,
                    made,
                    full);
        }
        return new Publication(made, full);
    }
}
