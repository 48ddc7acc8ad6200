package fr.traitant.app.matching;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.identity.SignedInUser;
import fr.traitant.app.members.Households;
import fr.traitant.app.members.NewMember;
import fr.traitant.app.platform.values.InseeCode;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 13, point 2: a doctor chosen by a family who has not recorded the declaration of médecin traitant within
 * 14 days is reminded once, by e-mail through the outbox, with the link to the proposal; not before 14 days, not twice,
 * not once the declaration is recorded.
 */
@IntegrationTest
class DeclarationReminderTest {

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    DoctorCapacities capacities;

    @Autowired
    WaitingList waitingList;

    @Autowired
    Households households;

    @Autowired
    Accounts accounts;

    @Autowired
    JdbcClient jdbc;

    private long attachedProposal(String doctorMail) {
        SignedInUser doctor = TestAccounts.create(accounts, Role.DOCTOR);
        capacities.declareCapacity(doctor.accountId(), null, "87085", 2, doctorMail);
        long household = households.create(
                "Foyer Rappel",
                InseeCode.of("87085"),
                List.of(new NewMember("Rose", "Rappel", LocalDate.of(1975, 4, 2), null, null, null)));
        long entry = waitingList.register(household, WaitingList.Source.ONLINE, Instant.now());
        long proposal = workflow.propose(
                        entry,
                        capacities.capacity(doctor.accountId()).orElseThrow().doctor(),
                        "Test du rappel")
                .value();
        workflow.acceptAs(ProposalId.of(proposal), doctor.accountId());
        workflow.confirmAs(ProposalId.of(proposal), household);
        return proposal;
    }

    private long reminders(String doctorMail) {
        return jdbc.sql(
                        "select count(*) from outbox_message where recipient = :r and subject like '%rappel : déclaration%'")
                .param("r", doctorMail)
                .query(Long.class)
                .single();
    }

    @Test
    void a_doctor_who_has_not_declared_within_14_days_is_reminded_once() {
        String doctorMail = "rappel" + System.nanoTime() + "@medecin.mssante.fr";
        long proposal = attachedProposal(doctorMail);

        workflow.remindDeclarations();
        assertThat(reminders(doctorMail)).as("not before 14 days").isZero();

        jdbc.sql("update proposal set decided_at = now() - interval '15 days' where id = :p")
                .param("p", proposal)
                .update();
        assertThat(workflow.remindDeclarations()).isPositive();
        assertThat(reminders(doctorMail)).isEqualTo(1);
        String body = jdbc.sql("select body from outbox_message where recipient = :r and subject like '%rappel%'")
                .param("r", doctorMail)
                .query(String.class)
                .single();
        assertThat(body).contains("/propositions/" + proposal).contains("plus de 14 jours");

        workflow.remindDeclarations();
        assertThat(reminders(doctorMail)).as("once").isEqualTo(1);
    }

    @Test
    void no_reminder_once_the_declaration_is_recorded() {
        String doctorMail = "declare" + System.nanoTime() + "@medecin.mssante.fr";
        long proposal = attachedProposal(doctorMail);
        jdbc.sql("update proposal set decided_at = now() - interval '20 days', declared_at = now() where id = :p")
                .param("p", proposal)
                .update();
        workflow.remindDeclarations();
        assertThat(reminders(doctorMail)).isZero();
    }
}
