package org.slmhub.cli;

import java.nio.file.Files;
import java.nio.file.Path;
import org.slmhub.site.SiteOptions;
import picocli.CommandLine.Option;

/** The options {@code build} and {@code serve} share: where the site comes from and where it goes. */
final class SiteBuildOptions {
    @Option(names = "--out", paramLabel = "DIR", defaultValue = "target/site",
            description = "The site folder (default: ${DEFAULT-VALUE}).")
    Path out;

    @Option(names = "--base-url", paramLabel = "URL", defaultValue = "/",
            description = "Where the site is served from: / (default), a sub-path such as /slmhub/, or an absolute URL.")
    String baseUrl;

    @Option(names = "--source", paramLabel = "DIR", defaultValue = ".",
            description = "The folder holding content/ and templates/ (default: the current folder, a checkout).")
    Path source;

    @Option(names = "--smoke-report", paramLabel = "FILE",
            description = "A smoke report (slmhub smoke --report FILE) whose results the model pages show.")
    Path smokeReport;

    @Option(names = "--repo-url", paramLabel = "URL", defaultValue = SiteOptions.DEFAULT_REPO_URL,
            description = "The repository's web address, for \"edit this model\" links (default: ${DEFAULT-VALUE}, a placeholder).")
    String repoUrl;

    @Option(names = "--no-search", description = "Build without browser search (Pagefind needs Node.js).")
    boolean noSearch;

    SiteOptions siteOptions() {
        Path src = source.toAbsolutePath().normalize();
        for (String folder : new String[] {"templates", "content"}) {
            if (!Files.isDirectory(src.resolve(folder))) {
                throw new UsageException("no " + folder + "/ folder in " + src + " (run from a checkout, or pass --source DIR)");
            }
        }
        if (smokeReport != null && !Files.isRegularFile(smokeReport)) {
            throw new UsageException("smoke report " + smokeReport + " not found");
        }
        return new SiteOptions(src, baseUrl, repoUrl, "slmhub");
    }
}
