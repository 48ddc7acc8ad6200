package fr.traitant.app.campaigns;

import fr.traitant.app.platform.ConflictException;
import fr.traitant.app.platform.ListPage;
import fr.traitant.app.platform.ListRequest;
import fr.traitant.app.platform.NotFoundException;
import fr.traitant.engine.campaign.HoldOut;
import java.security.SecureRandom;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.jspecify.annotations.Nullable;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Facade: campaigns and their lists. A campaign is created from the optimiser's selection; while a draft, the manager
 * takes doctors off its list; sending draws the hold-out (seeded, {@link HoldOut}) and freezes the list. Doctors who
 * refused campaigns are never selected again ({@link #optedOut()}).
 */
@Service
public class Campaigns {

    static final String COLUMNS = """
            id, name, departement, channel, budget, holdout_percent, seed, reminder_weeks, cost_per_letter_cents,
            expected_people, upper_bound, naive_people, status, created_at, scheduled_for, sent_at, reminded_at, synthetic""";
    static final String TARGET_COLUMNS = """
            campaign_id, doctor_id, rpps, rank, departement, probability, places, removed_at, holdout, sent_by, token,
            opened_at, signed_at, opted_out_at""";

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();

    Campaigns(JdbcClient jdbc, Clock clock) {
        this.jdbc = jdbc;
        this.clock = clock;
    }

    /**
     * What the manager decides for a campaign.
     *
     * @param channel {@code LETTER} or {@code EMAIL}
     * @param holdoutPercent share kept out at sending, 0 to 50
     * @param reminderWeeks the reminder this many weeks after sending, 1 to 26
     * @param scheduledFor the day the daily job sends the draft, null to send by hand
     */
    public record Plan(
            String name,
            String channel,
            int holdoutPercent,
            int reminderWeeks,
            @Nullable LocalDate scheduledFor) {}

    /** A new draft campaign holding the optimiser's selection, in its order. */
    @Transactional
    public long create(Plan plan, CampaignTargeting.Targeting targeting, long accountId, boolean synthetic) {
        long id = jdbc.sql("""
                        insert into campaign (name, channel, holdout_percent, reminder_weeks, scheduled_for, departement,
                                              budget, seed, expected_people, upper_bound, naive_people, created_at,
                                              created_by, synthetic)
                        values (:name, :channel, :holdout, :weeks, :scheduled, :dep, :budget, :seed, :value, :bound,
                                :naive, :now, :by, :synthetic)
                        returning id""")
                .param("name", plan.name())
                .param("channel", plan.channel())
                .param("holdout", plan.holdoutPercent())
                .param("weeks", plan.reminderWeeks())
                .param("scheduled", plan.scheduledFor())
                .param("dep", targeting.departement())
                .param("budget", targeting.budget())
                .param("seed", random.nextLong())
                .param("value", targeting.result().value())
                .param("bound", targeting.result().upperBound())
                .param("naive", targeting.result().naiveValue())
                .param("now", Timestamp.from(clock.instant()))
                .param("by", accountId)
                .param("synthetic", synthetic)
                .query((rs, i) -> rs.getLong(1))
                .single();
        int rank = 0;
        for (CampaignTargeting.Target t : targeting.selection()) {
            jdbc.sql("""
                            insert into campaign_target (campaign_id, doctor_id, rpps, rank, departement, probability, places,
                                                         token)
                            values (:c, :d, :rpps, :rank, :dep, :p, :places, :token)""")
                    .param("c", id)
                    .param("d", t.doctorId())
                    .param("rpps", t.rpps())
                    .param("rank", ++rank)
                    .param("dep", t.departement())
                    .param("p", t.probability())
                    .param("places", t.places())
                    .param("token", token())
                    .update();
        }
        return id;
    }

    public Campaign get(long id) {
        return jdbc.sql("select " + COLUMNS + " from campaign where id = ?")
                .param(id)
                .query(Campaigns::campaign)
                .optional()
                .orElseThrow(() -> new NotFoundException("Aucune campagne " + id + "."));
    }

    /** Every campaign, the newest first. */
    public List<Campaign> all() {
        return jdbc.sql("select " + COLUMNS + " from campaign order by created_at desc, id desc")
                .query(Campaigns::campaign)
                .list();
    }

    /** A page of a campaign's list, in the optimiser's order. */
    public ListPage<CampaignTarget> targets(long campaignId, ListRequest request) {
        return request.select(
                jdbc,
                TARGET_COLUMNS,
                "campaign_target where campaign_id = :c",
                "rank",
                ListRequest.SIZE,
                sql -> sql.param("c", campaignId),
                Campaigns::target);
    }

    /** The whole list, in order. */
    public List<CampaignTarget> allTargets(long campaignId) {
        return jdbc.sql("select " + TARGET_COLUMNS + " from campaign_target where campaign_id = ? order by rank")
                .param(campaignId)
                .query(Campaigns::target)
                .list();
    }

    /** Takes a doctor off a draft's list. */
    @Transactional
    public void remove(long campaignId, String doctorId) {
        requireDraft(campaignId);
        int n = jdbc.sql("""
                        update campaign_target set removed_at = :now
                         where campaign_id = :c and doctor_id = :d and removed_at is null""")
                .param("now", Timestamp.from(clock.instant()))
                .param("c", campaignId)
                .param("d", doctorId)
                .update();
        if (n == 0) throw new NotFoundException("Ce médecin n’est pas sur la liste de la campagne.");
    }

    /** Puts a removed doctor back on a draft's list. */
    @Transactional
    public void restore(long campaignId, String doctorId) {
        requireDraft(campaignId);
        jdbc.sql("update campaign_target set removed_at = null where campaign_id = :c and doctor_id = :d")
                .param("c", campaignId)
                .param("d", doctorId)
                .update();
    }

    /**
     * Sends a draft: draws the hold-out among the doctors still on the list and freezes the list. The caller
     * ({@link CampaignSending}) then writes to each doctor, in the same transaction.
     */
    @Transactional
    void send(long campaignId) {
        Campaign c = requireDraft(campaignId);
        List<String> kept = allTargets(campaignId).stream()
                .filter(t -> t.removedAt() == null)
                .map(CampaignTarget::doctorId)
                .toList();
        if (kept.isEmpty()) throw new ConflictException("La liste est vide : aucun courrier à envoyer.");
        Set<String> holdout = HoldOut.choose(kept, c.holdoutPercent(), c.seed());
        if (!holdout.isEmpty()) {
            jdbc.sql("update campaign_target set holdout = true where campaign_id = :c and doctor_id = any (:ids)")
                    .param("c", campaignId)
                    .param("ids", holdout.toArray(String[]::new))
                    .update();
        }
        int n = jdbc.sql("update campaign set status = 'SENT', sent_at = :now where id = :id and status = 'DRAFT'")
                .param("now", Timestamp.from(clock.instant()))
                .param("id", campaignId)
                .update();
        if (n == 0) throw new ConflictException("La campagne a déjà été envoyée.");
    }

    /** The RPPS numbers of the doctors who refused further campaigns. */
    public Set<String> optedOut() {
        return new HashSet<>(jdbc.sql("select rpps from campaign_opt_out")
                .query((rs, i) -> rs.getString(1))
                .list());
    }

    private Campaign requireDraft(long campaignId) {
        // lock the campaign row: a removal and a sending never interleave
        jdbc.sql("select id from campaign where id = ? for update")
                .param(campaignId)
                .query((rs, i) -> rs.getLong(1))
                .optional();
        Campaign c = get(campaignId);
        if (!c.draft()) throw new ConflictException("La campagne est envoyée : sa liste ne change plus.");
        return c;
    }

    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";

    /**
     * A personal link's secret: 24 letters and digits (about 140 bits), without look-alike characters (0/O, 1/l/I)
     * nor hyphens, so that a doctor can type it from the letter and a line never breaks inside it.
     */
    private String token() {
        StringBuilder token = new StringBuilder(24);
        for (int i = 0; i < 24; i++) token.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        return token.toString();
    }

    static Campaign campaign(ResultSet rs, int row) throws SQLException {
        return new Campaign(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getString(4),
                rs.getInt(5),
                rs.getInt(6),
                rs.getLong(7),
                rs.getInt(8),
                rs.getInt(9),
                rs.getDouble(10),
                rs.getDouble(11),
                rs.getDouble(12),
                rs.getString(13),
                rs.getTimestamp(14).toInstant(),
                rs.getObject(15, LocalDate.class),
                instant(rs.getTimestamp(16)),
                instant(rs.getTimestamp(17)),
                rs.getBoolean(18));
    }

    static CampaignTarget target(ResultSet rs, int row) throws SQLException {
        return new CampaignTarget(
                rs.getLong(1),
                rs.getString(2),
                rs.getString(3),
                rs.getInt(4),
                rs.getString(5),
                rs.getDouble(6),
                rs.getInt(7),
                instant(rs.getTimestamp(8)),
                rs.getBoolean(9),
                rs.getString(10),
                rs.getString(11),
                instant(rs.getTimestamp(12)),
                instant(rs.getTimestamp(13)),
                instant(rs.getTimestamp(14)));
    }

    private static @Nullable Instant instant(@Nullable Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
