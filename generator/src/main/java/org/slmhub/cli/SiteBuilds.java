package org.slmhub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.io.UncheckedIOException;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.catalog.ParsedManifests;
import org.slmhub.index.IndexArchive;
import org.slmhub.site.ManifestDigests;
import org.slmhub.site.SiteBuild;
import org.slmhub.site.SiteMemo;
import org.slmhub.site.SiteOptions;
import org.slmhub.validate.CheckedManifests;
import org.slmhub.validate.ManifestSchema;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/**
 * One site build as {@code build} and {@code serve} run it: load the catalog, validate it, then the
 * site stages; every stage prints one timing line to stderr.
 */
final class SiteBuilds {
    private SiteBuilds() {
    }

    /**
     * What a process that builds again and again ({@code serve}) keeps between builds: parsed
     * manifests, each file's own validation, and the site's per-model data, reused while the file is unchanged.
     */
    record Kept(ParsedManifests parsed, Validator validator, SiteMemo site) {
        static Kept fresh() {
            return new Kept(new ParsedManifests(), Validator.remembering(), new SiteMemo());
        }
    }

    /** A one-off build. @return the result, or null after printing why the catalog is not valid */
    static SiteBuild.Result run(Path catalog, SiteBuildOptions o, PrintWriter err) throws IOException, InterruptedException {
        return run(catalog, o, err, null);
    }

    /** A build reusing what {@code kept} holds of earlier builds (null: nothing). */
    static SiteBuild.Result run(Path catalog, SiteBuildOptions o, PrintWriter err, Kept kept) throws IOException, InterruptedException {
        SiteOptions options = o.siteOptions();
        Path out = o.out.toAbsolutePath().normalize();
        long t0 = System.nanoTime();
        if (kept == null) {
            // the schema loads (a third of a second) while the kept checks are read: a changed file needs it
            Thread schema = new Thread(ManifestSchema::get, "slmhub-schema");
            schema.setDaemon(true);
            schema.start();
        }
        // a one-off build's checks also give the site each manifest's digest, the start of its pages' keys
        CheckedManifests checks = kept == null ? CheckedManifests.read(out.resolve(CheckedManifests.FILE)) : null;
        ValidationReport report = kept == null ? loadAndValidate(catalog, checks, t0, err) : loadAndValidate(catalog, kept, err);
        if (!report.passed()) {
            err.println("slmhub: the catalog has problems; fix them first (slmhub validate shows the same):");
            new FindingsPrinter().print(report, FindingsPrinter.Format.human, err);
            return null;
        }
        // the new checks are kept for the next build, written beside the site stages
        CompletableFuture<String> keep = kept != null || !checks.changed() ? CompletableFuture.completedFuture("")
                : inThread("slmhub-keep-checks", () -> {
                    checks.write(out.resolve(CheckedManifests.FILE));
                    return "";
                });
        List<CatalogEntry> entries = report.entries();
        // The offline-search archive needs only the catalog: it is built beside the site stages.
        ManifestDigests digests = kept == null ? checks::digest : ManifestDigests.NONE;
        CompletableFuture<String> archive = offlineIndex(entries, catalog, o.smokeReport, out, digests);
        SiteBuild build = new SiteBuild(entries, catalog, o.smokeReport, options, out, line -> err.println("build: " + line),
                kept == null ? new SiteMemo() : kept.site(), digests);
        SiteBuild.Result result;
        try {
            result = build.run(!o.noSearch);
        } catch (IOException | InterruptedException | RuntimeException e) {
            archive.handle((written, failure) -> null).join(); // never leave a writer behind (serve builds again)
            keep.handle((written, failure) -> null).join();
            throw e;
        }
        long t = System.nanoTime();
        String written = await(archive);
        err.printf("build: %-28s %6d ms%s%n", "offline search index, waited", (System.nanoTime() - t) / 1_000_000, written);
        await(keep);
        return result;
    }

    /** In a process that builds again and again: unchanged files stay parsed and checked in memory. */
    private static ValidationReport loadAndValidate(Path catalog, Kept kept, PrintWriter err) {
        long t0 = System.nanoTime();
        CatalogFiles files = CatalogFiles.read(catalog, List.of(), kept.parsed());
        long t1 = System.nanoTime();
        err.printf("build: %-28s %6d ms%n", "load catalog", (t1 - t0) / 1_000_000);
        ValidationReport report = kept.validator().validate(files.manifests(), List.of(), files.misplaced());
        err.printf("build: %-28s %6d ms%n", "validate", (System.nanoTime() - t1) / 1_000_000);
        return report;
    }

    /** A one-off build: the checks of unchanged files come from what the last build into the site folder kept ({@link CheckedManifests}). */
    private static ValidationReport loadAndValidate(Path catalog, CheckedManifests checks, long t0, PrintWriter err) {
        long t1 = System.nanoTime();
        err.printf("build: %-28s %6d ms (checks of the last build: %s)%n", "load catalog", (t1 - t0) / 1_000_000, checks.state());
        ValidationReport report = checks.validate(catalog, new Validator());
        err.printf("build: %-28s %6d ms (%d of %d manifests parsed and checked, the others unchanged)%n", "validate",
                (System.nanoTime() - t1) / 1_000_000, checks.parsed(), report.filesChecked());
        return report;
    }

    private static CompletableFuture<String> offlineIndex(List<CatalogEntry> entries, Path catalog, Path smokeReport, Path out,
                                                          ManifestDigests digests) throws IOException {
        SiteIndexArchive.Inputs inputs = SiteIndexArchive.inputs(entries, catalog, smokeReport, digests);
        if (SiteIndexArchive.current(out, inputs)) {
            return CompletableFuture.completedFuture(" (unchanged)");
        }
        return inThread("slmhub-offline-index", () -> {
            long t = System.nanoTime();
            IndexArchive.Written archive = SiteIndexArchive.write(entries, catalog, smokeReport, out, inputs);
            return String.format(" (built in %d ms: %s, %d files compressed as the last build did them, sha256 %s)", (System.nanoTime() - t) / 1_000_000,
                    SiteIndexArchive.PATH, archive.reusedEntries(), archive.sha256());
        });
    }

    private interface Work {
        String run() throws IOException;
    }

    /** Work on a thread of its own, beside the site stages. */
    private static CompletableFuture<String> inThread(String name, Work work) {
        return CompletableFuture.supplyAsync(() -> {
            try {
                return work.run();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> new Thread(runnable, name).start());
    }

    private static String await(CompletableFuture<String> stage) throws IOException, InterruptedException {
        try {
            return stage.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
