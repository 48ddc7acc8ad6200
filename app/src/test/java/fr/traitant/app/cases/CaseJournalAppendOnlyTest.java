package fr.traitant.app.cases;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import fr.traitant.app.IntegrationTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The database itself refuses to change or erase a journal line; lines only go with their whole case (retention). */
@IntegrationTest
class CaseJournalAppendOnlyTest {

    @Autowired
    JdbcClient jdbc;

    private long caseWithOneLine() {
        long id = jdbc.sql("""
                        insert into case_file (reference, kind, channel, motive, requester_name, summary, priority, due_on)
                        values ('PASS-2026-' || lpad(nextval('case_reference_seq')::text, 6, '0'), 'PASS', 'PHONE', 'FIND_DOCTOR',
                                'Test Journal', 'Une demande de test pour le journal', 'NORMAL', current_date + 30)
                        returning id""").query(Long.class).single();
        jdbc.sql(
                        "insert into case_journal (case_id, author, kind, text) values (:c, 'agent', 'CALL', 'Appel à l''assuré')")
                .param("c", id)
                .update();
        return id;
    }

    @Test
    void update_delete_and_truncate_of_journal_lines_are_refused() {
        long id = caseWithOneLine();
        assertThatThrownBy(() -> jdbc.sql("update case_journal set text = 'réécrit' where case_id = :c")
                        .param("c", id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql(
                                "update case_journal set occurred_at = now() - interval '1 day' where case_id = :c")
                        .param("c", id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("delete from case_journal where case_id = :c")
                        .param("c", id)
                        .update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThatThrownBy(() -> jdbc.sql("truncate case_journal cascade").update())
                .rootCause()
                .hasMessageContaining("append-only");
        assertThat(jdbc.sql("select text from case_journal where case_id = :c")
                        .param("c", id)
                        .query(String.class)
                        .single())
                .isEqualTo("Appel à l'assuré");
    }

    @Test
    void lines_go_only_with_their_case_when_retention_deletes_it() {
        long id = caseWithOneLine();
        assertThat(jdbc.sql("delete from case_file where id = :c")
                        .param("c", id)
                        .update())
                .isEqualTo(1);
        assertThat(jdbc.sql("select count(*) from case_journal where case_id = :c")
                        .param("c", id)
                        .query(Long.class)
                        .single())
                .isZero();
    }

    @Test
    void the_schema_refuses_inconsistent_cases() {
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into case_file (reference, kind, channel, motive, requester_name, summary, priority, due_on, status)
                        values ('PASS-2026-999998', 'PASS', 'PHONE', 'FIND_DOCTOR', 'X', 'Clos sans issue ni date', 'NORMAL', current_date, 'CLOSED')""").update()).hasMessageContaining("check");
        assertThatThrownBy(() -> jdbc.sql("""
                        insert into case_file (reference, kind, channel, motive, requester_name, summary, priority, due_on)
                        values ('CONC-2026-999997', 'PASS', 'PHONE', 'FIND_DOCTOR', 'X', 'Référence d''un autre type', 'NORMAL', current_date)""").update()).hasMessageContaining("check");
    }
}
