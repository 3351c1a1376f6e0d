package org.slmhub.cli;

import org.slmhub.catalog.HumanUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.lang.management.ManagementFactory;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.slmhub.bench.IndexBenchmark;
import org.slmhub.bench.SyntheticModels;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.index.IndexException;
import org.slmhub.index.IndexInputs;
import org.slmhub.index.ModelIndex;

/**
 * {@code slmhub bench index}: the synthetic catalog as records in memory (writing and parsing
 * 100,000 YAML files would measure SnakeYAML, not the index), indexed through
 * {@link org.slmhub.index.CatalogIndexer} like {@code slmhub index}; then a fixed mix of 200
 * searches in this JVM, and {@code slmhub search} as a whole command in fresh JVMs.
 */
final class IndexBench {
    private static final int WARMUP_ROUNDS = 10;
    private static final int TIMED_ROUNDS = 5;

    private IndexBench() {
    }

    static void run(int models, int repeat, Path dir, PrintWriter out) throws IOException, InterruptedException {
        out.printf(Locale.ROOT, "%d cores, load average %.2f%n", Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        long t0 = System.nanoTime();
        List<ModelManifest> synthetic = SyntheticModels.generate(models, 42);
        IndexInputs inputs = SyntheticModels.inputs(synthetic, 42);
        out.printf("synthetic models: %d in memory (generated in %d ms)%n", models, (System.nanoTime() - t0) / 1_000_000);
        Path index = dir.resolve("index");
        try {
            for (int i = 1; i <= repeat; i++) {
                IndexBenchmark.Build build = IndexBenchmark.build(index, synthetic, inputs);
                out.printf("index build %d: %d models in %d ms, %s on disk%n", i, build.models(), build.millis(), HumanUnits.formatBytes(build.bytes()));
                out.flush();
            }
            try (ModelIndex opened = ModelIndex.open(index)) {
                List<IndexBenchmark.Query> mix = IndexBenchmark.mix(models, 7);
                for (IndexBenchmark.Latency l : IndexBenchmark.latency(opened, mix, WARMUP_ROUNDS, TIMED_ROUNDS)) {
                    out.printf(Locale.ROOT, "search latency, %-7s (%4d searches): p50 %.2f ms, p90 %.2f ms, p99 %.2f ms, max %.2f ms%n",
                            l.kind(), l.searches(), l.p50(), l.p90(), l.p99(), l.max());
                }
            }
        } catch (IndexException e) {
            throw new UsageException(e.getMessage());
        }
        for (List<String> query : IndexBenchmark.commandQueries()) {
            List<String> args = new ArrayList<>(List.of("search", "--index", index.toString()));
            args.addAll(query);
            List<String> cmd = WholeCommand.of(args);
            for (int i = 1; i <= repeat; i++) {
                out.printf("whole command run %d: %d ms wall (%s)%n", i, WholeCommand.wallMillis(cmd, Duration.ofMinutes(2)), String.join(" ", cmd));
                out.flush();
            }
        }
    }
}
