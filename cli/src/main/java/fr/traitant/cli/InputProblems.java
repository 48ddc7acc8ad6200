package fr.traitant.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The problems found in a command's input files, each "file:line: reason", collected (up to {@link #MAX}) so that the
 * user sees them all at once; the command writes nothing when there is one.
 */
public final class InputProblems {

    /** Stops collecting after this many problems. */
    public static final int MAX = 50;

    private final List<String> problems = new ArrayList<>();

    public void add(String problem) {
        if (problems.size() < MAX) problems.add(problem);
    }

    public void add(InputFileException e) {
        add(e.getMessage());
    }

    public boolean isEmpty() {
        return problems.isEmpty();
    }

    /** Reads a CSV file and checks its header; null (and a problem) when it cannot be read or lacks a column. */
    public CsvTable table(Path file, String... columns) {
        try (Reader reader = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
            CsvTable table = CsvTable.read(file.toString(), reader);
            table.require(columns);
            return table;
        } catch (InputFileException e) {
            add(e);
        } catch (IOException e) {
            add(file + ": cannot read: " + e.getMessage());
        }
        return null;
    }

    /** Prints every problem and "invalid input: nothing written"; returns the exit code, 2. */
    public int report(PrintWriter err) {
        problems.forEach(err::println);
        if (problems.size() >= MAX) err.println("(stopped after " + MAX + " problems)");
        err.println("invalid input: nothing written");
        err.flush();
        return 2;
    }

    /** A value as a CSV field: quoted when it holds a comma, a quote or a line break. */
    public static String csv(String v) {
        if (v.contains(",") || v.contains("\"") || v.contains("\n")) return "\"" + v.replace("\"", "\"\"") + "\"";
        return v;
    }
}
