package org.slmhub.cli;

import picocli.CommandLine;

/** Entry point of the {@code slmhub} command. */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        System.exit(commandLine().execute(args));
    }

    /** The configured command line; tests call this and capture its writers. */
    public static CommandLine commandLine() {
        CommandLine cli = new CommandLine(new SlmhubCommand());
        cli.setExecutionExceptionHandler(new FailureHandler());
        cli.setExitCodeExceptionMapper(FailureHandler::exitCodeOf);
        cli.setCaseInsensitiveEnumValuesAllowed(true);
        cli.setUsageHelpAutoWidth(true);
        return cli;
    }
}
