package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.directory.DirectoryFormat;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * Figure of issue 14 (tag {@code figures}, not part of {@code ./traitant test}): a generated file the size of the real
 * national extraction (2.4 million lines, the real 56-column layout, all professions) imported in one pass as a
 * complete extraction, with the time and the heap. Run, with the heap capped at 1 GB:
 *
 * <pre>./traitant test -pl app -am -Dtest=NationalExtractionFiguresTest -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups=none -Dtest.jvm.extra=-Xmx1g</pre>
 *
 * ({@code -Dfigures.national.lines=…} for another size.) The heap figure is the highest heap in use, sampled every
 * 50 ms during the import (the whole application's, not only the import's); the run itself shows the import fits in
 * the 1 GB heap given to the JVM. The second pass runs while the accessibility indicator recomputes after the first.
 */
@IntegrationTest
@Tag("figures")
class NationalExtractionFiguresTest {

    @Autowired
    DirectoryImports imports;

    @Autowired
    JdbcClient jdbc;

    @Test
    void imports_a_national_extraction_of_2_4_million_lines_in_one_pass_with_bounded_memory() throws Exception {
        long lines = Long.getLong("figures.national.lines", 2_400_000L);
        List<String> communes = jdbc.sql("select code from commune order by code")
                .query(String.class)
                .list();
        Path file = Files.createTempFile("figures-national-", ".txt");
        try {
            long t = System.nanoTime();
            NationalExtractionFile.Written written = NationalExtractionFile.write(file, lines, communes, 14);
            System.out.printf(
                    Locale.ROOT,
                    "%nNational extraction figures: %,d lines (%,d doctors' lines, %,d doctors), %,d bytes, written in %,d ms;"
                            + " %d cores; max heap %,d MB; load average %s%n",
                    written.lines(),
                    written.doctorLines(),
                    written.doctors(),
                    Files.size(file),
                    (System.nanoTime() - t) / 1_000_000,
                    Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20,
                    Files.readString(Path.of("/proc/loadavg")).strip());
            for (int pass = 1; pass <= 2; pass++) {
                System.gc();
                long before =
                        ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                java.util.concurrent.atomic.AtomicLong highest = new java.util.concurrent.atomic.AtomicLong();
                java.util.concurrent.ScheduledExecutorService sampler =
                        java.util.concurrent.Executors.newSingleThreadScheduledExecutor();
                sampler.scheduleAtFixedRate(
                        () -> highest.accumulateAndGet(
                                ManagementFactory.getMemoryMXBean()
                                        .getHeapMemoryUsage()
                                        .getUsed(),
                                Math::max),
                        0,
                        50,
                        java.util.concurrent.TimeUnit.MILLISECONDS);
                ImportReport report;
                try (InputStream in = Files.newInputStream(file)) {
                    report = imports.importFile(
                            in,
                            DirectoryFormat.RPPS_EXTRACTION,
                            ImportOptions.complete(false).confirmed(),
                            file.getFileName().toString(),
                            Files.size(file));
                } finally {
                    sampler.shutdownNow();
                }
                long peak = highest.get();
                assertThat(report.status()).as(report.message()).isEqualTo(ImportReport.Status.APPLIED);
                assertThat(report.lines()).isEqualTo(written.lines());
                System.out.printf(
                        Locale.ROOT,
                        "pass %d (%s): total %,d ms (%,d lines/s) | read+parse+validate+staging %,d ms | staging %,d ms"
                                + " | merge %,d ms | %,d doctors, %,d created, %,d updated, %,d unchanged, %,d deactivated, %,d skipped lines,"
                                + " %,d warnings | heap used before %,d MB, highest heap in use during the import %,d MB%n",
                        pass,
                        pass == 1 ? "first import" : "same file again",
                        report.durationMs(),
                        report.rowsPerSecond(),
                        report.durationMs() - report.mergeMs(),
                        report.stagingMs(),
                        report.mergeMs(),
                        report.doctors(),
                        report.created(),
                        report.updated(),
                        report.unchanged(),
                        report.deactivated(),
                        report.skipped(),
                        report.warned(),
                        before >> 20,
                        peak >> 20);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
