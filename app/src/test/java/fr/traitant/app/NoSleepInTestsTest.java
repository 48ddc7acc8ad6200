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
 * No test waits by sleeping (issue #16): a test waits for what it needs — a log line, a status, a row — with
 * Awaitility, so that it is neither slow on a quiet machine nor flaky on a busy one. Reads the test sources of every
 * module of the repository (this test runs in {@code app/}).
 */
class NoSleepInTestsTest {

    @Test
    void no_test_calls_thread_sleep() throws IOException {
        String call = "Thread" + ".sleep("; // not written whole, so that this file does not find itself
        List<String> sleeping;
        try (Stream<Path> files = ClassSizeTest.javaFiles("test")) {
            sleeping = files.filter(f -> read(f).contains(call))
                    .map(Path::toString)
                    .sorted()
                    .toList();
        }
        assertThat(sleeping).as("test sources calling " + call + ")").isEmpty();
    }

    private static String read(Path file) {
        try {
            return Files.readString(file);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
