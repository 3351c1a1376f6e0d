package org.slmhub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.TimeUnit;
import org.slmhub.bench.SyntheticCatalog;
import org.slmhub.bench.ValidateBenchmark;
import picocli.CommandLine.Command;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "bench",
        mixinStandardHelpOptions = true,
        description = {"Developer benchmarks; they print figures and assert nothing.",
            "validate: write a synthetic catalog of --models manifests, then time levels 1-3 of validation",
            "in this JVM (--repeat runs; the first includes JIT warm-up) and as a whole command in a fresh JVM",
            "(the ./slmhub launcher when run from a checkout, so its JVM flags and class-data archive count)."})
final class BenchCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "The benchmark to run: validate.")
    String what;

    @Option(names = "--models", defaultValue = "10000", description = "Synthetic catalog size (default: ${DEFAULT-VALUE}).")
    int models;

    @Option(names = "--repeat", defaultValue = "3", description = "In-process runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the synthetic catalog here and keep it (default: a temporary folder, deleted).")
    Path keep;

    @Override
    public Integer call() throws IOException, InterruptedException {
        if (!what.equals("validate")) {
            throw new UsageException("unknown benchmark `" + what + "`: available: validate");
        }
        PrintWriter out = spec.commandLine().getOut();
        Path dir = keep != null ? keep : Files.createTempDirectory("slmhub-bench-");
        try {
            long t0 = System.nanoTime();
            SyntheticCatalog.write(dir, models, 42);
            out.printf("synthetic catalog: %d manifests in %s (written in %d ms)%n", models, dir, (System.nanoTime() - t0) / 1_000_000);
            for (int i = 1; i <= repeat; i++) {
                ValidateBenchmark.Run run = ValidateBenchmark.once(dir);
                out.printf("in-process run %d: %d manifests, %d errors: read+parse %d ms, validate %d ms, total %d ms%n",
                        i, run.manifests(), run.errors(), run.readMillis(), run.validateMillis(), run.totalMillis());
                out.flush();
            }
            List<String> cmd = wholeCommand(dir);
            for (int i = 1; i <= repeat; i++) {
                out.printf("whole command run %d: %d ms wall (%s)%n", i, wholeCommandMillis(cmd), String.join(" ", cmd));
                out.flush();
            }
            out.printf("cores: %d, max heap: %d MiB%n", Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            if (keep == null) {
                deleteTree(dir);
            }
        }
        return ExitCode.OK;
    }

    /** Runs the ./slmhub launcher when started from a checkout (what users run), else java with its flags. */
    private static List<String> wholeCommand(Path catalog) {
        List<String> cmd = new ArrayList<>();
        Path launcher = Path.of("slmhub");
        if (Files.isExecutable(launcher) && Files.isRegularFile(launcher)) {
            cmd.add(launcher.toAbsolutePath().toString());
        } else {
            cmd.add(ProcessHandle.current().info().command().orElse("java"));
            cmd.addAll(LauncherFlags.JVM);
            cmd.addAll(List.of("-cp", System.getProperty("java.class.path"), Main.class.getName()));
        }
        cmd.addAll(List.of("validate", "--catalog", catalog.toString(), "--format", "json"));
        return cmd;
    }

    private static long wholeCommandMillis(List<String> cmd) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        Process p = new ProcessBuilder(cmd).redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.INHERIT).start();
        if (!p.waitFor(10, TimeUnit.MINUTES)) {
            p.destroyForcibly();
            throw new UsageException("the validate command did not finish in 10 minutes");
        }
        return (System.nanoTime() - t0) / 1_000_000;
    }

    private static void deleteTree(Path dir) throws IOException {
        try (var walk = Files.walk(dir)) {
            for (Path p : walk.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
