package fr.traitant.app.privacy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself refuses to change or erase the audit trail, whoever asks. */
@IntegrationTest
class AuditTrailAppendOnlyTest {

    @Autowired
    AuditTrail auditTrail;

    @Autowired
    JdbcClient jdbc;

    @Test
    void rows_are_appended_with_system_as_actor_outside_a_request() {
        auditTrail.record("member:424242", "member", "424242", AuditAction.READ, "Contrôle du journal");
        AuditEvent event = auditTrail.forPerson("member:424242", 1).getFirst();
        assertThat(event.actor()).isEqualTo(AuditTrail.SYSTEM);
        assertThat(event.purpose()).isEqualTo("Contrôle du journal");
        assertThatThrownBy(() -> auditTrail.record("member:1", "member", "1", AuditAction.READ, " "))
                .isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void update_delete_and_truncate_are_refused_by_the_database() {
        auditTrail.record("member:434343", "member", "434343", AuditAction.UPDATE, "Rectification");
        long count =
                jdbc.sql("select count(*) from audit_event").query(Long.class).single();
        assertThatThrownBy(
                        () -> jdbc.sql("update audit_event set purpose = 'effacé' where person_ref = 'member:434343'")
                                .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event where person_ref = 'member:434343'")
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from audit_event").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate audit_event").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select count(*) from audit_event")
                        .query(Long.class)
                        .single())
                .isEqualTo(count);
        assertThat(jdbc.sql("select purpose from audit_event where person_ref = 'member:434343'")
                        .query(String.class)
                        .single())
                .isEqualTo("Rectification");
    }
}
