package fr.traitant.app.platform;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import org.jspecify.annotations.Nullable;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mail.MailPreparationException;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import org.springframework.transaction.annotation.Propagation;
import org.springframework.transaction.annotation.Transactional;

/**
 * Transactional outbox of e-mails. {@link #enqueue} writes the message in the caller's transaction (no message for
 * a rolled-back change, no change without its message). The sender claims due messages with a lease
 * ({@code claimed_until}), sends them over SMTP and marks them sent; a failure schedules a retry with exponential
 * backoff; a sender that dies mid-sending leaves its claim to expire and the message is sent again (at least once:
 * a crash between the SMTP answer and the mark may send a message twice, never lose one). Both copies then carry
 * the same {@code Message-ID} ({@link #messageId}), so mail clients show one (ADR 0050).
 */
@Component
public class Outbox {

    private static final Logger log = LoggerFactory.getLogger(Outbox.class);

    public record Message(long id, String recipient, String subject, String body, int attempts) {
        @Override
        public String toString() {
            return "Message[" + id + "]";
        }
    }

    private final JdbcClient jdbc;
    private final ObjectProvider<JavaMailSender> mailSender;
    private final Clock clock;
    private final String from;
    private final Duration lease;
    private final Duration retryBase;
    private final Duration retryMax;

    public Outbox(
            JdbcClient jdbc,
            ObjectProvider<JavaMailSender> mailSender,
            Clock clock,
            fr.traitant.app.platform.TraitantProperties platformSettings) {
        String from = platformSettings.notifications().from();
        Duration lease = platformSettings.notifications().lease();
        Duration retryBase = platformSettings.notifications().retryBase();
        Duration retryMax = platformSettings.notifications().retryMax();
        this.jdbc = jdbc;
        this.mailSender = mailSender;
        this.clock = clock;
        this.from = from;
        this.lease = lease;
        this.retryBase = retryBase;
        this.retryMax = retryMax;
    }

    /** How many messages wait (never tried or to be retried), were sent, are failing (tried, not sent). */
    public record Counts(long waiting, long sent, long failing) {}

    /**
     * A message as the operator sees it: never its body, and the recipient reduced to its domain (the operator needs
     * to know where it goes, not to whom).
     */
    public record Line(
            long id,
            String recipientDomain,
            String subject,
            String reference,
            @Nullable String createdAt,
            int attempts,
            @Nullable String nextAttempt,
            @Nullable String sentAt,
            @Nullable String lastError) {}

    public Counts counts() {
        return jdbc.sql("""
                        select count(*) filter (where sent_at is null and attempts = 0), count(*) filter (where sent_at is not null),
                               count(*) filter (where sent_at is null and attempts > 0) from outbox_message""")
                .query((rs, i) -> new Counts(rs.getLong(1), rs.getLong(2), rs.getLong(3)))
                .single();
    }

    /** @param state {@code failing}, {@code waiting} or {@code sent} */
    public fr.traitant.app.platform.ListPage<Line> page(
            String state, fr.traitant.app.platform.ListRequest request, int size) {
        String where = switch (state) {
            case "waiting" -> "sent_at is null and attempts = 0";
            case "sent" -> "sent_at is not null";
            default -> "sent_at is null and attempts > 0";
        };
        long total = jdbc.sql("select count(*) from outbox_message where " + where)
                .query(Long.class)
                .single();
        List<Line> lines = jdbc.sql(
                        "select id, recipient, subject, reference, created_at, attempts, next_attempt_at, sent_at, last_error"
                                + " from outbox_message where " + where + " order by id desc limit :l offset :o")
                .param("l", size)
                .param("o", request.offset(size))
                .query((rs, i) -> new Line(
                        rs.getLong(1),
                        domainOf(rs.getString(2)),
                        rs.getString(3),
                        rs.getString(4),
                        french(rs.getTimestamp(5)),
                        rs.getInt(6),
                        french(rs.getTimestamp(7)),
                        french(rs.getTimestamp(8)),
                        rs.getString(9)))
                .list();
        return request.page(lines, total, size);
    }

    /** Sends a message again at the next poll (a failing one, after the cause was fixed); false if it was already sent. */
    @Transactional
    public boolean resend(long id) {
        return jdbc.sql(
                                "update outbox_message set next_attempt_at = :now, claimed_until = null where id = :id and sent_at is null")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", id)
                        .update()
                == 1;
    }

    private static String domainOf(String address) {
        int at = address.lastIndexOf('@');
        return at < 0 ? "—" : "…" + address.substring(at);
    }

    private static @Nullable String french(@Nullable Timestamp t) {
        return t == null ? null : fr.traitant.app.platform.FrenchDates.dayAndTime(t.toInstant());
    }

    /** Adds a message in the current transaction. */
    @Transactional(propagation = Propagation.MANDATORY)
    public void enqueue(String recipient, String subject, String body, String reference) {
        jdbc.sql(
                        "insert into outbox_message (recipient, subject, body, reference, next_attempt_at) values (:r, :s, :b, :ref, :now)")
                .param("r", recipient)
                .param("s", subject)
                .param("b", body)
                .param("ref", reference)
                .param("now", Timestamp.from(clock.instant()))
                .update();
    }

    /** Claims up to {@code limit} due messages for {@link #lease} (committed at once, so the claim is visible). */
    @Transactional(propagation = Propagation.REQUIRES_NEW)
    public List<Message> claim(int limit) {
        Timestamp now = Timestamp.from(clock.instant());
        return jdbc.sql("""
                        update outbox_message set claimed_until = :until, attempts = attempts + 1
                         where id in (select id from outbox_message
                                       where sent_at is null and next_attempt_at <= :now and (claimed_until is null or claimed_until < :now)
                                       order by id limit :limit for update skip locked)
                        returning id, recipient, subject, body, attempts""")
                .param("until", Timestamp.from(clock.instant().plus(lease)))
                .param("now", now)
                .param("limit", limit)
                .query((rs, i) ->
                        new Message(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getString(4), rs.getInt(5)))
                .list();
    }

    /** Sends what is due; returns how many were sent. Runs every few seconds. */
    @Scheduled(
            fixedDelayString = "${traitant.notifications.poll:PT5S}",
            initialDelayString = "${traitant.notifications.poll:PT5S}")
    public int sendDue() {
        JavaMailSender sender = mailSender.getIfAvailable();
        if (sender == null) {
            return 0; // no SMTP server configured (spring.mail.host): messages wait in the outbox
        }
        int sent = 0;
        for (Message m : claim(20)) {
            try {
                sender.send(mime(sender, m));
                jdbc.sql(
                                "update outbox_message set sent_at = :now, claimed_until = null, last_error = null where id = :id")
                        .param("now", Timestamp.from(clock.instant()))
                        .param("id", m.id())
                        .update();
                sent++;
            } catch (RuntimeException e) {
                Duration wait = backoff(m.attempts());
                jdbc.sql(
                                "update outbox_message set claimed_until = null, next_attempt_at = :next, last_error = :error where id = :id")
                        .param("next", Timestamp.from(clock.instant().plus(wait)))
                        .param("error", e.getClass().getSimpleName())
                        .param("id", m.id())
                        .update();
                log.warn(
                        "E-mail {} not sent (attempt {}), retry in {}: {}",
                        m.id(),
                        m.attempts(),
                        wait,
                        e.getClass().getSimpleName());
            }
        }
        return sent;
    }

    /**
     * The e-mail of an outbox row, with a {@code Message-ID} derived from the row only ({@link #messageId}): when a
     * crash makes the sender send a row twice, both copies carry the same identifier, which mail clients and
     * servers use to drop duplicates.
     */
    public MimeMessage mime(JavaMailSender sender, Message m) {
        String messageId = messageId(m.id());
        MimeMessage mail = new MimeMessage(sender.createMimeMessage().getSession()) {
            @Override
            protected void updateMessageID() throws MessagingException {
                setHeader("Message-ID", messageId); // stable across retries (the default is random at each send)
            }
        };
        try {
            // multipart/alternative: the plain text as written, and the same text as HTML for mail clients that prefer
            // it
            MimeMessageHelper helper = new MimeMessageHelper(
                    mail, MimeMessageHelper.MULTIPART_MODE_MIXED_RELATED, StandardCharsets.UTF_8.name());
            helper.setFrom(from);
            helper.setTo(m.recipient());
            helper.setSubject(m.subject());
            helper.setText(m.body(), html(m.subject(), m.body()));
        } catch (MessagingException e) {
            throw new MailPreparationException(e);
        }
        return mail;
    }

    private static final java.util.regex.Pattern LINK = java.util.regex.Pattern.compile("https?://[^\\s<>\"]+");

    /**
     * The HTML part of a message: the plain text escaped, paragraphs and line breaks kept, addresses made links. Built
     * from the text so that both parts always say the same thing.
     */
    public static String html(String subject, String text) {
        StringBuilder body = new StringBuilder();
        for (String paragraph : text.strip().split("\\n\\s*\\n")) {
            String escaped =
                    org.springframework.web.util.HtmlUtils.htmlEscape(paragraph.strip(), StandardCharsets.UTF_8.name());
            java.util.regex.Matcher links = LINK.matcher(escaped);
            StringBuilder linked = new StringBuilder();
            while (links.find()) {
                String url = links.group();
                links.appendReplacement(
                        linked, java.util.regex.Matcher.quoteReplacement("<a href=\"" + url + "\">" + url + "</a>"));
            }
            links.appendTail(linked);
            body.append("<p>").append(linked.toString().replace("\n", "<br>\n")).append("</p>\n");
        }
        return "<!DOCTYPE html>\n<html lang=\"fr\"><head><meta charset=\"utf-8\"><title>"
                + org.springframework.web.util.HtmlUtils.htmlEscape(subject, StandardCharsets.UTF_8.name())
                + "</title></head>\n<body style=\"font-family: Marianne, Arial, sans-serif; line-height: 1.5; color: #161616\">\n"
                + body + "</body></html>\n";
    }

    /** {@code <outbox-42@domain-of-the-sender>}: one per outbox row, the same at every attempt. */
    public String messageId(long rowId) {
        String domain = from.contains("@")
                ? from.substring(from.lastIndexOf('@') + 1).replace(">", "").strip()
                : "traitant.invalid";
        return "<outbox-" + rowId + "@" + domain + ">";
    }

    /** retry-base × 2^(attempts − 1), at most retry-max. */
    public Duration backoff(int attempts) {
        Duration wait = retryBase.multipliedBy(1L << Math.min(20, Math.max(0, attempts - 1)));
        return wait.compareTo(retryMax) > 0 ? retryMax : wait;
    }
}
