package fr.traitant.app.privacy;

import fr.traitant.app.identity.AccountAudited;
import org.springframework.context.event.EventListener;
import org.springframework.stereotype.Component;

/** Writes identity's account events into the audit trail, in the transaction that published them. */
@Component
class AccountAuditListener {

    private final AuditTrail auditTrail;

    AccountAuditListener(AuditTrail auditTrail) {
        this.auditTrail = auditTrail;
    }

    @EventListener
    void on(AccountAudited event) {
        AuditAction action = switch (event.change()) {
            case CREATE -> AuditAction.CREATE;
            case UPDATE, REFUSED -> AuditAction.UPDATE;
            case READ -> AuditAction.READ;
        };
        String purpose = event.change() == AccountAudited.Change.REFUSED
                        && !event.purpose().startsWith("Tentative")
                ? "Tentative refusée — " + event.purpose()
                : event.purpose();
        auditTrail.record(event.personRef(), event.recordType(), event.recordId(), action, purpose);
    }
}
