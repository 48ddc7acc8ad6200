package fr.traitant.app.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.directory.DirectoryImports;
import fr.traitant.app.directory.ImportReport;
import fr.traitant.engine.directory.DirectoryFormat;
import fr.traitant.engine.directory.Rpps;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * An import that changes many doctors at once is answered by exactly one full recomputation (one bulk event), not one
 * incremental update per doctor; a small import keeps the incremental updates (ADR 0040).
 */
@IntegrationTest
class AccessibilityAfterImportTest {

    static final String HEADER =
            "Type d'identifiant PP|Identifiant PP|Identification nationale PP|Code civilité d'exercice|"
                    + "Libellé civilité d'exercice|Nom d'exercice|Prénom d'exercice|Code profession|Libellé profession|"
                    + "Code savoir-faire|Libellé savoir-faire|Raison sociale site|Numéro Voie (coord. structure)|"
                    + "Libellé type de voie (coord. structure)|Libellé Voie (coord. structure)|Code postal (coord. structure)|"
                    + "Code commune (coord. structure)|Téléphone (coord. structure)|Adresse e-mail (coord. structure)|";

    @Autowired
    AccessibilityComputation computation;

    @Autowired
    Accessibility accessibility;

    @Autowired
    DirectoryImports imports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void computed() throws Exception {
        await().atMost(Duration.ofMinutes(2))
                .until(() ->
                        accessibility.hasScores() && accessibility.status().state() == AccessibilityStatus.State.READY);
        computation.drain();
    }

    /** Valid RPPS numbers (Luhn) of a range no other test uses. */
    static String rpps(int n) {
        String body = String.format("1888%06d", n);
        for (char k = '0'; k <= '9'; k++) {
            if (Rpps.isValid(body + k)) {
                return body + k;
            }
        }
        throw new IllegalStateException();
    }

    static String file(int from, int count, String commune) {
        StringBuilder b = new StringBuilder(HEADER).append('\n');
        for (int i = from; i < from + count; i++) {
            b.append("8|")
                    .append(rpps(i))
                    .append("|8")
                    .append(rpps(i))
                    .append("|DR|Docteur|MASSE")
                    .append(i)
                    .append("|JEAN|10|Médecin|SM54|Médecine générale|CABINET|1|Rue|DE LA GARE|23000|")
                    .append(commune)
                    .append("|||\n");
        }
        return b.toString();
    }

    long runsAfter(long id, String kind) {
        return jdbc.sql("select count(*) from accessibility_run where id > ? and kind = ?")
                .params(id, kind)
                .query(Long.class)
                .single();
    }

    long lastRun() {
        return jdbc.sql("select coalesce(max(id), 0) from accessibility_run")
                .query(Long.class)
                .single();
    }

    ImportReport importFile(String content) {
        return imports.importFile(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                DirectoryFormat.RPPS_EXTRACTION,
                false);
    }

    @Test
    void an_import_of_many_changed_doctors_leads_to_exactly_one_full_recomputation() throws Exception {
        long before = lastRun();
        ImportReport report = importFile(file(1, 120, "23096")); // Guéret
        assertThat(report.created()).isEqualTo(120);
        computation.drain();
        assertThat(runsAfter(before, "FULL")).isEqualTo(1);
        assertThat(runsAfter(before, "INCREMENTAL")).isZero();
        assertThat(jdbc.sql("select trigger from accessibility_run where id > ? and kind = 'FULL'")
                        .param(before)
                        .query(String.class)
                        .single())
                .contains("import de l'annuaire n° " + report.importId())
                .contains("120 médecins");

        // the same 120 doctors moved to another commune: changed again, still one recomputation
        long second = lastRun();
        ImportReport moved = importFile(file(1, 120, "23176")); // La Souterraine
        assertThat(moved.updated()).isEqualTo(120);
        computation.drain();
        assertThat(runsAfter(second, "FULL")).isEqualTo(1);
        assertThat(runsAfter(second, "INCREMENTAL")).isZero();
    }

    @Test
    void a_small_import_keeps_incremental_updates_and_an_unchanged_one_recomputes_nothing() throws Exception {
        long before = lastRun();
        importFile(file(500, 3, "23096"));
        computation.drain();
        assertThat(runsAfter(before, "FULL")).isZero();
        assertThat(runsAfter(before, "INCREMENTAL")).isEqualTo(3);

        long again = lastRun();
        ImportReport same = importFile(file(500, 3, "23096"));
        assertThat(same.unchanged()).isEqualTo(3);
        computation.drain();
        assertThat(runsAfter(again, "FULL") + runsAfter(again, "INCREMENTAL")).isZero();
    }
}
