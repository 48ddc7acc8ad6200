package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.directory.DirectoryFormat;
import java.io.BufferedWriter;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figures, not a test of behaviour (tag {@code figures}, excluded from {@code ./traitant test}): the time of each
 * stage of a big import into the embedded PostgreSQL, through the application's own import (same SQL, same
 * transaction). It needs the application context and its database, hence a test class rather than a JMH benchmark
 * in {@code benchmarks} (which does not depend on {@code app}; parsing alone is measured there:
 * {@code DirectoryImportFigures}). Run:
 *
 * <pre>./traitant test -pl app -am -Dtest=DirectoryImportFiguresTest -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups=none -Dfigures.rows=100000</pre>
 */
@IntegrationTest
@Tag("figures")
class DirectoryImportFiguresTest {

    @Autowired
    DirectoryImports imports;

    @Autowired
    JdbcClient jdbc;

    static String rpps(int n) {
        return fr.traitant.app.TestRpps.of("16", n);
    }

    @Test
    void prints_the_rate_of_each_stage_of_a_big_import() throws Exception {
        int rows = Integer.getInteger("figures.rows", 100_000);
        List<String> communes = jdbc.sql("select code from commune order by code")
                .query(String.class)
                .list();
        SplittableRandom random = new SplittableRandom(42);
        String[] specialties = {"SM54", "SM54", "SM54", "SM04", "SM40", "SM42"};
        Path file = Files.createTempFile("figures-rpps-", ".txt");
        Path tenthMoved = Files.createTempFile("figures-rpps-moved-", ".txt");
        long lines = 1;
        try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8);
                BufferedWriter moved = Files.newBufferedWriter(tenthMoved, StandardCharsets.UTF_8)) {
            out.write(DirectoryImportIntegrationTest.HEADER);
            out.write('\n');
            moved.write(DirectoryImportIntegrationTest.HEADER);
            moved.write('\n');
            for (int i = 0; i < rows; i++) {
                String r = rpps(i);
                int places = random.nextInt(10) == 0 ? 2 : 1; // one doctor in ten has a second practice location
                for (int p = 0; p < places; p++) {
                    String commune = communes.get(random.nextInt(communes.size()));
                    String specialty = specialties[random.nextInt(specialties.length)];
                    out.write(DirectoryImportIntegrationTest.line(
                            r, "FIGURE" + i, specialty, commune, "DE LA MESURE " + p));
                    out.write('\n');
                    // one doctor in ten moves to another commune
                    String elsewhere = i % 10 == 0 ? communes.get(random.nextInt(communes.size())) : commune;
                    moved.write(DirectoryImportIntegrationTest.line(
                            r, "FIGURE" + i, specialty, elsewhere, "DE LA MESURE " + p));
                    moved.write('\n');
                    lines++;
                }
            }
        }
        System.out.printf(
                Locale.ROOT,
                "%nDirectory import figures: %,d doctors, %,d lines, %,d bytes; %d cores; load average %s%n",
                rows,
                lines,
                Files.size(file),
                Runtime.getRuntime().availableProcessors(),
                Files.readString(Path.of("/proc/loadavg")).strip());
        try {
            print("dry run (merge rolled back)", run(file, true));
            print("first import (all created)", run(file, false));
            print("same file again (all unchanged)", run(file, false));
            print("one doctor in ten moved", run(tenthMoved, false));
        } finally {
            Files.deleteIfExists(file);
            Files.deleteIfExists(tenthMoved);
        }
    }

    ImportReport run(Path file, boolean dryRun) throws Exception {
        try (InputStream in = Files.newInputStream(file)) {
            ImportReport report = imports.importFile(
                    in,
                    DirectoryFormat.RPPS_EXTRACTION,
                    dryRun,
                    file.getFileName().toString(),
                    Files.size(file));
            assertThat(report.status())
                    .as(report.message())
                    .isIn(ImportReport.Status.APPLIED, ImportReport.Status.DRY_RUN);
            return report;
        }
    }

    static void print(String label, ImportReport r) {
        long parseMs = Math.max(1, r.durationMs() - r.stagingMs() - r.mergeMs());
        System.out.printf(
                Locale.ROOT,
                "%-34s total %,7d ms (%,9d lines/s) | read+parse+validate %,7d ms (%,9d lines/s)"
                        + " | staging %,7d ms (%,9d rows/s) | merge %,7d ms (%,9d doctors/s) | %s%n",
                label,
                r.durationMs(),
                r.lines() * 1000 / Math.max(1, r.durationMs()),
                parseMs,
                r.lines() * 1000 / parseMs,
                r.stagingMs(),
                r.acceptedRows() * 1000 / Math.max(1, r.stagingMs()),
                r.mergeMs(),
                r.doctors() * 1000 / Math.max(1, r.mergeMs()),
                r.message());
    }
}
