package org.slmhub.cli;

import org.slmhub.catalog.HumanUnits;
import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.HistoryException;
import org.slmhub.history.ModelHistory;
import org.slmhub.index.CatalogCommit;
import org.slmhub.index.CatalogIndexer;
import org.slmhub.index.IndexArchive;
import org.slmhub.index.IndexException;
import org.slmhub.index.IndexInputs;
import org.slmhub.index.SmokeStatuses;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "index",
        mixinStandardHelpOptions = true,
        description = {
            "Build the offline search index of the catalog for `slmhub search`.",
            "One Lucene document per model: full text, exact filters and facets, numbers for ranges and sorts.",
            "Dates added and updated come from the catalog's Git history, smoke statuses from --smoke-report (else `unknown`).",
            "The catalog must pass `slmhub validate` first."},
        footer = {"", "Examples:",
            "  slmhub index                                   write target/index",
            "  slmhub index --smoke-report report.json --archive slmhub-index.zip",
            "", "Exit codes: 0 written, 1 the catalog has problems, 2 usage or internal error."})
final class IndexCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalogOption;

    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/index",
            description = "The index folder; an index there is replaced (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--smoke-report", paramLabel = "FILE", description = "A report of `slmhub smoke --report`, for the smoke facet.")
    Path smokeReport;

    @Option(names = "--archive", paramLabel = "FILE",
            description = "Also write the index as one zip file (e.g. slmhub-index.zip) and FILE.sha256 beside it, for publishing.")
    Path archive;

    @Override
    public Integer call() throws IOException {
        PrintWriter out = spec.commandLine().getOut();
        Path root = catalogOption.root();
        if (archive != null && archive.toAbsolutePath().normalize().startsWith(out())) {
            throw new UsageException("--archive " + archive + " is inside --out " + this.out + ": write it elsewhere, it would pack itself");
        }
        long t0 = System.nanoTime();
        List<CatalogEntry> entries = ValidCatalog.load(root, spec.commandLine().getErr());
        if (entries == null) {
            return ExitCode.PROBLEMS;
        }
        List<ModelManifest> models = entries.stream().map(CatalogEntry::manifest).toList();
        IndexInputs inputs = inputs(root);
        out.printf("loaded %d models, their Git dates and smoke statuses in %d ms%n", models.size(), millisSince(t0));
        long t1 = System.nanoTime();
        try {
            CatalogIndexer.Summary summary = CatalogIndexer.write(out(), models, inputs);
            out.printf("indexed %d models into %s (%s) in %d ms%n", summary.models(), this.out, HumanUnits.formatBytes(summary.bytes()), millisSince(t1));
        } catch (IndexException e) {
            throw new UsageException(e.getMessage());
        }
        if (archive != null) {
            IndexArchive.Written written = IndexArchive.write(out(), archive);
            out.printf("wrote %s (%s) and %s: sha256 %s%n", archive, HumanUnits.formatBytes(written.bytes()), written.digestFile().getFileName(), written.sha256());
        }
        out.flush();
        return ExitCode.OK;
    }

    private IndexInputs inputs(Path root) throws IOException {
        try {
            Map<String, ModelHistory.Dates> dates = ModelHistory.read(root);
            Map<String, String> smoke = smokeReport == null ? Map.of() : SmokeStatuses.read(smokeReport);
            return new IndexInputs(dates, smoke, CatalogCommit.of(root).orElse(null), Instant.now());
        } catch (HistoryException | IndexException e) {
            throw new UsageException(e.getMessage());
        }
    }

    private Path out() {
        return out.toAbsolutePath().normalize();
    }

    private static long millisSince(long start) {
        return (System.nanoTime() - start) / 1_000_000;
    }
}
