package org.slmhub.cli;

import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Locale;
import org.slmhub.bench.EmbedBenchmark;
import org.slmhub.bench.Median;
import org.slmhub.catalog.HumanUnits;
import org.slmhub.smoke.EmbeddingOutcome;
import org.slmhub.smoke.EmbeddingRequest;

/** {@code slmhub bench embed}: forked smoke runs of an ONNX embedding model, then its speed on many sentences. */
final class EmbedBench {
    private EmbedBench() {
    }

    static void run(Path model, Path tokenizer, int runs, int sentences, PrintWriter out) {
        if (model == null || tokenizer == null) {
            throw new UsageException("bench embed needs --model FILE.onnx and --tokenizer tokenizer.json");
        }
        for (Path file : List.of(model, tokenizer)) {
            if (!Files.isRegularFile(file)) {
                throw new UsageException((file == model ? "--model " : "--tokenizer ") + file + ": no such file");
            }
        }
        if (runs < 1) {
            throw new UsageException("--runs must be at least 1, got " + runs);
        }
        if (sentences < 1 || sentences > EmbeddingRequest.MAX_SENTENCES) {
            throw new UsageException("--sentences must be 1 to " + EmbeddingRequest.MAX_SENTENCES + ", got " + sentences);
        }
        out.printf(Locale.ROOT, "model %s (%s), tokenizer %s; %d cores, %d ONNX Runtime threads, load average %.2f%n", model,
                HumanUnits.formatBytes(size(model)), tokenizer, Runtime.getRuntime().availableProcessors(),
                EmbeddingRequest.of(model, tokenizer, List.of("x")).threads(), ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        EmbedBenchmark bench = new EmbedBenchmark();
        out.printf("fork + load + embed %d sentences (ForkedEmbedder.run, wall time as its caller waits):%n",
                EmbedBenchmark.SMOKE_SENTENCES.size());
        List<Long> walls = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            EmbedBenchmark.Timed run = bench.forkLoadEmbed(model, tokenizer);
            EmbeddingOutcome o = completed(run.outcome(), "forked run " + i);
            walls.add(run.wallMillis());
            out.printf(Locale.ROOT, "  run %d: wall %d ms, load %d ms, embed %d ms, dimension %d, peak RSS %s%n", i, run.wallMillis(),
                    o.loadMillis(), o.embedMillis(), o.dimension(), HumanUnits.formatBytes(o.peakRssBytes()));
            out.flush();
        }
        out.printf(Locale.ROOT, "  wall: median %.0f ms, min %d ms%n", Median.of(walls), Collections.min(walls));
        out.printf("%d sentences in one worker, embedded one at a time (load excluded):%n", sentences);
        List<Double> rates = new ArrayList<>();
        for (int i = 1; i <= runs; i++) {
            EmbeddingOutcome o = completed(bench.many(model, tokenizer, sentences).outcome(), "run " + i + " of " + sentences + " sentences");
            rates.add(o.sentencesPerSecond());
            out.printf(Locale.ROOT, "  run %d: %d sentences in %d ms, %.1f sentences/s%n", i, o.vectors().size(), o.embedMillis(),
                    o.sentencesPerSecond());
            out.flush();
        }
        out.printf(Locale.ROOT, "  median: %.1f sentences/s (min %.1f, max %.1f)%n", Median.of(rates), Collections.min(rates),
                Collections.max(rates));
        out.flush();
    }

    /** A benchmark of a run that failed measures nothing: stop with what the engine said. */
    private static EmbeddingOutcome completed(EmbeddingOutcome outcome, String what) {
        if (!outcome.completed()) {
            throw new UsageException(what + " did not complete: " + outcome.status() + ": " + outcome.reason());
        }
        return outcome;
    }

    private static long size(Path file) {
        try {
            return Files.size(file);
        } catch (java.io.IOException e) {
            return 0;
        }
    }
}
