package fr.traitant.app.cases;

import java.time.Instant;

/** An in-app notification to the person who filed a request: their request changed. */
public record Notification(long id, long caseId, String reference, Instant createdAt, String message, boolean read) {
    public java.time.ZonedDateTime createdAtParis() {
        return createdAt.atZone(CaseView.PARIS);
    }
}
