package fr.traitant.cli.coverage;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CoverageCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of("coverage", List.of(), args);
    }

    private Path file(String name, String... lines) throws IOException {
        return CliRun.file(dir, name, lines);
    }

    /** The engine test's world: a site at A; C reaches D in 10 minutes, E reaches D in 25; D is unreached. */
    private static final String[] COMMUNES = {
        "code,population,lat,lon",
        "A,1000,43.1,5.9",
        "B,500,43.2,5.9",
        "C,800,43.3,5.9",
        "D,300,43.4,5.9",
        "E,2000,43.5,5.9"
    };

    private static final String[] TIMES = {"from,to,minutes", "B,A,20", "C,A,40", "C,D,10", "E,D,25", "E,C,35", "B,C,28"
    };

    private List<String> args(Path out, String... more) throws IOException {
        List<String> a = new ArrayList<>(List.of(
                "--communes",
                file("c.csv", COMMUNES).toString(),
                "--sites",
                file("s.csv", "id,commune", "site-A,A").toString(),
                "--travel-times",
                file("t.csv", TIMES).toString(),
                "--out",
                out.toString()));
        a.addAll(List.of(more));
        return a;
    }

    @Test
    void coverage_and_proposals_worked_out_by_hand() throws IOException {
        Path out = dir.resolve("out.csv"), proposals = dir.resolve("p.csv");
        CliRun r = run(args(
                        out,
                        "--candidates",
                        file("k.csv", "id,commune", "site-C,C", "site-D,D").toString(),
                        "--propose",
                        "2",
                        "--proposals-out",
                        proposals.toString())
                .toArray(String[]::new));
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out))
                .containsExactly("code,minutes,covered", "A,0,1", "B,20,1", "C,40,0", "D,,0", "E,,0");
        assertThat(Files.readAllLines(proposals)).containsExactly("id", "site-D");
        assertThat(r.out())
                .contains(
                        "population covered within 30 minutes: 1500 of 4600 (32.61 %)",
                        "proposals: 1 of at most 2",
                        "newly covered population: 3100, upper bound: 3100 (gap 0.000 %), optimality: proven",
                        "population covered with the proposals: 4600 of 4600 (100.00 %)");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "negative population|c.csv|code,population,lat,lon;A,-4,43.1,5.9|c.csv:2: population must be 0 or more, not -4",
                "duplicate commune|c.csv|code,population,lat,lon;A,4,43.1,5.9;A,4,43.1,5.9|c.csv:3: duplicate commune 'A'",
                "site in an unknown commune|s.csv|id,commune;x,Q|s.csv:2: unknown commune 'Q'",
                "unknown commune in a trip|t.csv|from,to,minutes;A,Q,3|t.csv:2: unknown commune 'Q'",
                "negative minutes|t.csv|from,to,minutes;B,A,-3|t.csv:2: minutes must be 0 or more, not -3",
                "missing column|t.csv|from,minutes;B,3|t.csv:1: missing column 'to'",
            })
    void bad_input_names_the_file_the_line_and_the_reason_and_writes_nothing(
            String what, String name, String content, String message) throws IOException {
        Path out = dir.resolve("out.csv");
        List<String> a = args(out);
        file(name, content.split(";"));
        CliRun r = run(a.toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(dir.resolve(message.substring(0, message.indexOf(':')))
                        + message.substring(message.indexOf(':')));
        assertThat(r.err()).contains("invalid input: nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void propose_without_candidates_is_refused() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRun r = run(args(out, "--propose", "3").toArray(String[]::new));
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--propose needs --candidates and --proposals-out");
        assertThat(out).doesNotExist();
    }
}
