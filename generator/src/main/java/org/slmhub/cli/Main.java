package org.slmhub.cli;

import java.util.ArrayList;
import java.util.List;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** Entry point of the {@code slmhub} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine(args.length == 0 ? null : args[0]).execute(args));
    }

    /** The configured command line with every subcommand; tests call this and capture its writers. */
    public static CommandLine commandLine() {
        return commandLine(null);
    }

    /**
     * The command line with only the subcommand named {@code first}, when there is one: picocli reads
     * each command's annotations as it is added, a tenth of the CPU of a one-model site rebuild.
     * Anything else (options, help, a mistyped name) gets them all, for help and suggestions.
     */
    static CommandLine commandLine(String first) {
        CommandLine cli = new CommandLine(new SlmhubCommand());
        List<Class<?>> named = SlmhubCommand.SUBCOMMANDS.stream().filter(c -> names(c).contains(first)).toList();
        for (Class<?> c : named.isEmpty() || "help".equals(first) ? SlmhubCommand.SUBCOMMANDS : named) {
            cli.addSubcommand(c);
        }
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setExitCodeExceptionMapper(FailureHandler::exitCodeOf);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }

    private static List<String> names(Class<?> command) {
        Command c = command.getAnnotation(Command.class);
        List<String> names = new ArrayList<>(List.of(c.aliases()));
        names.add(c.name());
        return names;
    }
}
