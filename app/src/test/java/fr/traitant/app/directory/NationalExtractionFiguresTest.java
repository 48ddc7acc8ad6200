package fr.traitant.app.directory;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.app.IntegrationTest;
import fr.traitant.engine.directory.DirectoryFileParser.Format;
import java.io.InputStream;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
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
 * ({@code -Dfigures.national.lines=…} for another size.) The heap figure is the sum of the peaks of the heap pools
 * during the import, reset just before it: an upper bound of what the import needed on top of the running application.
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
        List<String> communes = jdbc.sql("select code from commune order by code").query(String.class).list();
        Path file = Files.createTempFile("figures-national-", ".txt");
        try {
            long t = System.nanoTime();
            NationalExtractionFile.Written written = NationalExtractionFile.write(file, lines, communes, 14);
            System.out.printf(Locale.ROOT, "%nNational extraction figures: %,d lines (%,d doctors' lines, %,d doctors), %,d bytes, written in %,d ms;"
                            + " %d cores; max heap %,d MB; load average %s%n", written.lines(), written.doctorLines(), written.doctors(),
                    Files.size(file), (System.nanoTime() - t) / 1_000_000, Runtime.getRuntime().availableProcessors(),
                    Runtime.getRuntime().maxMemory() >> 20, Files.readString(Path.of("/proc/loadavg")).strip());
            List<MemoryPoolMXBean> heap = ManagementFactory.getMemoryPoolMXBeans().stream()
                    .filter(p -> p.getType() == MemoryType.HEAP).toList();
            for (int pass = 1; pass <= 2; pass++) {
                System.gc();
                long before = ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
                heap.forEach(MemoryPoolMXBean::resetPeakUsage);
                ImportReport report;
                try (InputStream in = Files.newInputStream(file)) {
                    report = imports.importFile(in, Format.RPPS_EXTRACTION, ImportOptions.complete(false).confirmed(),
                            file.getFileName().toString(), Files.size(file));
                }
                long peak = heap.stream().mapToLong(p -> p.getPeakUsage().getUsed()).sum();
                assertThat(report.status()).as(report.message()).isEqualTo(ImportReport.Status.APPLIED);
                assertThat(report.lines()).isEqualTo(written.lines());
                System.out.printf(Locale.ROOT, "pass %d (%s): total %,d ms (%,d lines/s) | read+parse+validate+staging %,d ms | staging %,d ms"
                                + " | merge %,d ms | %,d doctors, %,d created, %,d updated, %,d unchanged, %,d deactivated, %,d skipped lines,"
                                + " %,d warnings | heap used before %,d MB, peak of heap pools during the import %,d MB%n",
                        pass, pass == 1 ? "first import" : "same file again", report.durationMs(), report.rowsPerSecond(),
                        report.durationMs() - report.mergeMs(), report.stagingMs(), report.mergeMs(), report.doctors(), report.created(),
                        report.updated(), report.unchanged(), report.deactivated(), report.skipped(), report.warned(), before >> 20,
                        peak >> 20);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }
}
