package fr.traitant.app.campaigns;

import fr.traitant.app.network.Charter;
import fr.traitant.app.network.CharterCommitments;
import fr.traitant.app.network.Membership;
import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.NotFoundException;
import java.sql.Timestamp;
import java.time.Clock;
import java.util.Optional;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * The personal links printed on the letters: {@code /charte/signer/<token>}. Opening one is recorded; signing through
 * it signs the charter (the network module's facade) and attributes the signature to the campaign; refusing through
 * it records the doctor's opt-out, honoured by every later selection. Only a sent campaign's written-to doctors have
 * a link that works (a removed or hold-out doctor received no letter).
 */
@Service
public class SigningLinks {

    /** What the link shows: the doctor, the campaign, whether they are a signatory already. */
    public record Link(CampaignTarget target, Campaign campaign, Optional<Membership> membership) {}

    private final JdbcClient jdbc;
    private final Campaigns campaigns;
    private final Charter charter;
    private final Clock clock;

    SigningLinks(JdbcClient jdbc, Campaigns campaigns, Charter charter, Clock clock) {
        this.jdbc = jdbc;
        this.campaigns = campaigns;
        this.charter = charter;
        this.clock = clock;
    }

    /** The link's target, marking the first opening. */
    @Transactional
    public Link open(String token) {
        CampaignTarget t = find(token);
        jdbc.sql("update campaign_target set opened_at = :now where token = :t and opened_at is null")
                .param("now", Timestamp.from(clock.instant()))
                .param("t", token)
                .update();
        return new Link(t, campaigns.get(t.campaignId()), charter.membership(t.rpps()));
    }

    /** Signs the charter through the link; the signature is attributed to the campaign. */
    @Transactional
    public Membership sign(String token, CharterCommitments commitments) {
        CampaignTarget t = find(token);
        if (charter.membership(t.rpps()).isPresent()) {
            throw new ConflictException("Vous avez déjà signé la charte : merci !");
        }
        Membership signed = charter.sign(t.rpps(), commitments);
        jdbc.sql("update campaign_target set signed_at = :now, opened_at = coalesce(opened_at, :now) where token = :t")
                .param("now", Timestamp.from(clock.instant()))
                .param("t", token)
                .update();
        return signed;
    }

    /** The doctor refuses further campaigns: never selected again. */
    @Transactional
    public void optOut(String token) {
        CampaignTarget t = find(token);
        Timestamp now = Timestamp.from(clock.instant());
        jdbc.sql("""
                        insert into campaign_opt_out (rpps, at, campaign_id) values (:rpps, :now, :c)
                        on conflict (rpps) do nothing""")
                .param("rpps", t.rpps())
                .param("now", now)
                .param("c", t.campaignId())
                .update();
        jdbc.sql("update campaign_target set opted_out_at = coalesce(opted_out_at, :now) where token = :t")
                .param("now", now)
                .param("t", token)
                .update();
    }

    private CampaignTarget find(String token) {
        CampaignTarget t = jdbc.sql("select " + Campaigns.TARGET_COLUMNS
                        + " from campaign_target where token = ? and length(?) between 20 and 40")
                .param(token)
                .param(token)
                .query(Campaigns::target)
                .optional()
                .orElseThrow(SigningLinks::unknown);
        Campaign c = campaigns.get(t.campaignId());
        if (c.draft() || !t.contacted()) throw unknown();
        return t;
    }

    private static NotFoundException unknown() {
        return new NotFoundException("Ce lien n’est pas valable. Vérifiez l’adresse imprimée sur votre courrier.");
    }
}
