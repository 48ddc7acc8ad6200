package fr.traitant.app.matching;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.HexFormat;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Component;

/**
 * Signed, single-use, expiring links to answer a proposal from an e-mail: {@code /reponse/<id>.<hmac>} where the id
 * is random and the HMAC-SHA256 (key {@code traitant.notifications.link-secret}) covers the id, the proposal and the
 * action. The link row says when it expires and whether it was used; using it is a compare-and-set.
 */
@Component
class AnswerLinks {

    private static final Logger log = LoggerFactory.getLogger(AnswerLinks.class);
    static final String DEV_SECRET = fr.traitant.app.platform.TraitantProperties.Notifications.DEV_LINK_SECRET;

    enum Action {
        ACCEPT,
        DECLINE,
        CONFIRM,
        REFUSE
    }

    record Link(String id, long proposalId, Action action) {}

    private final JdbcClient jdbc;
    private final Clock clock;
    private final SecureRandom random = new SecureRandom();
    private final byte[] secret;
    private final String baseUrl;
    private final Duration validity;

    AnswerLinks(
            JdbcClient jdbc,
            Clock clock,
            org.springframework.core.env.Environment environment,
            fr.traitant.app.platform.TraitantProperties platformSettings) {
        String secret = platformSettings.notifications().linkSecret();
        String baseUrl = platformSettings.notifications().baseUrl();
        Duration validity = platformSettings.notifications().linkValidity();
        this.jdbc = jdbc;
        this.clock = clock;
        this.secret = secret.getBytes(StandardCharsets.UTF_8);
        this.baseUrl = baseUrl.endsWith("/") ? baseUrl.substring(0, baseUrl.length() - 1) : baseUrl;
        this.validity = validity;
        if (secret.isBlank() || secret.equals(DEV_SECRET)) {
            if (!environment.matchesProfiles("demo")) {
                // anybody who reads the source could forge a doctor's or a family's answer
                throw new IllegalStateException(
                        "traitant.notifications.link-secret (TRAITANT_NOTIFICATIONS_LINK_SECRET) is not set:"
                                + " answer links would be signed with the public development key. Set a random secret of 32 characters"
                                + " or more (e.g. `openssl rand -base64 48`); only the demo profile may run without one.");
            }
            log.warn(
                    "traitant.notifications.link-secret is not set: answer links are signed with a development key (demo profile only)");
        }
    }

    /** A new link (stored) for this proposal and action; returns its full URL. */
    String create(long proposalId, Action action) {
        byte[] bytes = new byte[16];
        random.nextBytes(bytes);
        String id = HexFormat.of().formatHex(bytes);
        jdbc.sql("insert into answer_link (id, proposal_id, action, expires_at) values (:id, :p, :a, :exp)")
                .param("id", id)
                .param("p", proposalId)
                .param("a", action.name())
                .param("exp", Timestamp.from(clock.instant().plus(validity)))
                .update();
        return baseUrl + "/reponse/" + id + "." + sign(id, proposalId, action);
    }

    /** An address of the application as a person opens it from an e-mail ({@code /propositions/12} → absolute). */
    String page(String path) {
        return baseUrl + path;
    }

    /** The link behind a token if the signature is right, it is unused and not expired — without using it. */
    Optional<Link> check(String token) {
        int dot = token == null ? -1 : token.indexOf('.');
        if (dot != 32) {
            return Optional.empty();
        }
        String id = token.substring(0, dot);
        String signature = token.substring(dot + 1);
        return jdbc.sql(
                        "select id, proposal_id, action from answer_link where id = :id and used_at is null and expires_at > :now")
                .param("id", id)
                .param("now", Timestamp.from(clock.instant()))
                .query((rs, i) -> new Link(rs.getString(1), rs.getLong(2), Action.valueOf(rs.getString(3))))
                .optional()
                .filter(l -> MessageDigest.isEqual(
                        sign(l.id(), l.proposalId(), l.action()).getBytes(StandardCharsets.US_ASCII),
                        signature.getBytes(StandardCharsets.US_ASCII)));
    }

    /** Uses a link once (in the caller's transaction); empty if invalid, used or expired. Other links of the proposal die too. */
    Optional<Link> use(String token) {
        Optional<Link> link = check(token);
        link.ifPresent(l -> {
            int used = jdbc.sql("update answer_link set used_at = :now where proposal_id = :p and used_at is null")
                    .param("now", Timestamp.from(clock.instant()))
                    .param("p", l.proposalId())
                    .update();
            if (used == 0) {
                throw new ProposalWorkflow.TransitionRefused("Ce lien a déjà servi.");
            }
        });
        return link;
    }

    private String sign(String id, long proposalId, Action action) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret, "HmacSHA256"));
            return HexFormat.of()
                    .formatHex(mac.doFinal((id + "|" + proposalId + "|" + action).getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException(e);
        }
    }
}
