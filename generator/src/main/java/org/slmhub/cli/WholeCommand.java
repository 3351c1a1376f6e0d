package org.slmhub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/** An slmhub command as a user runs it, timed from start to exit: what the benchmarks' whole-command figures are. */
final class WholeCommand {
    private WholeCommand() {
    }

    /** The ./slmhub launcher when started from a checkout (its JVM flags and class-data archive count), else java with its flags. */
    static List<String> of(List<String> args) {
        List<String> cmd = new ArrayList<>();
        Path launcher = Path.of("slmhub");
        if (Files.isExecutable(launcher) && Files.isRegularFile(launcher)) {
            cmd.add(launcher.toAbsolutePath().toString());
        } else {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(LauncherFlags.JVM);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        cmd.addAll(args);
        return cmd;
    }

    /** Wall time of one run, its output discarded; a run past {@code limit} is killed and reported. */
    static long wallMillis(List<String> cmd, Duration limit) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(limit.toMillis(), TimeUnit.MILLISECONDS)) {
            p.destroyForcibly();
            throw new UsageException("did not finish in " + limit.toMinutes() + " minutes: " + String.join(" ", cmd));
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }
}
