package fr.traitant.app;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The documentation is checked like code: references resolve, tables are whole, commands are listed. */
class DocumentationTest {

    private static final Path ROOT = Path.of("..").toAbsolutePath().normalize();
    private static final Pattern ADR = Pattern.compile("ADRs? ((?:0\\d{3}(?:, | and |, and )?)+)");
    private static final Pattern NUMBER = Pattern.compile("0\\d{3}");

    @Test
    void every_adr_cited_in_code_or_docs_exists() throws IOException {
        List<String> missing = new ArrayList<>();
        for (Path file : sources()) {
            String text = Files.readString(file, StandardCharsets.UTF_8);
            Matcher m = ADR.matcher(text);
            while (m.find()) {
                Matcher n = NUMBER.matcher(m.group(1));
                while (n.find()) {
                    String number = n.group();
                    try (Stream<Path> adrs = Files.list(ROOT.resolve("docs/adr"))) {
                        if (adrs.noneMatch(a -> a.getFileName().toString().startsWith(number + "-"))) {
                            missing.add(ROOT.relativize(file) + ": ADR " + number);
                        }
                    }
                }
            }
        }
        assertThat(missing).isEmpty();
    }

    @Test
    void no_markdown_table_is_cut_by_a_blank_line() throws IOException {
        List<String> cut = new ArrayList<>();
        for (Path file : sources()) {
            if (!file.toString().endsWith(".md")) continue;
            List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
            for (int i = 1; i + 1 < lines.size(); i++) {
                if (lines.get(i).isBlank()
                        && lines.get(i - 1).startsWith("|")
                        && lines.get(i + 1).startsWith("|")
                        && !lines.get(i + 2 < lines.size() ? i + 2 : i + 1).matches("\\|[ :|-]+\\|?")) {
                    cut.add(ROOT.relativize(file) + ":" + (i + 1));
                }
            }
        }
        assertThat(cut).isEmpty();
    }

    @Test
    void the_readme_lists_every_cli_command() throws IOException {
        String readme = Files.readString(ROOT.resolve("README.md"), StandardCharsets.UTF_8);
        Pattern command = Pattern.compile("@Command\\(\\s*name = \"([a-z-]+)\"");
        List<String> commands = new ArrayList<>();
        try (Stream<Path> files = Files.walk(ROOT.resolve("cli/src/main/java"))) {
            for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
                Matcher m = command.matcher(Files.readString(f, StandardCharsets.UTF_8));
                while (m.find()) {
                    if (!m.group(1).equals("traitant")) commands.add(m.group(1));
                }
            }
        }
        assertThat(commands).isNotEmpty();
        assertThat(commands).allSatisfy(c -> assertThat(readme).contains("./traitant cli " + c));
    }

    /** Java sources and Markdown documents of the repository (build output excluded). */
    private static List<Path> sources() throws IOException {
        try (Stream<Path> files = Files.walk(ROOT)) {
            return files.filter(Files::isRegularFile)
                    .filter(p -> {
                        String s = ROOT.relativize(p).toString();
                        return !s.contains("/target/")
                                && !s.startsWith("target/")
                                && !s.startsWith(".git/")
                                && !s.startsWith("data/")
                                && !s.contains("node_modules");
                    })
                    .filter(p -> p.toString().endsWith(".java") || p.toString().endsWith(".md"))
                    .toList();
        }
    }
}
