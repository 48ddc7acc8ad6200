package fr.traitant.app.directory;

import static fr.traitant.app.directory.DirectoryImportIntegrationTest.HEADER;
import static fr.traitant.app.directory.DirectoryImportIntegrationTest.line;
import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.directory.DirectoryFormat;
import java.io.ByteArrayInputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Issue 14, point 4: the national extraction's full nomenclature (an unknown specialty code is a warning, not a
 * refusal) and the complete extraction as the authority (absent doctors deactivated, the 5 % rule).
 *
 * <p>The tests share the database with other classes: the active national doctors of other tests are set aside
 * (inactive) for the duration of a test and put back after, so that the 5 % rule counts this test's 100 doctors only.
 */
@IntegrationTest
class CompleteExtractionTest {

    static final int DOCTORS = 100;

    @Autowired
    DirectoryImports imports;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    DirectoryIndex index;

    List<String> setAside;

    @Autowired
    fr.traitant.app.continuity.Departures departures;

    @Autowired
    fr.traitant.app.continuity.Handovers handovers;

    static String rpps(int n) {
        return fr.traitant.app.TestRpps.of("1777", n);
    }

    @BeforeEach
    void setOthersAside() {
        setAside = jdbc.sql("update doctor set active = false where active and not synthetic and rpps is not null"
                        + " and rpps not in (:mine) returning id")
                .param(
                        "mine",
                        IntStream.range(0, DOCTORS)
                                .mapToObj(CompleteExtractionTest::rpps)
                                .toList())
                .query(String.class)
                .list();
    }

    @AfterEach
    void putOthersBack() {
        if (!setAside.isEmpty()) {
            jdbc.sql("update doctor set active = true, deactivated_at = null where id in (:ids)")
                    .param("ids", setAside)
                    .update();
        }
        index.refreshAfterCommit();
    }

    /** The 100 test doctors, but those in {@code absent}. */
    static String file(IntStream absent) {
        java.util.Set<Integer> gone = new java.util.HashSet<>();
        absent.forEach(gone::add);
        StringBuilder file = new StringBuilder(HEADER).append('\n');
        for (int i = 0; i < DOCTORS; i++) {
            if (!gone.contains(i)) {
                file.append(line(rpps(i), "COMPLET" + i, "SM54", "83137", "DE LA LISTE " + i))
                        .append('\n');
            }
        }
        return file.toString();
    }

    ImportReport run(String content, ImportOptions options) {
        return imports.importFile(
                new ByteArrayInputStream(content.getBytes(StandardCharsets.UTF_8)),
                DirectoryFormat.RPPS_EXTRACTION,
                options,
                "extraction.txt",
                content.length());
    }

    boolean active(int n) {
        return jdbc.sql("select active from doctor where rpps = ?")
                .param(rpps(n))
                .query(Boolean.class)
                .single();
    }

    @Test
    void a_complete_extraction_deactivates_the_absent_doctors_and_a_truncated_one_stops_to_ask() {
        assertThat(run(file(IntStream.empty()), ImportOptions.partial(false)).status())
                .isEqualTo(ImportReport.Status.APPLIED);
        assertThat(IntStream.range(0, DOCTORS).allMatch(this::active)).isTrue();

        // a partial update never deactivates anybody
        ImportReport partial = run(file(IntStream.range(0, 50)), ImportOptions.partial(false));
        assertThat(partial.deactivated()).isZero();
        assertThat(active(0)).isTrue();

        // the proposal workflow offers doctor 7's places (a capacity row of the matching module, as for any accepting
        // doctor)
        jdbc.sql("delete from doctor_capacity where rpps = ?").param(rpps(7)).update();
        jdbc.sql(
                        "insert into doctor_capacity (rpps, commune_code, departement, lat, lon, capacity, accepting) values (?, '83137', '83', 43.12, 5.93, 5, true)")
                .param(rpps(7))
                .update();

        // one doctor of 100 gone (1 %): deactivated at once, kept with the date, no longer searched nor proposed
        ImportReport complete = run(file(IntStream.of(7)), ImportOptions.complete(false));
        assertThat(complete.status()).as(complete.message()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(complete.deactivated()).isEqualTo(1);
        assertThat(complete.message()).contains("1 désactivé(s)");
        assertThat(active(7)).isFalse();
        assertThat(jdbc.sql("select deactivated_at is not null from doctor where rpps = ?")
                        .param(rpps(7))
                        .query(Boolean.class)
                        .single())
                .isTrue();
        assertThat(IntStream.range(0, DOCTORS).filter(i -> i != 7).allMatch(this::active))
                .isTrue();
        assertThat(jdbc.sql("select accepting from doctor_capacity where rpps = ?")
                        .param(rpps(7))
                        .query(Boolean.class)
                        .single())
                .isFalse();
        // the continuity module lists the doctor as departed (observed), with the date of the import
        assertThat(departures.of(rpps(7)))
                .hasValueSatisfying(
                        d -> assertThat(d.certainty()).isEqualTo(fr.traitant.app.continuity.Certainty.OBSERVED));
        // ... and treats them as departed: the next check opens their handover
        handovers.openDue();
        assertThat(handovers.of(rpps(7)))
                .singleElement()
                .satisfies(h -> assertThat(h.expectedOn())
                        .isEqualTo(LocalDate.now(fr.traitant.app.platform.FrenchDates.PARIS)));
        ImportJob job = imports.find(complete.importId()).orElseThrow();
        assertThat(job.complete()).isTrue();
        assertThat(job.deactivated()).isEqualTo(1);

        // a truncated file (10 of 99 active doctors would go: 10.1 %): stops, nothing stored, asks for confirmation
        ImportReport truncated = run(file(IntStream.range(90, DOCTORS)), ImportOptions.complete(false));
        assertThat(truncated.status()).isEqualTo(ImportReport.Status.NEEDS_CONFIRMATION);
        assertThat(truncated.deactivated()).isEqualTo(10);
        assertThat(truncated.message()).contains("désactiverait 10 des 99").contains("confirmez");
        assertThat(IntStream.range(90, DOCTORS).allMatch(this::active)).isTrue();
        assertThat(imports.find(truncated.importId()).orElseThrow().statusLabel())
                .contains("confirmation demandée");

        // confirmed: applied; and a doctor back in the extraction is active again, without a deactivation date
        ImportReport confirmed = run(
                file(IntStream.range(90, DOCTORS)),
                ImportOptions.complete(false).confirmed());
        assertThat(confirmed.status()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(IntStream.range(90, DOCTORS).noneMatch(this::active)).isTrue();
        assertThat(active(7)).isTrue();
        assertThat(jdbc.sql("select deactivated_at is null from doctor where rpps = ?")
                        .param(rpps(7))
                        .query(Boolean.class)
                        .single())
                .isTrue();
    }

    @Test
    void a_dry_run_of_a_complete_extraction_counts_the_deactivations_and_changes_nothing() {
        run(file(IntStream.empty()), ImportOptions.partial(false));
        ImportReport dry = run(file(IntStream.of(3, 4)), ImportOptions.complete(true));
        assertThat(dry.status()).isEqualTo(ImportReport.Status.DRY_RUN);
        assertThat(dry.deactivated()).isEqualTo(2);
        assertThat(dry.message()).contains("2 à désactiver");
        assertThat(active(3)).isTrue();
        assertThat(active(4)).isTrue();
    }

    @Test
    void an_unknown_specialty_code_keeps_the_doctor_with_a_warning_on_its_line() {
        String content = HEADER + "\n"
                + line(rpps(200), "CODEINCONNU", "SM99", "83137", "DU CODE") + "\n"
                + line(rpps(201), "CODECONNU", "SM59", "83137", "DU CODE CONNU") + "\n"
                + "8|" + rpps(202) + "|8" + rpps(202)
                + "|DR|Docteur|DENTISTE|ANNE|40|Chirurgien-dentiste|SCD01|Libellé|CABINET|3|Rue|"
                + "DES DENTS|83000|83137|0494000000||\n";
        ImportReport report = run(content, ImportOptions.partial(false));
        assertThat(report.status()).as(report.message()).isEqualTo(ImportReport.Status.APPLIED);
        assertThat(report.doctors()).isEqualTo(2);
        assertThat(report.skipped()).isEqualTo(1);
        assertThat(report.skippedReasons())
                .containsKey("Profession 40 (Chirurgien-dentiste) : seuls les médecins (code 10) sont repris.");
        assertThat(report.warned()).isEqualTo(1);
        assertThat(report.warnings()).singleElement().satisfies(w -> {
            assertThat(w.line()).isEqualTo(2);
            assertThat(w.reason()).contains("SM99");
        });
        assertThat(jdbc.sql("select specialty_code || '/' || specialty from doctor where rpps = ?")
                        .param(rpps(200))
                        .query(String.class)
                        .single())
                .isEqualTo("SM99/OTHER_SPECIALTY");
        // kept in the history, listed and downloadable with its line
        assertThat(imports.warnings(report.importId(), 0, 10))
                .extracting(ImportReport.Rejection::line)
                .containsExactly(2L);
        StringWriter csv = new StringWriter();
        imports.writeWarningsCsv(report.importId(), csv);
        assertThat(csv.toString()).startsWith("ligne;avertissement").contains("2;\"Savoir-faire « SM99 »");
    }
}
