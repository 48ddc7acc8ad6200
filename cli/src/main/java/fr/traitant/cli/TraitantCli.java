package fr.traitant.cli;

import fr.traitant.cli.accessibility.AccessibilityCommand;
import fr.traitant.cli.campaign.CampaignTargetCommand;
import fr.traitant.cli.coverage.CoverageCommand;
import fr.traitant.cli.missions.MissionsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code traitant} command-line tools. Each tool is a subcommand. */
@Command(
        name = "traitant",
        mixinStandardHelpOptions = true,
        version = "traitant 0.1.0",
        description = "Traitant command-line tools for analysts (engine over files).",
        subcommands = {CommandLine.HelpCommand.class})
public final class TraitantCli {

    /** Builds the command line with every subcommand registered. */
    public static CommandLine commandLine() {
        return new CommandLine(new TraitantCli())
                .addSubcommand("accessibility", new AccessibilityCommand())
                .addSubcommand(new MatchCommand())
                .addSubcommand(new CampaignTargetCommand())
                .addSubcommand(new CoverageCommand())
                .addSubcommand(new MissionsCommand());
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }
}
