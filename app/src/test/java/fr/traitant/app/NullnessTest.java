package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.jspecify.annotations.NullMarked;
import org.junit.jupiter.api.Test;

/**
 * Every package of the application is {@code @NullMarked}, so that NullAway checks it at compile time (ADR 0067): a
 * new package (a new module) without the annotation fails here rather than going unchecked.
 */
class NullnessTest {

    private static final Path SOURCES = Path.of("src/main/java");

    @Test
    void every_application_package_is_null_marked() throws IOException {
        List<String> packages;
        try (Stream<Path> files = Files.walk(SOURCES.resolve("fr/traitant/app"))) {
            packages = files.filter(f -> f.toString().endsWith(".java"))
                    .map(f -> SOURCES.relativize(f.getParent()).toString().replace('/', '.'))
                    .distinct()
                    .sorted()
                    .toList();
        }
        assertThat(packages).contains("fr.traitant.app", "fr.traitant.app.matching", "fr.traitant.app.cases");
        assertThat(packages)
                .as("packages without @NullMarked on their package-info")
                .filteredOn(p -> !nullMarked(p))
                .isEmpty();
    }

    private static boolean nullMarked(String packageName) {
        try {
            return Class.forName(packageName + ".package-info").isAnnotationPresent(NullMarked.class);
        } catch (ClassNotFoundException e) {
            return false; // no package-info at all
        }
    }
}
