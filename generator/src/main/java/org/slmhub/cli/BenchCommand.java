package org.slmhub.cli;

import org.slmhub.catalog.HumanUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.Locale;
import org.slmhub.bench.Median;
import org.slmhub.bench.SmokeBenchmark;
import org.slmhub.bench.SyntheticCatalog;
import org.slmhub.bench.ValidateBenchmark;
import org.slmhub.smoke.SmokeOutcome;
import org.slmhub.smoke.SmokeRequest;
import org.slmhub.smoke.SmokeStatus;
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
            "(the ./slmhub launcher when run from a checkout, so its JVM flags and class-data archive count).",
            "smoke: time --runs forked smoke runs of --model (fork + load + 16 tokens),",
            "then compare the worker's decoding speed (--tokens, load excluded) with the",
            "same engine in this JVM, alternating the two; medians of each.",
            "embed: time --runs forked smoke runs of the ONNX embedding --model with its --tokenizer",
            "(fork + load + 3 sentences), then --sentences sentences in one worker: sentences per second.",
            "site: render the pages of a synthetic catalog of --models manifests in this JVM (3 runs, each beside hugo",
            "building the same catalog as simple pages when hugo is on the PATH: the ratio of medians), then build its site",
            "in fresh JVMs (full build, --runs rebuilds after an edit, serve's rebuilds after an edit, and 3 full builds",
            "and 3 rebuilds after an edit with Pagefind when npx has it cached): wall time, peak RSS, first-search bytes,",
            "medians where repeated;",
            "run from a checkout (content/, templates/).",
            "index: index --models synthetic manifests (records in memory, no YAML) through the code of `slmhub index`",
            "--repeat times, time a fixed mix of 200 searches in this JVM, then `slmhub search` in fresh JVMs."},
        footer = {"", "Examples:",
            "  ./slmhub bench validate --models 10000",
            "  ./slmhub bench smoke          (../shared/fixtures/models/stories260K.gguf)",
            "  ./slmhub bench smoke --model my.gguf --runs 15 --tokens 512",
            "  ./slmhub bench embed --model model.onnx --tokenizer tokenizer.json --runs 5 --sentences 64",
            "  ./slmhub bench site --models 10000",
            "  ./slmhub bench index --models 100000 --repeat 1"})
final class BenchCommand implements Callable<Integer> {
    static final Path DEFAULT_SMOKE_MODEL = Path.of("../shared/fixtures/models/stories260K.gguf");
    static final double WORKER_THROUGHPUT_FLOOR = 0.95;

    @Spec
    CommandSpec spec;

    @Parameters(paramLabel = "WHAT", description = "The benchmark to run: validate, smoke, embed, site or index.")
    String what;

    @Option(names = "--models", defaultValue = "10000", description = "Synthetic catalog size (default: ${DEFAULT-VALUE}).")
    int models;

    @Option(names = "--repeat", defaultValue = "3", description = "In-process runs (default: ${DEFAULT-VALUE}).")
    int repeat;

    @Option(names = "--keep", paramLabel = "DIR", description = "Write the synthetic catalog here and keep it (default: a temporary folder, deleted).")
    Path keep;

    @Option(names = "--model", paramLabel = "FILE", description = "smoke: the GGUF (default: stories260K.gguf in ../shared/fixtures/models); embed: the .onnx model.")
    Path model;

    @Option(names = "--runs", paramLabel = "N", defaultValue = "5", description = "smoke and embed: runs of each part; site: fresh-JVM rebuilds after an edit (default: ${DEFAULT-VALUE}).")
    int runs;

    @Option(names = "--tokenizer", paramLabel = "FILE", description = "embed: the model's tokenizer.json.")
    Path tokenizer;

    @Option(names = "--sentences", paramLabel = "N", defaultValue = "64", description = "embed: sentences in the throughput runs (default: ${DEFAULT-VALUE}).")
    int sentences;

    @Option(names = "--tokens", paramLabel = "N", defaultValue = "256", description = "smoke: tokens per throughput run (default: ${DEFAULT-VALUE}).")
    int tokens;

    @Override
    public Integer call() throws IOException, InterruptedException {
        PrintWriter out = spec.commandLine().getOut();
        switch (what) {
            case "validate":
                return validate(out);
            case "smoke":
                return smoke(out);
            case "embed":
                EmbedBench.run(model, tokenizer, runs, sentences, out);
                return ExitCode.OK;
            case "site":
                return site(out);
            case "index":
                return index(out);
            default:
                throw new UsageException("unknown benchmark `" + what + "`: available: validate, smoke, embed, site, index");
        }
    }

    private int site(PrintWriter out) throws IOException, InterruptedException {
        Path dir = keep != null ? keep : Files.createTempDirectory("slmhub-bench-site-");
        try {
            SiteBench.run(models, runs, dir, out);
        } finally {
            if (keep == null) {
                FolderTree.delete(dir);
            }
        }
        return ExitCode.OK;
    }

    private int index(PrintWriter out) throws IOException, InterruptedException {
        Path dir = keep != null ? keep : Files.createTempDirectory("slmhub-bench-index-");
        try {
            IndexBench.run(models, repeat, dir, out);
        } finally {
            if (keep == null) {
                FolderTree.delete(dir);
            }
        }
        return ExitCode.OK;
    }

    private int validate(PrintWriter out) throws IOException, InterruptedException {
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
            List<String> cmd = WholeCommand.of(List.of("validate", "--catalog", dir.toString(), "--format", "json"));
            for (int i = 1; i <= repeat; i++) {
                out.printf("whole command run %d: %d ms wall (%s)%n", i, WholeCommand.wallMillis(cmd, Duration.ofMinutes(10)), String.join(" ", cmd));
                out.flush();
            }
            out.printf("cores: %d, max heap: %d MiB%n", Runtime.getRuntime().availableProcessors(), Runtime.getRuntime().maxMemory() >> 20);
        } finally {
            if (keep == null) {
                FolderTree.delete(dir);
            }
        }
        return ExitCode.OK;
    }

    /**
     * Prints figures and returns. It must not end the JVM itself, so tests can run it, but the JVM
     * must end: the in-process runs leave the binding's native thread alive, which would keep the
     * JVM running after main returns. {@link Main#main} ends it with System.exit, which also runs
     * the shutdown hook deleting the native library extracted for this JVM.
     */
    private int smoke(PrintWriter out) {
        Path file = smokeModel();
        if (runs < 1) {
            throw new UsageException("--runs must be at least 1, got " + runs);
        }
        if (tokens < 1 || tokens > SmokeBenchmark.MAX_THROUGHPUT_TOKENS) {
            throw new UsageException("--tokens must be 1 to " + SmokeBenchmark.MAX_THROUGHPUT_TOKENS + ", got " + tokens);
        }
        SmokeRequest longRun = SmokeBenchmark.throughputRequest(file, tokens);
        out.printf(Locale.ROOT, "model %s (%s); %d cores, %d llama.cpp threads, load average %.2f%n", file,
                HumanUnits.formatBytes(size(file)), Runtime.getRuntime().availableProcessors(), longRun.threads(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        SmokeBenchmark bench = new SmokeBenchmark();
        forkLoadGenerate(out, bench, file);
        throughput(out, bench, longRun);
        return ExitCode.OK;
    }

    private void forkLoadGenerate(PrintWriter out, SmokeBenchmark bench, Path file) {
        out.printf("fork + load + %d tokens (ForkedEngine.run, wall time as its caller waits):%n", SmokeBenchmark.SMOKE_TOKENS);
        List<Long> walls = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            SmokeBenchmark.Timed run = bench.forkLoadGenerate(file);
            SmokeOutcome o = completed(run.outcome(), "forked run " + i);
            walls.add(run.wallMillis());
            out.printf(Locale.ROOT, "  run %d: wall %d ms, load %d ms, generate %d ms (%d tokens, %.0f tokens/s), peak RSS %s%n",
                    i, run.wallMillis(), o.loadMillis(), o.generationMillis(), o.tokenCount(), o.tokensPerSecond(),
                    HumanUnits.formatBytes(o.peakRssBytes()));
            out.flush();
        }
        out.printf(Locale.ROOT, "  wall: median %.0f ms, min %d ms%n", Median.of(walls), Collections.min(walls));
    }

    private void throughput(PrintWriter out, SmokeBenchmark bench, SmokeRequest request) {
        out.printf("worker vs in-process, %d tokens in a %d-token context, generation only (load excluded):%n",
                request.maxTokens(), request.contextSize());
        SmokeOutcome warmUp = completed(bench.warmUpInProcess(request), "in-process warm-up run");
        out.printf(Locale.ROOT, "  in-process warm-up: %d tokens, %.0f tokens/s (not counted)%n", warmUp.tokenCount(), warmUp.tokensPerSecond());
        List<Double> worker = new ArrayList<>();
        List<Double> inProcess = new ArrayList<>();
        List<Double> ratios = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            // alternate which goes first, so a drift in the shared machine's speed hits both alike
            SmokeBenchmark.Pair pair = bench.workerAndInProcess(request, i % 2 == 1);
            SmokeOutcome w = completed(pair.worker(), "worker run " + i);
            SmokeOutcome p = completed(pair.inProcess(), "in-process run " + i);
            worker.add(w.tokensPerSecond());
            inProcess.add(p.tokensPerSecond());
            ratios.add(w.tokensPerSecond() / p.tokensPerSecond());
            out.printf(Locale.ROOT, "  run %d: worker %.0f tokens/s (%d tokens in %d ms), in-process %.0f tokens/s (%d in %d ms): %.1f%%%n",
                    i, w.tokensPerSecond(), w.tokenCount(), w.generationMillis(), p.tokensPerSecond(), p.tokenCount(),
                    p.generationMillis(), ratios.get(i - 1) * 100);
            out.flush();
        }
        double ratio = Median.of(worker) / Median.of(inProcess);
        // the per-run ratio compares two runs made back to back, so it is the steadier figure on a busy machine
        out.printf(Locale.ROOT, "  median: worker %.0f tokens/s, in-process %.0f tokens/s: worker/in-process %.1f%% (median per-run ratio %.1f%%)%n",
                Median.of(worker), Median.of(inProcess), ratio * 100, Median.of(ratios) * 100);
        if (ratio < WORKER_THROUGHPUT_FLOOR) {
            out.println("  BELOW 95%: here the worker decoded slower than this JVM, so the fork cost throughput, not only load time"
                    + " (see the load average: other busy processes slow llama.cpp's threads)");
        }
        out.flush();
    }

    private Path smokeModel() {
        if (model == null) {
            if (!Files.isRegularFile(DEFAULT_SMOKE_MODEL)) {
                throw new UsageException("no model to benchmark: " + DEFAULT_SMOKE_MODEL + " is absent here ("
                        + Path.of("").toAbsolutePath() + "); run from the repository root beside ../shared, or pass --model FILE");
            }
            return DEFAULT_SMOKE_MODEL;
        }
        if (!Files.isRegularFile(model)) {
            throw new UsageException("--model " + model + ": no such file");
        }
        return model;
    }

    /** A benchmark of a run that failed measures nothing: stop with what the engine said. */
    private static SmokeOutcome completed(SmokeOutcome outcome, String what) {
        if (outcome.status() != SmokeStatus.COMPLETED) {
            throw new UsageException(what + " did not complete: " + outcome.status() + ": " + outcome.reason());
        }
        return outcome;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (IOException e) {
            return 0;
        }
    }
}
