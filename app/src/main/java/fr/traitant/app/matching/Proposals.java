package fr.traitant.app.matching;

import fr.traitant.app.identity.CurrentUser;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.app.privacy.AuditAction;
import fr.traitant.app.privacy.AuditTrail;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: proposals. A doctor sees only the proposals addressed to them (others are "not found"); advisors and
 * conciliators see any. Reads are audited for each member of the household concerned.
 */
@Service
public class Proposals {

    public static final Set<Role> AGENT_READERS = EnumSet.of(Role.ADVISOR, Role.CONCILIATOR);
    static final String DOCTOR_PURPOSE = "Consultation par le médecin d'une proposition qui lui est adressée";
    static final String AGENT_PURPOSE = "Suivi d'une proposition de médecin traitant";
    private static final String COLUMNS = "id, household_id, doctor_account_id, status, created_at";

    private final JdbcClient jdbc;
    private final CurrentUser currentUser;
    private final Households households;
    private final AuditTrail auditTrail;

    Proposals(JdbcClient jdbc, CurrentUser currentUser, Households households, AuditTrail auditTrail) {
        this.jdbc = jdbc;
        this.currentUser = currentUser;
        this.households = households;
        this.auditTrail = auditTrail;
    }

    @Transactional
    public long propose(long householdId, long doctorAccountId) {
        long id = jdbc.sql("insert into proposal (household_id, doctor_account_id) values (:h, :d) returning id")
                .param("h", householdId).param("d", doctorAccountId).query(Long.class).single();
        audit(householdId, id, AuditAction.CREATE, "Proposition de médecin traitant");
        return id;
    }

    /** The signed-in doctor's proposals, most recent first. */
    @Transactional
    public List<ProposalView> mine() {
        SignedInUser user = currentUser.get();
        if (!user.has(Role.DOCTOR)) {
            return List.of();
        }
        List<ProposalView> proposals = jdbc.sql("select " + COLUMNS + " from proposal where doctor_account_id = :d order by created_at desc, id desc")
                .param("d", user.accountId()).query(Proposals::map).list();
        proposals.forEach(p -> audit(p.householdId(), p.id(), AuditAction.READ, DOCTOR_PURPOSE));
        return proposals;
    }

    /** One proposal: its doctor or an advisor/conciliator; anybody else gets "not found". */
    @Transactional
    public ProposalView read(long id) {
        SignedInUser user = currentUser.get();
        ProposalView proposal = jdbc.sql("select " + COLUMNS + " from proposal where id = :id").param("id", id)
                .query(Proposals::map).optional()
                .filter(p -> AGENT_READERS.contains(user.role()) || (user.has(Role.DOCTOR) && p.doctorAccountId() == user.accountId()))
                .orElseThrow(() -> new NotFoundException("Aucune proposition " + id + "."));
        audit(proposal.householdId(), proposal.id(), AuditAction.READ, user.has(Role.DOCTOR) ? DOCTOR_PURPOSE : AGENT_PURPOSE);
        return proposal;
    }

    private void audit(long householdId, long proposalId, AuditAction action, String purpose) {
        List<String> persons = households.personRefs(householdId);
        if (persons.isEmpty()) {
            auditTrail.record(null, "proposal", Long.toString(proposalId), action, purpose);
        }
        persons.forEach(person -> auditTrail.record(person, "proposal", Long.toString(proposalId), action, purpose));
    }

    private static ProposalView map(ResultSet rs, int n) throws SQLException {
        return new ProposalView(rs.getLong("id"), rs.getLong("household_id"), rs.getLong("doctor_account_id"),
                rs.getString("status"), rs.getTimestamp("created_at").toInstant());
    }
}
