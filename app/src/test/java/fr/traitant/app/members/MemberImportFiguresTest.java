package fr.traitant.app.members;

import fr.traitant.app.IntegrationTest;
import fr.traitant.app.TestAccounts;
import fr.traitant.app.WebSession;
import fr.traitant.app.identity.Accounts;
import fr.traitant.app.identity.Role;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.server.LocalServerPort;

/**
 * Figures, not a test of behaviour (tag {@code figures}, excluded from {@code ./traitant test}): how long the member
 * import takes to refuse a large file whose last line is wrong, uploaded as an advisor would, and the heap it used.
 *
 * <pre>./traitant test -pl app -am -Dtest=MemberImportFiguresTest -Dsurefire.failIfNoSpecifiedTests=false -Dtest.excludedGroups=none -Dfigures.lines=330000</pre>
 */
@IntegrationTest
@Tag("figures")
class MemberImportFiguresTest {

    @LocalServerPort
    int port;

    @Autowired
    Accounts accounts;

    @Test
    void refusing_a_large_file_for_its_last_line() {
        int lines = Integer.getInteger("figures.lines", 330_000);
        String run = Long.toString(System.nanoTime(), 36).toUpperCase();
        StringBuilder file = new StringBuilder(String.join(";", MemberImport.COLUMNS)).append('\n');
        for (int i = 0; i < lines; i++) {
            String nir = nir(i);
            file.append("F")
                    .append(run)
                    .append(i / 3)
                    .append(";B")
                    .append(run)
                    .append(i)
                    .append(";ACTIVE;")
                    .append(nir)
                    .append(";Prénom")
                    .append(i)
                    .append(";Nom de famille assez long")
                    .append(i % 997)
                    .append(";1980-01-01;F;83137;;;non;;prenom.nom")
                    .append(i)
                    .append("@exemple.fr;0612345678;oui\n");
        }
        file.append("F")
                .append(run)
                .append("X;B")
                .append(run)
                .append("X;ACTIVE;;Sans;Nir;1980-01-01;F;83137;;;non;;;;oui\n");
        byte[] content = file.toString().getBytes(StandardCharsets.UTF_8);
        WebSession advisor = TestAccounts.signedIn(accounts, Role.ADVISOR, port);
        System.gc();
        long heapBefore = used();
        long start = System.nanoTime();
        WebSession.Response answer =
                advisor.upload("/adherents/import", "/adherents/import", "fichier", "extrait.csv", content);
        long ms = (System.nanoTime() - start) / 1_000_000;
        System.out.printf(
                "member import figures: %,d lines, %.1f MB, answer %d in %,d ms, heap used %,d MB before, %,d MB after, peak (pool max) %,d MB%n",
                lines + 1, content.length / 1e6, answer.status(), ms, heapBefore >> 20, used() >> 20, peak() >> 20);
        if (!answer.body().contains("NIR obligatoire pour un assuré")) {
            var first = java.util.regex.Pattern.compile("<li>([^<]*)</li>").matcher(answer.body());
            throw new AssertionError("the last line was not the reason: " + answer.status() + " "
                    + (first.find() ? first.group(1) : ""));
        }
    }

    private static String nir(int i) {
        String base = String.format("2800183%03d%03d", 100 + (i / 1000) % 900, i % 1000);
        return base + String.format("%02d", 97 - Long.parseLong(base) % 97);
    }

    private static long used() {
        return ManagementFactory.getMemoryMXBean().getHeapMemoryUsage().getUsed();
    }

    private static long peak() {
        return ManagementFactory.getMemoryPoolMXBeans().stream()
                .filter(p -> p.getType() == java.lang.management.MemoryType.HEAP)
                .mapToLong(p -> p.getPeakUsage().getUsed())
                .sum();
    }
}
