package fr.traitant.cli.missions;

import static org.assertj.core.api.Assertions.assertThat;

import fr.traitant.cli.CliRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Issue #19, the CLI: the plan of a hand-made month, its summary beside the greedy's, and bad input. */
class MissionsCommandTest {

    @TempDir
    Path dir;

    private static CliRun run(String... args) {
        return CliRun.of("missions", List.of(), args);
    }

    private Path file(String name, String... lines) throws IOException {
        return CliRun.file(dir, name, lines);
    }

    /**
     * v reaches A and B, w only A; both free on 1 March, one day each. The greedy sends v to A (the larger need) and
     * leaves w and B without a day; the plan sends v to B and w to A: 2 sites, value 10 + 5 = 15, travel 30 + 20.
     */
    @Test
    void a_month_worked_out_by_hand_beside_the_greedy() throws IOException {
        Path out = dir.resolve("plan.csv");
        CliRun r = run(
                "--volunteers",
                file("v.csv", "id,max_days,available", "v,1,2027-03-01", "w,1,2027-03-01;2027-03-02")
                        .toString(),
                "--sites",
                file("s.csv", "id,need,rooms,open", "A,10,1,2027-03-01", "B,5,1,2027-03-01")
                        .toString(),
                "--travel-times",
                file("t.csv", "volunteer,site,minutes", "v,A,10", "v,B,30", "w,A,20", "w,B,95")
                        .toString(),
                "--month",
                "2027-03",
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("volunteer,site,date", "w,A,2027-03-01", "v,B,2027-03-01");
        assertThat(r.out())
                .contains(
                        "planned days: 2 of 2 pledged",
                        "sites with at least one day: 2 of 2",
                        "need-weighted value: 15.0000",
                        "total travel minutes: 50",
                        "optimality: proven",
                        "greedy baseline: 1 days, sites with at least one day: 1, need-weighted value: 10.0000, total"
                                + " travel minutes: 10");
    }

    @Test
    void bad_input_is_reported_with_file_line_and_reason_and_nothing_is_written() throws IOException {
        Path out = dir.resolve("plan.csv");
        CliRun r = run(
                "--volunteers",
                file("v.csv", "id,max_days,available", "v,3,2027-03-01", "w,1,2027-04-01", "x,1,1er mars", "x,0,")
                        .toString(),
                "--sites",
                file("s.csv", "id,need,rooms,open", "A,-1,1,2027-03-01", "B,5,beaucoup,2027-03-01")
                        .toString(),
                "--travel-times",
                file("t.csv", "volunteer,site,minutes", "v,Z,10", "w,A,-3").toString(),
                "--month",
                "2027-03",
                "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        String v = dir.resolve("v.csv").toString(), s = dir.resolve("s.csv").toString();
        assertThat(r.err())
                .contains(
                        v + ":2: max_days must be 0, 1 or 2 (the scheme's rule: at most 2 days a month), not 3",
                        v + ":3: available: 2027-04-01 is not in 2027-03",
                        v + ":4: available: '1er mars' is not an ISO date (YYYY-MM-DD)",
                        s + ":2: need must be 0 or more, not -1",
                        s + ":3: ",
                        "invalid input: nothing written");
        assertThat(out).doesNotExist();
        assertThat(run(
                                "--volunteers",
                                v,
                                "--sites",
                                s,
                                "--travel-times",
                                dir.resolve("t.csv").toString(),
                                "--month",
                                "mars",
                                "--out",
                                out.toString())
                        .err())
                .contains("--month: expected YYYY-MM, not 'mars'");
    }

    @Test
    void unknown_volunteers_and_sites_in_the_travel_times_are_refused() throws IOException {
        Path out = dir.resolve("plan.csv");
        CliRun r = run(
                "--volunteers",
                file("v.csv", "id,max_days,available", "v,2,2027-03-01").toString(),
                "--sites",
                file("s.csv", "id,need,rooms,open", "A,1,1,2027-03-01").toString(),
                "--travel-times",
                file("t.csv", "volunteer,site,minutes", "v,Z,10", "q,A,5", "v,A,-3", "v,A,4", "v,A,4")
                        .toString(),
                "--month",
                "2027-03",
                "--out",
                out.toString());
        String t = dir.resolve("t.csv").toString();
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err())
                .contains(
                        t + ":2: unknown site 'Z'",
                        t + ":3: unknown volunteer 'q'",
                        t + ":4: minutes must be 0 or more, not -3",
                        t + ":6: pair given twice: 'v' to 'A'");
        assertThat(out).doesNotExist();
    }
}
