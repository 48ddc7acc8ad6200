package fr.traitant.cli.accessibility;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.data.Offset.offset;

import fr.traitant.cli.TraitantCli;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import picocli.CommandLine;

/** Runs {@code traitant accessibility} in-process on temporary files. */
class AccessibilityCommandTest {

    @TempDir
    Path dir;

    private final StringWriter out = new StringWriter();
    private final StringWriter err = new StringWriter();

    private static final String COMMUNES = """
            code,population,lat,lon,epci
            A,1000,45.0,5.0,E1
            B,2000,45.1,5.0,E1
            C,500,45.2,5.0,E2
            """;
    private static final String DOCTORS = """
            id,commune,consultations
            d1,A,4000
            d2,C,3000
            """;
    private static final String TIMES = """
            origin,destination,minutes
            A,B,8
            B,A,8
            B,C,12
            C,B,12
            A,C,18
            C,A,18
            """;

    private Path write(String name, String content) throws IOException {
        Path file = dir.resolve(name);
        Files.writeString(file, content, StandardCharsets.UTF_8);
        return file;
    }

    private int run(String... args) {
        CommandLine cli = TraitantCli.commandLine();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        List<String> all = new ArrayList<>(List.of("accessibility", "--no-progress"));
        all.addAll(List.of(args));
        return cli.execute(all.toArray(String[]::new));
    }

    private static Map<String, String[]> csvByFirstColumn(Path file) throws IOException {
        Map<String, String[]> rows = new HashMap<>();
        for (String line :
                Files.readAllLines(file).subList(1, Files.readAllLines(file).size())) {
            String[] fields = line.split(",");
            rows.put(fields[0], fields);
        }
        return rows;
    }

    @Test
    void small_world_end_to_end_matches_the_hand_computation() throws IOException {
        Path result = dir.resolve("apl.csv");
        Path geojson = dir.resolve("apl.geojson");
        Path epcis = dir.resolve("epci.csv");
        int code = run(
                "--communes",
                write("communes.csv", COMMUNES).toString(),
                "--doctors",
                write("doctors.csv", DOCTORS).toString(),
                "--travel-times",
                write("times.csv", TIMES).toString(),
                "--weights",
                "10:1,15:0.66,20:0.33",
                "--out",
                result.toString(),
                "--geojson",
                geojson.toString(),
                "--epci-out",
                epcis.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(result).get(0)).isEqualTo("code,apl,population");
        Map<String, String[]> rows = csvByFirstColumn(result);
        assertThat(Double.parseDouble(rows.get("A")[1])).isCloseTo(1.724288181, offset(1e-9));
        assertThat(Double.parseDouble(rows.get("B")[1])).isCloseTo(2.184753297, offset(1e-9));
        assertThat(Double.parseDouble(rows.get("C")[1])).isCloseTo(1.812410449, offset(1e-9));
        assertThat(rows.get("A")[1].replace(".", "").replaceFirst("^0+", "")).hasSizeGreaterThanOrEqualTo(6);
        assertThat(rows.get("B")[2]).isEqualTo("2000");
        String json = Files.readString(geojson);
        assertThat(json)
                .startsWith("{\"type\":\"FeatureCollection\"")
                .contains("\"code\":\"B\"")
                .contains("\"underserved\":true");
        assertThat(json.split("\"Feature\"", -1)).hasSize(4);
        assertThat(Files.readAllLines(epcis))
                .containsExactly(
                        "rank,epci,apl,population,underserved_population",
                        "1,E2,1.812410449,500,500",
                        "2,E1,2.031264925,3000,3000");
        assertThat(out.toString()).contains("3 communes, 2 doctors");
        try (var files = Files.list(dir)) {
            assertThat(files.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void doctors_given_by_coordinates_go_to_the_nearest_commune_and_estimate_is_the_default() throws IOException {
        Path result = dir.resolve("apl.csv");
        int code = run(
                "--communes",
                write("communes.csv", COMMUNES).toString(),
                "--doctors",
                write("doctors.csv", "id,lat,lon,consultations,age\nx,45.01,5.0,5000,50\ny,45.19,5.01,1000,70\n")
                        .toString(),
                "--max-doctor-age",
                "65",
                "--out",
                result.toString());
        assertThat(code).as(err.toString()).isZero();
        // Estimated times: A–B 11.1 km crow-fly ⇒ 2 + 1.3·11.1 = 16.5 min (sparse, 60 km/h): weight 0.33.
        // y (70) is excluded; x is in A: APL(A) = 5000 / (1000 + 0.33 · 2000 + w(A–C) · 500).
        Map<String, String[]> rows = csvByFirstColumn(result);
        assertThat(Double.parseDouble(rows.get("A")[1])).isGreaterThan(Double.parseDouble(rows.get("B")[1]));
        assertThat(Double.parseDouble(rows.get("C")[1])).isZero();
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', textBlock = """
            missing column in communes | communes | code,population,lat\\nA,1,45,5                      | communes.csv:1: missing column 'lon'
            missing column in doctors  | doctors  | id,commune\\nd1,A                                   | doctors.csv:1: missing column 'consultations'
            non-numeric population     | communes | code,population,lat,lon\\nA,1,45,5\\nB,many,45,5      | communes.csv:3: column 'population': 'many' is not a whole number
            non-numeric activity       | doctors  | id,commune,consultations\\nd1,A,lots                  | doctors.csv:2: column 'consultations': 'lots' is not a number
            unknown commune            | doctors  | id,commune,consultations\\nd1,A,10\\nd2,Z,10           | doctors.csv:3: unknown commune 'Z'
            negative activity          | doctors  | id,commune,consultations\\nd1,A,-5                    | doctors.csv:2: negative activity
            duplicate doctor id        | doctors  | id,commune,consultations\\nd1,A,10\\nd1,B,10           | doctors.csv:3: duplicate doctor id 'd1' (first on line 2)
            duplicate commune          | communes | code,population,lat,lon\\nA,1,45,5\\nA,2,45,5         | communes.csv:3: duplicate commune code 'A'
            latitude out of range      | communes | code,population,lat,lon\\nA,1,95,5                    | communes.csv:2: latitude must be within
            unknown commune in times   | times    | origin,destination,minutes\\nA,Q,3                    | times.csv:2: unknown commune 'Q' in column 'destination'
            negative travel time       | times    | origin,destination,minutes\\nA,B,-3                   | times.csv:2: negative travel time
            duplicate travel pair      | times    | origin,destination,minutes\\nA,B,3\\nA,B,4            | times.csv:3: duplicate pair A → B
            """)
    void bad_input_is_reported_with_file_line_and_reason_and_writes_nothing(
            String label, String which, String content, String expected) throws IOException {
        Map<String, String> files = new HashMap<>(Map.of("communes", COMMUNES, "doctors", DOCTORS, "times", TIMES));
        files.put(which, content.replace("\\n", "\n") + "\n");
        Path communes = write("communes.csv", files.get("communes"));
        Path doctors = write("doctors.csv", files.get("doctors"));
        Path times = write("times.csv", files.get("times"));
        Path result = dir.resolve("apl.csv");
        Path geojson = dir.resolve("apl.geojson");
        Files.writeString(geojson, "previous content");
        int code = run(
                "--communes",
                communes.toString(),
                "--doctors",
                doctors.toString(),
                "--travel-times",
                times.toString(),
                "--out",
                result.toString(),
                "--geojson",
                geojson.toString());
        assertThat(code).isNotZero();
        assertThat(err.toString())
                .contains(dir.resolve(expected.substring(0, expected.indexOf(':')))
                                .toString()
                        + expected.substring(expected.indexOf(':')));
        assertThat(result).doesNotExist();
        assertThat(Files.readString(geojson)).isEqualTo("previous content");
        try (var list = Files.list(dir)) {
            assertThat(list.map(p -> p.getFileName().toString())).noneMatch(n -> n.endsWith(".tmp"));
        }
    }

    @Test
    void bad_weights_and_missing_file_are_reported() throws IOException {
        assertThat(run(
                        "--communes",
                        write("communes.csv", COMMUNES).toString(),
                        "--doctors",
                        write("d.csv", DOCTORS).toString(),
                        "--weights",
                        "10:1,5:0.5"))
                .isEqualTo(1);
        assertThat(err.toString()).contains("--weights").contains("strictly increasing");
        assertThat(run("--communes", dir.resolve("nope.csv").toString())).isEqualTo(1);
        assertThat(err.toString()).contains("nope.csv: no such file");
    }

    @Test
    void shipped_communes_and_synthetic_supply_by_default() throws IOException {
        Path result = dir.resolve("apl.csv");
        int code = run("--synthetic-doctors", "20000", "--seed", "7", "--out", result.toString());
        assertThat(code).as(err.toString()).isZero();
        assertThat(Files.readAllLines(result)).hasSize(34_876);
        assertThat(out.toString()).contains("SYNTHETIC supply").contains("34875 communes");
    }
}
