package org.slmhub.cli;

import java.io.IOException;
import java.util.concurrent.Callable;
import org.slmhub.site.SiteBuild;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Spec;

@Command(name = "build",
        mixinStandardHelpOptions = true,
        description = {
            "Build the static site of the catalog into --out.",
            "It holds the content/ pages baked by JBake, a page per model, listings, compare,",
            "api/models.json, the schema, an Atom feed, sitemap.xml, and browser search (Pagefind, through npx).",
            "Only pages whose inputs changed since the last build into the same folder are rendered again."},
        footer = {"", "Examples:",
            "  slmhub build                                   into target/site, served from /",
            "  slmhub build --base-url /slmhub/ --no-search   for a sub-path, without Node.js",
            "", "Exit codes: 0 built, 1 the catalog has problems, 2 usage or internal error."})
final class BuildCommand implements Callable<Integer> {
    @Spec
    CommandSpec spec;

    @Mixin
    CatalogOption catalogOption;

    @Mixin
    SiteBuildOptions site;

    @Override
    public Integer call() throws InterruptedException {
        long t0 = System.nanoTime();
        SiteBuild.Result r;
        try {
            r = SiteBuilds.run(catalogOption.root(), site, spec.commandLine().getErr());
        } catch (IOException e) { // a failed stage (JBake, a template, Pagefind) says what failed in one line
            throw new UsageException(e.getMessage());
        }
        if (r == null) {
            return ExitCode.PROBLEMS;
        }
        spec.commandLine().getOut().printf("built %s: %d models, %d of %d pages rendered, %d data files written%s, search: %s (%d ms)%n",
                site.out, r.models(), r.pagesRendered(), r.pagesPlanned(), r.dataWritten(),
                r.contentBaked() ? ", content baked" : "", r.search(), (System.nanoTime() - t0) / 1_000_000);
        return ExitCode.OK;
    }
}
