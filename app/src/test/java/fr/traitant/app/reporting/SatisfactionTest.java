package fr.traitant.app.reporting;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.continuity.ContinuityWorld;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import fr.traitant.app.matching.DirectProposals;
import fr.traitant.app.matching.ProposalId;
import fr.traitant.app.matching.ProposalWorkflow;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.members.Households;
import java.time.Instant;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/** Issue #21, point 4: the family that chose its médecin traitant is asked three questions, once; errors by the field. */
@IntegrationTest
class SatisfactionTest {

    @Autowired
    ContinuityWorld world;

    @Autowired
    Accounts accounts;

    @Autowired
    Households households;

    @Autowired
    WaitingList waitingList;

    @Autowired
    DirectProposals direct;

    @Autowired
    ProposalWorkflow workflow;

    @Autowired
    Satisfaction satisfaction;

    @LocalServerPort
    int port;

    @Test
    void a_family_attached_answers_the_survey_once_and_the_answer_counts() {
        var doctor = world.doctor("Aubry", "04070", "04000", 44.0925, 6.2320, 4);
        long family = world.family("Sauvage", "04070", null, null);
        var insured = TestAccounts.create(accounts, Role.INSURED);
        households.link(family, insured.accountId());
        WebSession session = new WebSession(port);
        session.login(insured.username(), TestAccounts.PASSWORD);
        assertThat(session.get("/mon-avis").body()).contains("id=\"rien-a-evaluer\"");

        long entry = waitingList.register(family, WaitingList.Source.ONLINE, Instant.now());
        ProposalId proposal = direct.propose(entry, doctor.rpps(), "test").orElseThrow();
        workflow.acceptAs(proposal, doctor.accountId());
        workflow.confirmAs(proposal, family);
        assertThat(session.get("/mon-medecin-traitant").body()).contains("/mon-avis");

        // a form with a missing answer comes back with the error by the field and the other answers kept
        WebSession.Response wrong = session.submit("/mon-avis", "/mon-avis", Map.of("note", "4", "duree", "_3_TO_6"));
        assertThat(wrong.status()).isEqualTo(422);
        assertThat(wrong.body())
                .contains("id=\"recommande-erreur\"")
                .contains("Répondez oui ou non.")
                .containsPattern("id=\"note-4\"[^>]*checked")
                .containsPattern("value=\"_3_TO_6\"[^>]*selected");

        Instant before = Instant.now().minusSeconds(1);
        WebSession.Response done =
                session.submit("/mon-avis", "/mon-avis", Map.of("note", "4", "duree", "_3_TO_6", "recommande", "oui"));
        assertThat(done.status()).isEqualTo(302);
        assertThat(session.get("/mon-avis").body()).contains("id=\"deja-repondu\"");
        assertThat(satisfaction.between(before, Instant.now().plusSeconds(1))).anySatisfy(a -> {
            assertThat(a.departement()).isEqualTo("04");
            assertThat(a.score()).isEqualTo(4);
            assertThat(a.searchTime()).isEqualTo(Satisfaction.SearchTime._3_TO_6);
            assertThat(a.recommend()).isTrue();
        });
        // a second answer is refused: the form is gone
        assertThat(session.submit(
                                "/mon-avis",
                                "/mon-avis",
                                Map.of("note", "1", "duree", "LESS_THAN_1", "recommande", "non"))
                        .status())
                .isEqualTo(404);
    }
}
