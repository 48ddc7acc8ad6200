package fr.traitant.app.campaigns;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.jspecify.annotations.Nullable;

/**
 * A recruitment campaign.
 *
 * @param holdoutPercent share of the selection drawn at sending and not written to
 * @param seed the hold-out draw's seed (the same seed, the same hold-out)
 * @param reminderWeeks one reminder this many weeks after sending
 * @param expectedPeople expected people covered by the selection, as chosen by the optimiser
 * @param upperBound no selection within the budget covers more (proven)
 * @param naivePeople the naive choice's value, for comparison
 * @param scheduledFor the day the daily job sends the draft, null when sent by hand
 * @param remindedAt when the one reminder went (e-mails queued, reminder letters ready), null before
 */
public record Campaign(
        long id,
        String name,
        String departement,
        String channel,
        int budget,
        int holdoutPercent,
        long seed,
        int reminderWeeks,
        int costPerLetterCents,
        double expectedPeople,
        double upperBound,
        double naivePeople,
        String status,
        Instant createdAt,
        @Nullable LocalDate scheduledFor,
        @Nullable Instant sentAt,
        @Nullable Instant remindedAt,
        boolean synthetic) {

    public boolean email() {
        return channel.equals("EMAIL");
    }

    public boolean draft() {
        return status.equals("DRAFT");
    }

    /** "Brouillon" or "Courriers envoyés". */
    public String statusLabel() {
        return draft() ? "Brouillon : liste modifiable" : "Courriers envoyés";
    }

    /** "Courrier postal" or "E-mail MSSanté". */
    public String channelLabel() {
        return channel.equals("LETTER")
                ? "Courrier postal (PDF)"
                : "E-mail MSSanté (courrier pour les médecins sans adresse)";
    }

    /** When the reminder is due, once sent. */
    public @Nullable LocalDate reminderDue() {
        return sentAt == null
                ? null
                : LocalDate.ofInstant(sentAt, ZoneId.of("Europe/Paris")).plusWeeks(reminderWeeks);
    }
}
