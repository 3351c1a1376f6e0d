package org.slmhub.cli;

import java.io.IOException;
import java.io.PrintWriter;
import java.net.URI;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import org.slmhub.site.ChangeWatcher;
import org.slmhub.site.SiteServer;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "serve",
        mixinStandardHelpOptions = true,
        description = {
            "Build the site, serve it on 127.0.0.1 for preview, and rebuild when models/, content/ or templates/ change.",
            "Stop with Ctrl-C."},
        footer = {"", "Example:", "  slmhub serve --no-search --port 8080     then open http://127.0.0.1:8080/"})
final class ServeCommand implements Callable<Integer> {
    static final long DEBOUNCE_MILLIS = 300;

    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalogOption;

    @Mixin
    SiteBuildOptions site;

    @Option(names = "--port", defaultValue = "8000", description = "The port on 127.0.0.1 (default: ${DEFAULT-VALUE}; 0 picks a free one).")
    int port;

    /** Parsed and checked manifests kept between rebuilds: an edit re-reads one file. */
    private final SiteBuilds.Kept kept = SiteBuilds.Kept.fresh();

    /** Counted down to stop serving; tests stop the command through it. */
    final CountDownLatch stop = new CountDownLatch(1);

    @Override
    public Integer call() throws InterruptedException, IOException {
        Path catalog = catalogOption.root();
        PrintWriter out = spec.commandLine().getOut();
        PrintWriter err = spec.commandLine().getErr();
        if (!rebuild(catalog, err)) {
            return ExitCode.PROBLEMS;
        }
        String basePath = URI.create(site.siteOptions().baseUrl()).getPath();
        try (SiteServer server = new SiteServer(site.out, port, basePath);
             ChangeWatcher watcher = new ChangeWatcher(List.of(catalog, site.siteOptions().content(), site.siteOptions().templates()),
                     DEBOUNCE_MILLIS, () -> rebuild(catalog, err))) {
            out.printf("serving %s at http://127.0.0.1:%d%s (rebuilds on change; Ctrl-C stops)%n", site.out, server.port(), basePath);
            out.flush();
            stop.await();
        }
        return ExitCode.OK;
    }

    /** One build; a failing rebuild prints why and keeps serving the last good site. */
    private synchronized boolean rebuild(Path catalog, PrintWriter err) {
        try {
            boolean ok = SiteBuilds.run(catalog, site, err, kept) != null;
            err.println(ok ? "serve: site rebuilt" : "serve: the catalog has problems; still serving the last build");
            err.flush();
            return ok;
        } catch (IOException | UsageException e) {
            err.println("slmhub: error: " + e.getMessage());
            err.flush();
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
