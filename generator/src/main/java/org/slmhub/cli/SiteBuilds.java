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
        // a one-off build's checks also give the site each manifest's digest, the start of its pages' keys
        CheckedManifests checks = kept == null ? CheckedManifests.read(out.resolve(CheckedManifests.FILE)) : null;
        ValidationReport report = kept == null ? loadAndValidate(catalog, out, checks, t0, err) : loadAndValidate(catalog, kept, err);
        if (!report.passed()) {
            err.println("slmhub: the catalog has problems; fix them first (slmhub validate shows the same):");
            new FindingsPrinter().print(report, FindingsPrinter.Format.human, err);
            return null;
        }
        List<CatalogEntry> entries = report.entries();
        // The offline-search archive needs only the catalog: it is built beside the site stages.
        CompletableFuture<String> archive = offlineIndex(entries, catalog, o.smokeReport, out);
        SiteBuild build = new SiteBuild(entries, catalog, o.smokeReport, options, out, line -> err.println("build: " + line),
                kept == null ? new SiteMemo() : kept.site(), kept == null ? checks::digest : ManifestDigests.NONE);
        SiteBuild.Result result;
        try {
            result = build.run(!o.noSearch);
        } catch (IOException | InterruptedException | RuntimeException e) {
            archive.handle((written, failure) -> null).join(); // never leave a writer behind (serve builds again)
            throw e;
        }
        long t = System.nanoTime();
        String written = await(archive);
        err.printf("build: %-28s %6d ms%s%n", "offline search index, waited", (System.nanoTime() - t) / 1_000_000, written);
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

    /**
     * A one-off build: the checks of unchanged files come from what the last build into {@code out}
     * kept ({@link CheckedManifests}); the new checks are kept for the next build once the catalog passes.
     */
    private static ValidationReport loadAndValidate(Path catalog, Path out, CheckedManifests checks, long t0, PrintWriter err) throws IOException {
        Path file = out.resolve(CheckedManifests.FILE);
        long t1 = System.nanoTime();
        err.printf("build: %-28s %6d ms (checks of the last build: %s)%n", "load catalog", (t1 - t0) / 1_000_000, checks.state());
        ValidationReport report = checks.validate(catalog, new Validator());
        if (report.passed() && checks.changed()) {
            checks.write(file);
        }
        err.printf("build: %-28s %6d ms (%d of %d manifests parsed and checked, the others unchanged)%n", "validate",
                (System.nanoTime() - t1) / 1_000_000, checks.parsed(), report.filesChecked());
        return report;
    }

    private static CompletableFuture<String> offlineIndex(List<CatalogEntry> entries, Path catalog, Path smokeReport, Path out) throws IOException {
        SiteIndexArchive.Inputs inputs = SiteIndexArchive.inputs(entries, catalog, smokeReport);
        if (SiteIndexArchive.current(out, inputs)) {
            return CompletableFuture.completedFuture(" (unchanged)");
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                long t = System.nanoTime();
                IndexArchive.Written archive = SiteIndexArchive.write(entries, catalog, smokeReport, out, inputs);
                return String.format(" (built in %d ms: %s, sha256 %s)", (System.nanoTime() - t) / 1_000_000, SiteIndexArchive.PATH, archive.sha256());
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> new Thread(runnable, "slmhub-offline-index").start());
    }

    private static String await(CompletableFuture<String> stage) throws IOException, InterruptedException {
        try {
            return stage.get();
        } catch (ExecutionException e) {
            throw e.getCause() instanceof UncheckedIOException io ? io.getCause() : new IOException(e.getCause().getMessage(), e.getCause());
        }
    }
}
