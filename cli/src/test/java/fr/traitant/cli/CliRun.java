package fr.traitant.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import picocli.CommandLine;

/** A command run in-process, as the tests see it: its exit code and what it printed. */
public record CliRun(int exit, String out, String err) {

    /** Runs {@code traitant <command> [prefix…] <args…>}. */
    public static CliRun of(String command, List<String> prefix, String... args) {
        CommandLine cli = TraitantCli.commandLine();
        StringWriter out = new StringWriter(), err = new StringWriter();
        cli.setOut(new PrintWriter(out));
        cli.setErr(new PrintWriter(err));
        String[] all = new String[1 + prefix.size() + args.length];
        all[0] = command;
        for (int i = 0; i < prefix.size(); i++) all[1 + i] = prefix.get(i);
        System.arraycopy(args, 0, all, 1 + prefix.size(), args.length);
        return new CliRun(cli.execute(all), out.toString(), err.toString());
    }

    /** Writes an input file of these lines in {@code dir}. */
    public static Path file(Path dir, String name, String... lines) throws IOException {
        Path p = dir.resolve(name);
        Files.write(p, List.of(lines));
        return p;
    }
}
