package org.slmhub.cli;

/** The exit codes every subcommand uses. */
public final class ExitCode {
    /** Everything checked out. */
    public static final int OK = 0;
    /** The command ran and found problems in its input (invalid manifests, failed checks). */
    public static final int PROBLEMS = 1;
    /** The command could not run: bad usage, a missing folder, or an internal error. */
    public static final int USAGE = 2;
    /** Stopped by Ctrl-C (128 + SIGINT), as shells report it. */
    public static final int INTERRUPTED = 130;

    private ExitCode() {
    }
}
