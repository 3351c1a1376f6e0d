package org.slmhub.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/** Runs the real command line in-process and captures what it printed and its exit code. */
public record CliRun(int exitCode, String out, String err) {

    public static CliRun of(String... args) {
        return of(cli -> { }, args);
    }

    /** @param setUp adjusts the commands before the run, e.g. to give one an environment */
    public static CliRun of(java.util.function.Consumer<CommandLine> setUp, String... args) {
        CommandLine cli = Main.commandLine();
        setUp.accept(cli);
        StringWriter out = new StringWriter();
        StringWriter err = new StringWriter();
        cli.setOut(new PrintWriter(out, true));
        cli.setErr(new PrintWriter(err, true));
        int code = cli.execute(args);
        return new CliRun(code, out.toString(), err.toString());
    }

    /** Printed by assertion messages so a failing test shows the whole run. */
    @Override
    public String toString() {
        return "exit " + exitCode + "\n--- stdout ---\n" + out + "--- stderr ---\n" + err;
    }
}
