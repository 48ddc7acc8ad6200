package fr.traitant.app.campaigns;

import fr.traitant.app.directory.DoctorProfile;
import fr.traitant.app.directory.Doctors;
import fr.traitant.app.network.Charter;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.Outbox;
import fr.traitant.app.platform.TraitantProperties;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Writes to the doctors of a campaign. Sending draws the hold-out and, for each doctor written to, queues an e-mail at
 * their MSSanté address (e-mail campaigns) or puts them in the letters to print (letter campaigns, and e-mail campaigns
 * for doctors without an address) — one transaction: a campaign is sent whole or not at all, and each e-mail leaves
 * through the outbox once. The one reminder, {@code reminder-weeks} after sending (daily job, or the manager's button),
 * writes again to those who neither signed nor refused.
 */
@Service
public class CampaignSending {

    private static final Logger log = LoggerFactory.getLogger(CampaignSending.class);

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Doctors doctors;
    private final Charter charter;
    private final Outbox outbox;
    private final CampaignLetters letters;
    private final TraitantProperties properties;
    private final Clock clock;
    private final org.springframework.transaction.support.TransactionTemplate transactions;

    CampaignSending(
            org.springframework.transaction.support.TransactionTemplate transactions,
            JdbcClient jdbc,
            Campaigns campaigns,
            Doctors doctors,
            Charter charter,
            Outbox outbox,
            CampaignLetters letters,
            TraitantProperties properties,
            Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.doctors = doctors;
        this.charter = charter;
        this.outbox = outbox;
        this.letters = letters;
        this.properties = properties;
        this.clock = clock;
        this.transactions = transactions;
    }

    /** How a sending went: e-mails queued, letters to print. */
    public record Sent(int emails, int letters) {}

    @Transactional
    public Sent send(long campaignId) {
        campaigns.send(campaignId);
        Campaign c = campaigns.get(campaignId);
        int emails = 0, paper = 0;
        for (CampaignTarget t : campaigns.allTargets(campaignId)) {
            if (!t.contacted()) continue;
            String address = c.email()
                    ? doctors.findProfile(t.doctorId())
                            .map(DoctorProfile::mssante)
                            .orElse("")
                    : "";
            boolean byEmail = !address.isBlank();
            jdbc.sql("update campaign_target set sent_by = :by where campaign_id = :c and doctor_id = :d")
                    .param("by", byEmail ? "EMAIL" : "LETTER")
                    .param("c", campaignId)
                    .param("d", t.doctorId())
                    .update();
            if (byEmail) {
                outbox.enqueue(address, subject(false), body(t, false), "campaign:" + campaignId + ":" + t.doctorId());
                emails++;
            } else {
                paper++;
            }
        }
        return new Sent(emails, paper);
    }

    /** The one reminder of a sent campaign: again to those written to who neither signed nor refused. */
    @Transactional
    public Sent remind(long campaignId) {
        int n = jdbc.sql("""
                        update campaign set reminded_at = :now
                         where id = :id and status = 'SENT' and reminded_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", campaignId)
                .update();
        if (n == 0) throw new ConflictException("La relance est déjà faite, ou la campagne n’est pas envoyée.");
        int emails = 0, paper = 0;
        for (CampaignTarget t : toRemind(campaignId)) {
            if ("EMAIL".equals(t.sentBy())) {
                String address = doctors.findProfile(t.doctorId())
                        .map(DoctorProfile::mssante)
                        .orElse("");
                if (address.isBlank()) continue;
                outbox.enqueue(
                        address, subject(true), body(t, true), "campaign-reminder:" + campaignId + ":" + t.doctorId());
                emails++;
            } else {
                paper++;
            }
        }
        return new Sent(emails, paper);
    }

    /** Reminds every sent campaign whose reminder is due. Runs daily. */
    @Scheduled(cron = "${traitant.campaigns.reminder-cron:0 0 7 * * *}")
    public void remindDue() {
        Instant now = clock.instant();
        for (Campaign c : campaigns.all()) {
            if (c.draft() || c.remindedAt() != null || c.reminderDue() == null) continue;
            if (!c.reminderDue().isAfter(java.time.LocalDate.ofInstant(now, java.time.ZoneId.of("Europe/Paris")))) {
                Sent s = java.util.Objects.requireNonNull(transactions.execute(status -> remind(c.id())));
                log.info("Campaign {} reminded: {} e-mails, {} letters", c.id(), s.emails(), s.letters());
            }
        }
    }

    /** Sends the drafts planned for today or before. Runs daily. */
    @Scheduled(cron = "${traitant.campaigns.sending-cron:0 30 6 * * *}")
    public int sendScheduled() {
        java.time.LocalDate today = java.time.LocalDate.ofInstant(clock.instant(), java.time.ZoneId.of("Europe/Paris"));
        int sent = 0;
        for (Campaign c : campaigns.all()) {
            java.time.LocalDate planned = c.scheduledFor();
            if (c.draft() && planned != null && !planned.isAfter(today)) {
                Sent s = java.util.Objects.requireNonNull(transactions.execute(status -> send(c.id())));
                log.info("Campaign {} sent as planned: {} e-mails, {} letters", c.id(), s.emails(), s.letters());
                sent++;
            }
        }
        return sent;
    }

    /** Written to, not signed through the link, not a signatory since, not refused. */
    List<CampaignTarget> toRemind(long campaignId) {
        List<CampaignTarget> written = campaigns.allTargets(campaignId).stream()
                .filter(CampaignTarget::contacted)
                .filter(t -> t.signedAt() == null && t.optedOutAt() == null)
                .toList();
        java.util.Set<String> members =
                charter.membersAmong(written.stream().map(CampaignTarget::rpps).toList());
        return written.stream().filter(t -> !members.contains(t.rpps())).toList();
    }

    private static String subject(boolean reminder) {
        return (reminder ? "Rappel : " : "") + "rejoignez le réseau des médecins solidaires";
    }

    private String body(CampaignTarget t, boolean reminder) {
        return "Docteur,\n\n"
                + (reminder
                        ? "Nous vous avons écrit il y a quelques semaines : il est encore temps de nous rejoindre.\n\n"
                        : "")
                + "Des familles de militaires mutées près de chez vous, et des assurés atteints d'une affection de longue "
                + "durée, cherchent un médecin traitant. En signant la charte des médecins solidaires, vous indiquez "
                + "combien de nouveaux patients vous pouvez accueillir, et la caisse vous oriente les familles qui en "
                + "ont besoin, dans la limite que vous fixez.\n\n"
                + charter.currentVersion().title() + "\n"
                + charter.currentVersion().body() + "\n\n"
                + "Pour signer en ligne, ouvrez votre lien personnel :\n" + letters.link(t.token()) + "\n\n"
                + "Vous ne souhaitez plus recevoir nos messages ? Le même lien vous permet de refuser, en un clic, "
                + "toute nouvelle campagne.\n\n"
                + properties.fundName() + " — réseau des médecins solidaires";
    }
}
