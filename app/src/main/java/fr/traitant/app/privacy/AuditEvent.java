package fr.traitant.app.privacy;

import java.time.Instant;

/** One row of the audit trail. */
public record AuditEvent(long id, Instant occurredAt, String actor, String actorRole, String personRef,
                         String recordType, String recordId, AuditAction action, String purpose) {}
