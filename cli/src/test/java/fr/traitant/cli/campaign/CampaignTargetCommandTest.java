package fr.traitant.cli.campaign;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CampaignTargetCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of("campaign-target", List.of("--no-progress"), args);
    }

    private Path file(String name, String... lines) throws IOException {
        return CliRun.file(dir, name, lines);
    }

    /**
     * The world where greedy falls short (engine test): X reaches T1 (5 people) and T2 (3), Y reaches
     * T2 and T3 (3), W reaches T1 and T4 (2), 9 expected places each. Budget 2: Y + W = 13; greedy
     * would take X first and reach 11. V is 40 minutes from T1: not eligible within 30.
     */
    private static final String[] DOCTORS = {
        "id,lat,lon,p_sign,capacity", "X,43.1,5.9,1,9", "Y,43.2,5.9,0.5,18", "W,43.3,5.9,1,9", "V,44.0,5.9,1,50"
    };

    private static final String[] DEMAND = {
        "zone,lat,lon,people", "T1,43.1,5.9,5", "T2,43.2,5.9,3", "T3,43.3,5.9,3", "T4,43.4,5.9,2"
    };
    private static final String[] TIMES = {
        "doctor,zone,minutes", "X,T1,5", "X,T2,8", "Y,T2,4", "Y,T3,9", "W,T1,12", "W,T4,3", "V,T1,40"
    };

    private CliRun target(Path out, int budget) throws IOException {
        return run(
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--demand",
                file("z.csv", DEMAND).toString(),
                "--travel-times",
                file("t.csv", TIMES).toString(),
                "--budget",
                Integer.toString(budget),
                "--out",
                out.toString());
    }

    @Test
    void selects_the_optimum_and_prints_the_bound_and_the_naive_choice() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRun r = target(out, 2);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).hasSize(3).first().isEqualTo("doctor");
        assertThat(Files.readAllLines(out).subList(1, 3)).containsExactlyInAnyOrder("Y", "W");
        // naive: the nearest to a place of demand: W (3 min to T4), then Y (4 min to T2): also 13 here
        assertThat(r.out())
                .contains(
                        "candidates: 4, places of demand: 4 (13 people), pairs within 30 minutes: 6",
                        "selected: 2 of a budget of 2",
                        "expected people covered: 13",
                        "upper bound: 13 (gap 0.000 %), optimality: proven",
                        "naive choice (nearest doctors to a place of demand, 2 selected): 13");
    }

    @Test
    void a_budget_of_one_takes_the_largest_and_the_naive_choice_can_be_worse() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRun r = target(out, 1);
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("doctor", "X");
        assertThat(r.out())
                .contains(
                        "expected people covered: 8",
                        // W is the nearest to a place of demand (3 minutes to T4) and covers T1 and T4: 7
                        "naive choice (nearest doctors to a place of demand, 1 selected): 7");
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(
            delimiter = '|',
            value = {
                "p_sign over 1|d.csv|id,lat,lon,p_sign,capacity;X,43.1,5.9,1.2,9|d.csv:2: p_sign must be between 0 and 1, not 1.2",
                "negative capacity|d.csv|id,lat,lon,p_sign,capacity;X,43.1,5.9,0.5,-3|d.csv:2: capacity must be a whole number 0 or more, not -3",
                "duplicate doctor|d.csv|id,lat,lon,p_sign,capacity;X,43.1,5.9,0.5,3;X,43.1,5.9,0.5,3|d.csv:3: duplicate doctor id 'X'",
                "duplicate zone|z.csv|zone,lat,lon,people;T1,43.1,5.9,5;T1,43.1,5.9,5|z.csv:3: duplicate zone 'T1'",
                "unknown doctor|t.csv|doctor,zone,minutes;Q,T1,5|t.csv:2: unknown doctor 'Q'",
                "unknown zone|t.csv|doctor,zone,minutes;X,T9,5|t.csv:2: unknown zone 'T9'",
                "missing column|d.csv|id,lat,lon,capacity;X,43.1,5.9,9|d.csv:1: missing column 'p_sign'",
                "not a number|z.csv|zone,lat,lon,people;T1,43.1,5.9,many|z.csv:2: column 'people': 'many' is not a number",
            })
    void bad_input_names_the_file_the_line_and_the_reason_and_writes_nothing(
            String what, String name, String content, String message) throws IOException {
        file("d.csv", DOCTORS);
        file("z.csv", DEMAND);
        file("t.csv", TIMES);
        file(name, content.split(";"));
        Path out = dir.resolve("out.csv");
        CliRun r = run(
                "--doctors",
                dir.resolve("d.csv").toString(),
                "--demand",
                dir.resolve("z.csv").toString(),
                "--travel-times",
                dir.resolve("t.csv").toString(),
                "--budget",
                "2",
                "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(dir.resolve(message.substring(0, message.indexOf(':')))
                        + message.substring(message.indexOf(':')));
        assertThat(r.err()).contains("invalid input: nothing written");
        assertThat(out).doesNotExist();
    }

    @Test
    void a_negative_budget_is_refused() throws IOException {
        Path out = dir.resolve("out.csv");
        CliRun r = target(out, -1);
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains("--budget: must be 0 or more, not -1");
        assertThat(out).doesNotExist();
    }
}
