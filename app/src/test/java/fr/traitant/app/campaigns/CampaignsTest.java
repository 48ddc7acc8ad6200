package fr.traitant.app.campaigns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.matching.MatchingFixtures;
import fr.traitant.app.matching.WaitingList;
import fr.traitant.app.network.Charter;
import fr.traitant.app.network.CharterCommitments;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.campaign.HoldOut;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.font.PDFont;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Issue #17, points 3–5: a campaign's list, hold-out, letters, signatures through the link, opt-out. */
@IntegrationTest
class CampaignsTest {

    static final String AUCH = "32013";

    @Autowired
    Campaigns campaigns;

    @Autowired
    CampaignTargeting targeting;

    @Autowired
    CampaignLetters letters;

    @Autowired
    CampaignResults results;

    @Autowired
    SigningLinks links;

    @Autowired
    CampaignSending sending;

    @Autowired
    MatchingFixtures fixtures;

    @Autowired
    Charter charter;

    @Autowired
    Doctors doctors;

    @Test
    void a_campaign_from_the_selection_edited_sent_written_signed_and_refused() throws Exception {
        for (int i = 0; i < 12; i++) {
            fixtures.waiting(
                    "Foyer Auch " + i,
                    AUCH,
                    "Rose",
                    "Dupuy",
                    LocalDate.of(1970, 3, 1 + i),
                    WaitingList.Source.ONLINE,
                    Instant.parse("2026-03-01T09:00:00Z"));
        }
        CampaignTargeting.Targeting selection = targeting.target("32", 12);
        assertThat(selection.selection()).hasSizeGreaterThanOrEqualTo(6);
        long id = campaigns.create(new Campaigns.Plan("Gers, test", "LETTER", 10, 4, null), selection, 1L, true);

        // the list in the optimiser's order
        List<CampaignTarget> list = campaigns.allTargets(id);
        assertThat(list)
                .extracting(CampaignTarget::doctorId)
                .containsExactlyElementsOf(selection.selection().stream()
                        .map(CampaignTargeting.Target::doctorId)
                        .toList());
        assertThat(list).extracting(CampaignTarget::rank).isSorted().startsWith(1);

        // a draft's list is edited
        String removed = list.getFirst().doctorId();
        campaigns.remove(id, removed);
        Campaign draft = campaigns.get(id);
        assertThat(draft.draft()).isTrue();

        // sending draws 10 % of those kept, reproducibly from the campaign's seed
        CampaignSending.Sent dispatched = sending.send(id);
        List<CampaignTarget> sent = campaigns.allTargets(id);
        List<String> kept = sent.stream()
                .filter(t -> t.removedAt() == null)
                .map(CampaignTarget::doctorId)
                .toList();
        Set<String> holdout = HoldOut.choose(kept, 10, draft.seed());
        assertThat(sent.stream().filter(CampaignTarget::holdout).map(CampaignTarget::doctorId))
                .containsExactlyInAnyOrderElementsOf(holdout);
        assertThat(holdout).hasSize((int) Math.round(kept.size() / 10.0));
        assertThatThrownBy(() -> campaigns.remove(id, kept.getLast())).isInstanceOf(ConflictException.class);
        assertThatThrownBy(() -> sending.send(id)).isInstanceOf(ConflictException.class);
        assertThat(dispatched.emails()).isZero();
        assertThat(dispatched.letters()).isEqualTo(kept.size() - holdout.size());

        // the letters: one page per doctor written to, the name, the charter with its accents, fonts embedded
        List<CampaignTarget> written =
                sent.stream().filter(CampaignTarget::contacted).toList();
        try (PDDocument pdf = Loader.loadPDF(letters.render(id))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(written.size());
            String text = new PDFTextStripper().getText(pdf);
            for (CampaignTarget t : written) {
                assertThat(text)
                        .contains(
                                doctors.findProfile(t.doctorId()).orElseThrow().displayName());
                assertThat(text).contains("/charte/signer/" + t.token());
            }
            assertThat(text).doesNotContain(removedToken(sent, removed));
            assertThat(text).contains("à faciliter l'accès aux soins des militaires mutés", "Rejoignez le réseau");
            for (PDPage page : pdf.getPages()) {
                for (var name : page.getResources().getFontNames()) {
                    PDFont font = page.getResources().getFont(name);
                    assertThat(font.isEmbedded()).as(font.getName()).isTrue();
                }
            }
        }

        // a removed or hold-out doctor's link does not work; a written-to doctor signs through theirs
        assertThatThrownBy(() -> links.open(removedToken(sent, removed))).isInstanceOf(NotFoundException.class);
        sent.stream()
                .filter(CampaignTarget::holdout)
                .findFirst()
                .ifPresent(h -> assertThatThrownBy(() -> links.open(h.token())).isInstanceOf(NotFoundException.class));
        CampaignTarget signer = written.getFirst();
        assertThat(links.open(signer.token()).membership()).isEmpty();
        links.sign(signer.token(), new CharterCommitments(true, true, 7));
        assertThat(charter.membership(signer.rpps())).isPresent();
        assertThatThrownBy(() -> links.sign(signer.token(), new CharterCommitments(true, true, 7)))
                .isInstanceOf(ConflictException.class);

        CampaignResults.Results r = results.of(id);
        assertThat(r.total().contacted()).isEqualTo(written.size());
        assertThat(r.total().holdout()).isEqualTo(holdout.size());
        assertThat(r.total().signedThroughLink()).isEqualTo(1);
        assertThat(r.total().signedContacted()).isEqualTo(1);
        assertThat(r.total().placesGained()).isEqualTo(7);
        assertThat(r.total().opened()).isGreaterThanOrEqualTo(1);
        assertThat(r.costPerSignature()).isEqualTo(written.size() * 1.50);
        assertThat(r.demandNewlyCovered()).isPositive();
        assertThat(r.departements().stream()
                        .mapToDouble(CampaignResults.Line::newlyCovered)
                        .sum())
                .isCloseTo(r.demandNewlyCovered(), org.assertj.core.api.Assertions.within(1e-6));
        assertThat(r.departements().stream()
                        .mapToInt(CampaignResults.Line::contacted)
                        .sum())
                .isEqualTo(r.total().contacted());

        // a doctor who refuses is never selected again
        CampaignTarget refuser = written.get(1);
        int before = targeting.target("32", 12).candidates();
        links.optOut(refuser.token());
        CampaignTargeting.Targeting after = targeting.target("32", 12);
        assertThat(campaigns.optedOut()).contains(refuser.rpps());
        assertThat(after.candidates())
                .as(refuser.departement() + " " + refuser.rpps())
                .isEqualTo(before - 1);
        assertThat(after.selection()).extracting(CampaignTargeting.Target::rpps).doesNotContain(refuser.rpps());
        assertThat(after.naive()).extracting(CampaignTargeting.Target::rpps).doesNotContain(refuser.rpps());
        assertThat(results.of(id).total().optedOut()).isEqualTo(1);

        // the reminder: to those written to who neither signed nor refused, once
        List<CampaignTarget> toRemind = sending.toRemind(id);
        assertThat(toRemind)
                .extracting(CampaignTarget::doctorId)
                .doesNotContain(signer.doctorId(), refuser.doctorId())
                .hasSize(written.size() - 2);
        assertThat(sending.remind(id).letters()).isEqualTo(written.size() - 2);
        assertThatThrownBy(() -> sending.remind(id)).isInstanceOf(ConflictException.class);
        try (PDDocument pdf = Loader.loadPDF(letters.renderReminders(id, sending.toRemind(id)))) {
            assertThat(pdf.getNumberOfPages()).isEqualTo(written.size() - 2);
            assertThat(new PDFTextStripper().getText(pdf)).contains("Rappel : rejoignez le réseau");
        }
    }

    @Test
    void an_email_campaign_writes_through_the_outbox_to_doctors_with_an_mssante_address_and_by_letter_to_the_others() {
        for (int i = 0; i < 6; i++) {
            fixtures.waiting(
                    "Foyer Rodez " + i,
                    "12202",
                    "Léa",
                    "Vidal",
                    LocalDate.of(1980, 5, 1 + i),
                    WaitingList.Source.ONLINE,
                    Instant.parse("2026-03-01T09:00:00Z"));
        }
        long id = campaigns.create(
                new Campaigns.Plan("Aveyron, e-mail", "EMAIL", 20, 2, LocalDate.now()),
                targeting.target("12", 8),
                1L,
                true);
        long queuedBefore = outboxCount(id);
        // planned for today: the daily job sends it
        assertThat(campaigns.get(id).reminderWeeks()).isEqualTo(2);
        assertThat(sending.sendScheduled()).isGreaterThanOrEqualTo(1);
        assertThat(campaigns.get(id).draft()).isFalse();
        CampaignSending.Sent sent = new CampaignSending.Sent(
                (int) campaigns.allTargets(id).stream()
                        .filter(t -> "EMAIL".equals(t.sentBy()))
                        .count(),
                (int) campaigns.allTargets(id).stream()
                        .filter(t -> "LETTER".equals(t.sentBy()))
                        .count());
        long kept = campaigns.allTargets(id).size();
        assertThat(campaigns.allTargets(id).stream()
                        .filter(CampaignTarget::holdout)
                        .count())
                .isEqualTo(Math.round(kept * 0.2));
        List<CampaignTarget> written = campaigns.allTargets(id).stream()
                .filter(CampaignTarget::contacted)
                .toList();
        long withAddress = written.stream()
                .filter(t -> !doctors.findProfile(t.doctorId())
                        .orElseThrow()
                        .mssante()
                        .isBlank())
                .count();
        assertThat(sent.emails()).isEqualTo(withAddress);
        assertThat(sent.letters()).isEqualTo(written.size() - withAddress);
        assertThat(outboxCount(id) - queuedBefore).isEqualTo(withAddress);
        assertThat(written).allSatisfy(t -> assertThat(t.sentBy()).isIn("EMAIL", "LETTER"));
        assertThat(results.of(id).costEuros()).isEqualTo(sent.letters() * 1.50); // e-mails cost nothing
        String body = jdbc.sql("select body from outbox_message where reference like ? order by id limit 1")
                .param("campaign:" + id + ":%")
                .query(String.class)
                .optional()
                .orElse("");
        assertThat(withAddress).isPositive(); // the synthetic directory gives most doctors an MSSanté address
        assertThat(body).contains("/charte/signer/", "refuser, en un clic");

        // three weeks later (the reminder is due after two), the daily job reminds once
        jdbc.sql("update campaign set sent_at = sent_at - interval '21 days' where id = ?")
                .param(id)
                .update();
        sending.remindDue();
        assertThat(campaigns.get(id).remindedAt()).isNotNull();
        long reminders = jdbc.sql("select count(*) from outbox_message where reference like ?")
                .param("campaign-reminder:" + id + ":%")
                .query((rs, i) -> rs.getLong(1))
                .single();
        assertThat(reminders).isEqualTo(withAddress);
        sending.remindDue();
        assertThat(jdbc.sql("select count(*) from outbox_message where reference like ?")
                        .param("campaign-reminder:" + id + ":%")
                        .query((rs, i) -> rs.getLong(1))
                        .single())
                .isEqualTo(reminders);
    }

    @Autowired
    org.springframework.jdbc.core.simple.JdbcClient jdbc;

    private long outboxCount(long campaignId) {
        return jdbc.sql("select count(*) from outbox_message where reference like ?")
                .param("campaign:" + campaignId + ":%")
                .query((rs, i) -> rs.getLong(1))
                .single();
    }

    private static String removedToken(List<CampaignTarget> targets, String doctorId) {
        return targets.stream()
                .filter(t -> t.doctorId().equals(doctorId))
                .findFirst()
                .orElseThrow()
                .token();
    }
}
