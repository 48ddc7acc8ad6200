package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No production class over 450 lines (ADR 0067): a class that grows past it is split along its responsibilities
 * before it lands. Counts the main sources of every module of the repository (this test runs in {@code app/}).
 */
class ClassSizeTest {

    static final int MAX_LINES = 450;

    @Test
    void no_production_class_is_over_450_lines() throws IOException {
        List<String> tooLong;
        try (Stream<Path> files = javaFiles("main")) {
            tooLong = files.filter(f -> lines(f) > MAX_LINES)
                    .map(f -> f + " (" + lines(f) + " lines)")
                    .sorted()
                    .toList();
        }
        assertThat(tooLong)
                .as("production classes over " + MAX_LINES + " lines")
                .isEmpty();
    }

    /**
     * The Java files of every module's {@code src/<kind>/java} (app, engine, cli; also read by {@link
     * NoSleepInTestsTest}).
     */
    static Stream<Path> javaFiles(String kind) {
        List<Path> roots = Stream.of("", "../engine/", "../cli/")
                .map(module -> Path.of(module + "src/" + kind + "/java"))
                .filter(Files::isDirectory)
                .toList();
        assertThat(roots).as("the modules' " + kind + " sources").hasSizeGreaterThanOrEqualTo(2);
        return roots.stream().flatMap(ClassSizeTest::javaFiles);
    }

    private static Stream<Path> javaFiles(Path root) {
        try {
            return Files.walk(root).filter(f -> f.toString().endsWith(".java"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static long lines(Path file) {
        try (Stream<String> lines = Files.lines(file)) {
            return lines.count();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
