package org.slmhub.cli;

import java.io.PrintWriter;
import java.io.StringWriter;
import picocli.CommandLine;

/**
 * The one place failures become exit codes. A user sees one line; the stack trace only with
 * {@code SLMHUB_DEBUG=1}, because a trace is for slmhub's developers, not for its users.
 */
final class FailureHandler implements CommandLine.IExecutionExceptionHandler {

    @Override
    public int handleExecutionException(Exception e, CommandLine cli, CommandLine.ParseResult parsed) {
        PrintWriter err = cli.getErr();
        if (e instanceof UsageException) {
            err.println("slmhub: error: " + e.getMessage());
        } else {
            err.println("slmhub: internal error: " + e + " (set SLMHUB_DEBUG=1 for details; please report it)");
            if ("1".equals(System.getenv("SLMHUB_DEBUG"))) {
                StringWriter trace = new StringWriter();
                e.printStackTrace(new PrintWriter(trace));
                err.print(trace);
            }
        }
        err.flush();
        return ExitCode.USAGE;
    }

    static int exitCodeOf(Throwable t) {
        return ExitCode.USAGE;
    }
}
