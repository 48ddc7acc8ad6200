package fr.traitant.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

class MatchCommandTest {

    @TempDir
    Path dir;

    record Run(int exit, String out, String err) {}

    private Run run(String... args) {
        CommandLine cli = TraitantCli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[args.length + 2];
        all[0] = "match";
        all[1] = "--no-progress";
        System.arraycopy(args, 0, all, 2, args.length);
        int code = cli.execute(all);
        return new Run(code, out.toString(), err.toString());
    }

    private Path file(String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }

    private static final String[] HOUSEHOLDS = {
        "id,size,lat,lon,priority,waiting_since,max_minutes",
        "H1,2,43.12,5.93,1,2025-01-10,30",
        "H2,2,43.12,5.93,2,2025-02-01,30",
        "H3,1,43.12,5.93,3,2025-03-01,30"
    };
    private static final String[] DOCTORS = {"id,lat,lon,capacity", "A,43.12,5.93,2", "B,43.12,5.93,2"};
    private static final String[] TIMES = {"household,doctor,minutes", "H1,A,10", "H1,B,12", "H2,A,5", "H3,B,4"};

    /** The worked example of docs/methodology/matching.md through the command line. */
    @Test
    void worked_example() throws IOException {
        Path out = dir.resolve("out.csv");
        Run r = run(
                "--households",
                file("h.csv", HOUSEHOLDS).toString(),
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--travel-times",
                file("t.csv", TIMES).toString(),
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("household,doctor,minutes", "H1,B,12", "H2,A,5");
        assertThat(r.out())
                .contains(
                        "priority 1: 2 of 2",
                        "priority 2: 2 of 2",
                        "priority 3: 0 of 1",
                        "total person-minutes: 34",
                        "unserved households: 1 (1 people)",
                        "H3",
                        "bound: priority 1: served 2 of at most 2",
                        "bound: priority 3: served 0 of at most 0",
                        "bound: person-minutes: 34.00, proven minimal",
                        "optimality: proven");
    }

    /**
     * Optional columns {@code needs} and {@code offers}: the only nearer doctor (A, 3 min) takes simple cases only and does
     * not see children, so the complex household goes to C (8 min), the household with a child to B (6 min); H3, with
     * no need, keeps A. By hand: 2 × 8 + 1 × 6 + 1 × 3 = 25 person-minutes.
     */
    @Test
    void needs_and_offers_columns_make_a_household_eligible_only_for_doctors_offering_all_its_needs()
            throws IOException {
        Path out = dir.resolve("out.csv");
        Run r = run(
                "--households",
                file(
                                "h.csv",
                                "id,size,lat,lon,priority,waiting_since,max_minutes,needs",
                                "H1,2,43.12,5.93,1,2025-01-10,30,complex",
                                "H2,1,43.12,5.93,2,2025-01-10,30,paediatrics",
                                "H3,1,43.12,5.93,3,2025-01-10,30,")
                        .toString(),
                "--doctors",
                file(
                                "d.csv",
                                "id,lat,lon,capacity,offers",
                                "A,43.12,5.93,5,",
                                "B,43.12,5.93,5,paediatrics",
                                "C,43.12,5.93,5,complex;paediatrics")
                        .toString(),
                "--travel-times",
                file(
                                "t.csv",
                                "household,doctor,minutes",
                                "H1,A,3",
                                "H1,B,6",
                                "H1,C,8",
                                "H2,A,3",
                                "H2,B,6",
                                "H2,C,8",
                                "H3,A,3",
                                "H3,B,6",
                                "H3,C,8")
                        .toString(),
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("household,doctor,minutes", "H1,C,8", "H2,B,6", "H3,A,3");
        assertThat(r.out()).contains("total person-minutes: 25");
        Run bad = run(
                "--households",
                file(
                                "h2.csv",
                                "id,size,lat,lon,priority,waiting_since,max_minutes,needs",
                                "H1,2,43.12,5.93,1,2025-01-10,30,complexe")
                        .toString(),
                "--doctors",
                file("d2.csv", DOCTORS).toString(),
                "--out",
                dir.resolve("out2.csv").toString());
        assertThat(bad.exit()).isNotZero();
        assertThat(bad.err()).contains("h2.csv:2:").contains("unknown need 'complexe'");
    }

    /** Without a travel-time file, the platform's road estimate: 2 minutes per trip even next door. */
    @Test
    void road_estimate_without_travel_times() throws IOException {
        Path out = dir.resolve("out.csv");
        Run r = run(
                "--households",
                file("h.csv", "id,size,lat,lon,priority,waiting_since,max_minutes", "H1,1,45.0,5.0,1,2025-01-10,")
                        .toString(),
                "--doctors",
                file("d.csv", "id,lat,lon,capacity", "A,45.0,5.0,1", "B,45.01,5.0,1")
                        .toString(),
                "--out",
                out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out)).containsExactly("household,doctor,minutes", "H1,A,2");
    }

    /**
     * The platform's policy as columns, worked out by hand (intermediate density: 2 minutes + 1.95 per km): O outside the
     * network at 2 km (5.90 min), N in the network at 5 km (11.75 min). The transferred T goes to N (O would cost
     * 5.90 + 10), U to O, X excluded O so goes to N. Person-minutes in the objective: T's cost is its real trip (N is in
     * the network): 2 × 11.75 + 5.90 + 11.75 = 41.15. With {@code --network-preference 0}, T goes to O.
     */
    @Test
    void transferred_network_and_excluded_columns() throws IOException {
        Path out = dir.resolve("out.csv");
        Path h = file(
                "h.csv",
                "id,size,lat,lon,priority,waiting_since,max_minutes,transferred,excluded,density",
                "T,2,45.0,5.0,1,2025-01-10,30,true,,",
                "U,1,45.0,5.0,2,2025-01-10,30,,,intermediate",
                "X,1,45.0,5.0,3,2025-01-10,30,false,O,");
        Path d = file("d.csv", "id,lat,lon,capacity,network", "O,45.017986,5.0,5,false", "N,45.044966,5.0,5,true");
        Run r = run("--households", h.toString(), "--doctors", d.toString(), "--out", out.toString());
        assertThat(r.exit()).as(r.err()).isZero();
        assertThat(Files.readAllLines(out))
                .containsExactly("household,doctor,minutes", "T,N,11.75", "U,O,5.9", "X,N,11.75");
        assertThat(r.out()).contains("total person-minutes: 41.15");

        Run none = run(
                "--households",
                h.toString(),
                "--doctors",
                d.toString(),
                "--out",
                out.toString(),
                "--network-preference",
                "0");
        assertThat(none.exit()).as(none.err()).isZero();
        assertThat(Files.readAllLines(out)).contains("T,O,5.9");

        Run bad = run(
                "--households",
                file(
                                "h2.csv",
                                "id,size,lat,lon,priority,waiting_since,max_minutes,transferred,density",
                                "T,2,45.0,5.0,1,2025-01-10,30,maybe,urban")
                        .toString(),
                "--doctors",
                d.toString(),
                "--out",
                dir.resolve("bad.csv").toString());
        assertRejected(
                bad,
                dir.resolve("bad.csv"),
                "h2.csv:2: transferred must be true or false, got 'maybe'",
                "h2.csv:2: unknown density 'urban'");
    }

    private void assertRejected(Run r, Path out, String... fragments) {
        assertThat(r.exit()).isEqualTo(2);
        assertThat(r.err()).contains(fragments);
        assertThat(out).doesNotExist();
        try (var files = Files.list(dir)) {
            assertThat(files.filter(p -> p.getFileName().toString().endsWith(".tmp")))
                    .isEmpty();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void rejects_size_zero_and_priority_nine_with_file_and_line() throws IOException {
        Path out = dir.resolve("out.csv");
        Path h = file(
                "h.csv",
                "id,size,lat,lon,priority,waiting_since,max_minutes",
                "H1,0,43.12,5.93,1,2025-01-10,30",
                "H2,2,43.12,5.93,9,2025-02-01,30");
        Run r = run(
                "--households",
                h.toString(),
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--out",
                out.toString());
        assertRejected(r, out, h + ":2: size must be at least 1, got 0", h + ":3: priority must be within 1..5, got 9");
    }

    @Test
    void rejects_unknown_doctor_in_travel_times() throws IOException {
        Path out = dir.resolve("out.csv");
        Path t = file("t.csv", "household,doctor,minutes", "H1,A,10", "H1,Z,12", "H9,A,3");
        Run r = run(
                "--households",
                file("h.csv", HOUSEHOLDS).toString(),
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--travel-times",
                t.toString(),
                "--out",
                out.toString());
        assertRejected(r, out, t + ":3: unknown doctor 'Z'", t + ":4: unknown household 'H9'");
    }

    @Test
    void rejects_negative_capacity_and_duplicate_ids() throws IOException {
        Path out = dir.resolve("out.csv");
        Path d = file("d.csv", "id,lat,lon,capacity", "A,43.12,5.93,-1", "B,43.12,5.93,2", "B,43.12,5.93,3");
        Run r = run(
                "--households",
                file("h.csv", HOUSEHOLDS).toString(),
                "--doctors",
                d.toString(),
                "--out",
                out.toString());
        assertRejected(
                r, out, d + ":2: capacity must be >= 0, got -1", d + ":4: duplicate doctor id 'B' (first on line 3)");
    }

    @Test
    void rejects_missing_column_and_non_numeric() throws IOException {
        Path out = dir.resolve("out.csv");
        Path h = file("h.csv", "id,size,lat,lon,priority,waiting_since", "H1,2,43.12,5.93,1,2025-01-10");
        Path d = file("d.csv", "id,lat,lon,capacity", "A,north,5.93,2");
        Run r = run("--households", h.toString(), "--doctors", d.toString(), "--out", out.toString());
        assertRejected(r, out, h + ":1: missing column 'max_minutes'", d + ":2: lat must be a number, got 'north'");
    }

    @Test
    void rejects_bad_date_and_duplicate_pair() throws IOException {
        Path out = dir.resolve("out.csv");
        Path h = file("h.csv", "id,size,lat,lon,priority,waiting_since,max_minutes", "H1,2,43.12,5.93,1,10/01/2025,30");
        Run r = run(
                "--households",
                h.toString(),
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--out",
                out.toString());
        assertRejected(r, out, h + ":2: waiting_since must be a date YYYY-MM-DD");

        Path t = file("t.csv", "household,doctor,minutes", "H1,A,10", "H1,A,11");
        Run r2 = run(
                "--households",
                file("h2.csv", HOUSEHOLDS).toString(),
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--travel-times",
                t.toString(),
                "--out",
                out.toString());
        assertRejected(r2, out, t + ":3: pair (H1, A) already listed on line 2");
    }

    @Test
    void failed_run_keeps_previous_output_untouched() throws IOException {
        Path out = file("out.csv", "previous");
        Path h = file("h.csv", "id,size,lat,lon,priority,waiting_since,max_minutes", "H1,0,43.12,5.93,1,2025-01-10,30");
        Run r = run(
                "--households",
                h.toString(),
                "--doctors",
                file("d.csv", DOCTORS).toString(),
                "--out",
                out.toString());
        assertThat(r.exit()).isEqualTo(2);
        assertThat(Files.readAllLines(out)).containsExactly("previous");
    }
}
