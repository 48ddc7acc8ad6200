package fr.traitant.app.cases;

import java.time.Instant;

/** One line of a case's journal: when, who, what. Never changed once written. */
public record JournalEntry(long id, Instant occurredAt, String author, JournalKind kind, String text) {

    public java.time.ZonedDateTime occurredAtParis() {
        return occurredAt.atZone(CaseView.PARIS);
    }

    /** Lines the requester sees on their request's page (not the agents' calls and notes). */
    public boolean visibleToRequester() {
        return switch (kind) {
            case RECEIVED, STATUS, PROPOSAL, SATISFACTION -> true;
            case CALL, LETTER, DOCTOR_CONTACTED, PARTNER_CONTACTED, NOTE, ASSIGNMENT -> false;
        };
    }
}
