package org.slmhub.cli;

import org.slmhub.catalog.HumanUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.Callable;
import org.slmhub.artifact.ArtifactException;
import org.slmhub.artifact.ArtifactStore;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.ChangedModels;
import org.slmhub.history.HistoryException;
import org.slmhub.smoke.ExpectRecorder;
import org.slmhub.smoke.ForkedEngine;
import org.slmhub.smoke.ModelResult;
import org.slmhub.smoke.SmokeEngine;
import org.slmhub.smoke.SmokeLimits;
import org.slmhub.smoke.SmokePlan;
import org.slmhub.smoke.SmokeReport;
import org.slmhub.smoke.Verdict;
import org.slmhub.validate.ClosestMatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import picocli.CommandLine.Spec;

@Command(name = "smoke",
        mixinStandardHelpOptions = true,
        description = {
            "Prove models load and work.",
            "Text models: get the smallest GGUF through the verified store, run the manifest's smoke.prompt for",
            "smoke.max_tokens with greedy decoding in a forked llama.cpp worker, and check the text against smoke.expect",
            "(and a chat turn where the GGUF has a chat template).",
            "Embedding models: get the ONNX weights and the tokenizer, embed the smoke.closer sentences in a forked",
            "ONNX Runtime worker, and check the dimension, that each anchor is nearer its `nearer` sentence than its",
            "`farther` one, and smoke.values.",
            "Statuses: passed, output-mismatch, load-failed, crashed, timed-out, artifact-unavailable, checksum-mismatch."},
        footer = {"", "Examples:",
            "  slmhub smoke --mirror ../shared/fixtures/models ggml-org/stories260k",
            "  slmhub smoke --changed-since origin/main --shard 1/4 --report smoke-report.json",
            "  slmhub smoke --record ggml-org/stories260k      write the greedy output into smoke.expect",
            "  slmhub smoke --record xenova/all-minilm-l6-v2   write the first values of an embedding into smoke.values",
            "", "Exit codes: 0 all selected models passed, 1 a model failed, 2 usage or internal error."})
final class SmokeCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalogOption;

    @Mixin
    StoreOptions storeOptions;

    @Parameters(paramLabel = "MODEL", arity = "0..*", description = "Model ids (publisher/model) or manifest paths (default: every model with a smoke block).")
    List<String> models = new ArrayList<>();

    @Option(names = "--all-variants", description = "Smoke every weights file (GGUF, or ONNX for embedding models), not just the smallest.")
    boolean allVariants;

    @Option(names = "--changed-since", paramLabel = "REF", description = "Only models whose folders differ from this Git revision (e.g. origin/main).")
    String changedSince;

    @Mixin
    ShardOption shardOption;

    @Option(names = "--max-size", paramLabel = "SIZE", description = "Leave out models whose smallest weights file is larger than SIZE (e.g. 600MB, 2GiB).")
    String maxSize;

    @Option(names = "--record", description = "Write each text model's greedy output into its manifest as smoke.expect.exact, "
            + "and each embedding model's first values as smoke.values.")
    boolean record;

    @Option(names = "--report", paramLabel = "FILE", description = "Write a JSON report of every result.")
    Path report;

    @Option(names = "--load-timeout", paramLabel = "SECONDS", defaultValue = "120", description = "Per model (default: ${DEFAULT-VALUE}).")
    int loadTimeout;

    @Option(names = "--timeout", paramLabel = "SECONDS", defaultValue = "300", description = "Generation time per model (default: ${DEFAULT-VALUE}).")
    int generationTimeout;

    @Option(names = "--worker-heap", paramLabel = "MB", defaultValue = "256", description = "Java heap of the worker JVM (default: ${DEFAULT-VALUE}).")
    int workerHeap;

    @Option(names = "--max-memory", paramLabel = "SIZE",
            description = "Kill a worker whose resident memory passes SIZE (e.g. 3GiB); default: the model file's size plus 2 GiB.")
    String maxMemory;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = catalogOption.root();
        SmokePlan.Shard split = shardOption.parse();
        List<CatalogEntry> entries = ValidCatalog.load(root, spec.commandLine().getErr());
        if (entries == null) {
            return ExitCode.PROBLEMS;
        }
        SmokePlan.Plan plan = SmokePlan.of(entries, selectedIds(root, entries), split, allVariants, maxBytes());
        ArtifactStore store = storeOptions.open();
        SmokeModel smoke = new SmokeModel(store, engine(), new SmokeLimits(loadTimeout * 1000L, generationTimeout * 1000L, workerHeap, memoryCap()), record);
        List<ModelResult> results = new ArrayList<>();
        for (SmokePlan.Item item : plan.items()) {
            for (ModelManifest.Artifact artifact : item.artifacts()) {
                out.printf("smoking %s (%s, %s) ...%n", item.id(), artifact.file(), HumanUnits.formatBytes(artifact.size()));
                out.flush();
                ModelResult result = smoke.run(item.entry(), artifact, artifact == item.artifacts().get(0), Instant.now());
                results.add(result);
                out.println("  " + describe(result));
                out.flush();
            }
        }
        for (SmokePlan.Skip skip : plan.skipped()) {
            if (!models.isEmpty() || changedSince != null || maxSize != null) {
                out.println("skipped " + skip.id() + ": " + skip.reason());
            }
        }
        if (report != null) {
            SmokeReport.write(report, results);
            out.println("report written to " + report);
        }
        long failed = results.stream().filter(r -> !r.verdict().passed()).count();
        out.printf("smoked %d artifact%s of %d model%s: %d passed, %d failed; %d model%s left out (no smoke block, no weights an engine runs, or above --max-size)%n",
                results.size(), results.size() == 1 ? "" : "s", plan.items().size(), plan.items().size() == 1 ? "" : "s",
                results.size() - failed, failed, plan.skipped().size(), plan.skipped().size() == 1 ? "" : "s");
        return failed == 0 ? ExitCode.OK : ExitCode.PROBLEMS;
    }

    static String describe(ModelResult r) {
        if (r.embedding() != null) {
            return describeEmbedding(r);
        }
        var o = r.outcome();
        String figures = o == null ? "" : String.format(" (%d tokens, %.1f tokens/s, load %d ms, peak %s)",
                o.tokenCount(), o.tokensPerSecond(), o.loadMillis(), HumanUnits.formatBytes(o.peakRssBytes()));
        if (r.verdict() == Verdict.PASSED) {
            return "passed" + figures + (o == null ? "" : ": " + ExpectRecorder.quote(o.text()));
        }
        return r.verdict().id() + figures + ": " + r.reason();
    }

    static String describeEmbedding(ModelResult r) {
        var o = r.embedding().outcome();
        String figures = String.format(Locale.ROOT, " (%s%.0f sentences/s, load %d ms, peak %s)",
                o.completed() ? o.dimension() + " dimensions, " : "", o.sentencesPerSecond(), o.loadMillis(), HumanUnits.formatBytes(o.peakRssBytes()));
        if (r.verdict() == Verdict.PASSED) {
            return "passed" + figures + ": " + String.join("; ", r.embedding().cosines().stream().map(c -> String.format(Locale.ROOT,
                    "cos %.3f > %.3f", c.nearerCosine(), c.fartherCosine())).toList());
        }
        return r.verdict().id() + figures + ": " + r.reason();
    }

    /** The engine; a seam only so the test harness can count runs. */
    SmokeEngine engine() {
        return new ForkedEngine();
    }

    private long maxBytes() {
        try {
            return maxSize == null ? Long.MAX_VALUE : HumanUnits.parseBytes(maxSize);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-size: " + e.getMessage());
        }
    }

    /** 0: automatic (the model's size plus headroom). */
    private long memoryCap() {
        try {
            return maxMemory == null ? 0 : HumanUnits.parseBytes(maxMemory);
        } catch (IllegalArgumentException e) {
            throw new UsageException("--max-memory: " + e.getMessage());
        }
    }

    /** Ids from the arguments and --changed-since; null means every model. */
    private Set<String> selectedIds(Path root, List<CatalogEntry> entries) {
        Set<String> ids = null;
        if (!models.isEmpty()) {
            ids = new LinkedHashSet<>();
            for (String model : models) {
                ids.add(resolveId(model, entries));
            }
        }
        if (changedSince != null) {
            try {
                Set<String> changed = ChangedModels.since(root, changedSince);
                if (ids == null) {
                    ids = changed;
                } else {
                    ids.retainAll(changed);
                }
            } catch (HistoryException e) {
                throw new UsageException(e.getMessage());
            }
        }
        return ids;
    }

    private static String resolveId(String model, List<CatalogEntry> entries) {
        Path asPath = Path.of(model);
        if (Files.exists(asPath)) {
            Path file = Files.isDirectory(asPath) ? asPath.resolve("model.yaml") : asPath;
            Path abs = file.toAbsolutePath().normalize();
            return entries.stream().filter(e -> e.file().equals(abs)).map(e -> e.manifest().id()).findFirst()
                    .orElseThrow(() -> new UsageException(model + " is not a manifest of the catalog"));
        }
        return entries.stream().map(e -> e.manifest().id()).filter(model::equals).findFirst()
                .orElseThrow(() -> new UsageException("unknown model `" + model + "`" + ClosestMatch.among(model, entries.stream().map(e -> e.manifest().id()).toList()).map(s -> "; did you mean `" + s + "`?").orElse("")));
    }
}
