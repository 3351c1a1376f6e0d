package org.slmhub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.index.IndexArchive;
import org.slmhub.site.SiteBuild;
import org.slmhub.site.SiteOptions;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/**
 * One site build as {@code build} and {@code serve} run it: load the catalog, validate it, then the
 * site stages; every stage prints one timing line to stderr.
 */
final class SiteBuilds {
    private SiteBuilds() {
    }

    /** @return the result, or null after printing why the catalog is not valid */
    static SiteBuild.Result run(Path catalog, SiteBuildOptions o, PrintWriter err) throws IOException, InterruptedException {
        SiteOptions options = o.siteOptions();
        long t0 = System.nanoTime();
        CatalogFiles files = CatalogFiles.read(catalog, List.of());
        long t1 = System.nanoTime();
        err.printf("build: %-28s %6d ms%n", "load catalog", (t1 - t0) / 1_000_000);
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        err.printf("build: %-28s %6d ms%n", "validate", (System.nanoTime() - t1) / 1_000_000);
        if (!report.passed()) {
            err.println("slmhub: the catalog has problems; fix them first (slmhub validate shows the same):");
            new FindingsPrinter().print(report, FindingsPrinter.Format.human, err);
            return null;
        }
        List<CatalogEntry> entries = report.entries();
        Path out = o.out.toAbsolutePath().normalize();
        SiteBuild build = new SiteBuild(entries, catalog, o.smokeReport, options, out, line -> err.println("build: " + line));
        SiteBuild.Result result = build.run(!o.noSearch);
        if (result.pagesRendered() > 0 || !Files.exists(out.resolve(SiteIndexArchive.PATH))) {
            long t = System.nanoTime();
            IndexArchive.Written archive = SiteIndexArchive.write(entries, catalog, o.smokeReport, out);
            err.printf("build: %-28s %6d ms (%s, sha256 %s)%n", "offline search index", (System.nanoTime() - t) / 1_000_000,
                    SiteIndexArchive.PATH, archive.sha256());
        }
        return result;
    }
}
