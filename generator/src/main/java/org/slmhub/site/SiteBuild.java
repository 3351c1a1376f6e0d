package org.slmhub.site;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Consumer;
import java.util.stream.IntStream;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.history.HistoryException;
import org.slmhub.history.ModelHistory;
import org.slmhub.validate.CheckerVersion;
import org.slmhub.validate.ManifestSchema;

/**
 * The site build after the catalog is loaded and valid: history, smoke results, plan, content
 * (JBake), model pages, data files, search. Each stage is a method; {@link #run} times each and
 * reports one line per stage to the caller.
 */
public final class SiteBuild {
    /** What a build did: pages rendered by the generator (unchanged ones are skipped), data files written. */
    public record Result(int models, int pagesPlanned, int pagesRendered, int dataWritten, boolean contentBaked, String search) {
    }

    private final List<CatalogEntry> entries;
    private final Path catalogRoot;
    private final Path smokeReport;
    private final SiteOptions options;
    private final Path out;
    private final Consumer<String> log;
    private final SiteMemo memo;
    private final ManifestDigests digests;
    private static volatile String siteCode;

    public SiteBuild(List<CatalogEntry> entries, Path catalogRoot, Path smokeReport, SiteOptions options, Path out, Consumer<String> log) {
        this(entries, catalogRoot, smokeReport, options, out, log, new SiteMemo(), ManifestDigests.NONE);
    }

    /**
     * A build that reuses what {@code memo} kept of earlier builds in this process (serve), and
     * starts each model's key from its file's digest where {@code digests} knows it.
     */
    public SiteBuild(List<CatalogEntry> entries, Path catalogRoot, Path smokeReport, SiteOptions options, Path out, Consumer<String> log,
                     SiteMemo memo, ManifestDigests digests) {
        this.memo = memo;
        this.digests = digests;
        this.entries = entries;
        this.catalogRoot = catalogRoot;
        this.smokeReport = smokeReport;
        this.options = options;
        this.out = out;
        this.log = log;
    }

    public Result run(boolean search) throws IOException, InterruptedException {
        Files.createDirectories(out);
        BuildState state = BuildState.read(out);
        if (!state.description().equals("kept")) {
            log.accept("state of the last build: " + state.description() + ", everything is built");
        }
        SiteWriter writer = new SiteWriter(out, state);
        // the templates are read and parsed beside the planning, so the first changed page renders at once
        CompletableFuture<SiteTemplates> templates = CompletableFuture.supplyAsync(() -> {
            try {
                return templates(options).preload();
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, runnable -> new Thread(runnable, "slmhub-templates").start());
        try (Pagefind.Indexer indexer = search ? Pagefind.start(out) : null) {
            Map<String, ModelHistory.Dates> history = timed("history", this::history);
            SmokeResults smoke = timed("smoke report", this::smoke);
            Rows rows = timed("model keys", () -> new Rows(entries, history, options.baseUrl(), memo, digests));
            List<Page> pages = timed("plan pages", () -> SitePlan.of(entries, rows, history, smoke, options, memo));
            boolean reindex = indexer != null && searchChanged(state, pages);
            if (indexer != null && !reindex) {
                indexer.close(); // the same records as last time: the index in pagefind/ stands
            }
            String templatesHash = templatesHash(options);
            CompletableFuture<Boolean> content = startContentBake(state, templatesHash);
            int rendered;
            int data;
            try {
                if (reindex) {
                    writeRecords(indexer, pages);
                }
                rendered = timed("render pages", () -> writer.render(pages, await(templates), templatesHash));
                data = timed("write data files", () -> writeData(writer, rows, history, smoke, pages));
            } catch (IOException | InterruptedException | RuntimeException e) {
                // JBake's document store is one per process: a bake left running would break the next build (serve)
                content.handle((baked, failure) -> null).join();
                throw e;
            }
            boolean baked = await(content);
            writer.removeStale();
            String indexed = indexer == null ? "off" : "unchanged";
            if (reindex) {
                indexed = timed("search index (Pagefind " + Pagefind.VERSION + ", waited)", indexer::finish);
            }
            state.write(out); // after the search index, so a failed Pagefind run is not recorded as done
            memo.endBuild();
            return new Result(entries.size(), pages.size(), rendered, data, baked, indexed);
        }
    }

    /** Whether the search records differ from the last build's (or its index is gone); records the new state. */
    private boolean searchChanged(BuildState state, List<Page> pages) {
        List<String> prints = new java.util.ArrayList<>();
        prints.add(Pagefind.VERSION + " " + PagefindRecords.CARD_WORDS);
        for (Page page : pages) {
            if (PagefindRecords.indexed(page)) {
                prints.add(page.path() + " " + page.key());
            }
        }
        boolean changed = state.changed(out, "@pagefind", BuildState.fingerprint(prints));
        return changed || !Files.isRegularFile(out.resolve("pagefind/pagefind-entry.json"));
    }

    /**
     * Plans and renders the generator's pages only (no JBake, data files, history or search) into
     * {@code out}, which must be empty: how long rendering takes with the cores to itself, as a
     * benchmark compares it with other generators. Returns {pages, milliseconds}.
     */
    public static long[] renderOnly(List<CatalogEntry> entries, SiteOptions options, Path out) throws IOException {
        List<Page> pages = SitePlan.of(entries, Map.of(), SmokeResults.none(), options);
        SiteWriter writer = new SiteWriter(out, BuildState.read(out));
        String templatesHash = templatesHash(options);
        SiteTemplates templates = templates(options);
        long t0 = System.nanoTime();
        int rendered = writer.render(pages, templates, templatesHash);
        return new long[] {rendered, (System.nanoTime() - t0) / 1_000_000};
    }

    /**
     * Gives Pagefind every model page's search record, made on every core (rendering its card, which
     * the page then reuses) unless the last build kept it for the same page key ({@link KeptSearchRecords}),
     * then starts Pagefind on them: it writes its index while the pages render. The records are kept for the next build.
     */
    private void writeRecords(Pagefind.Indexer indexer, List<Page> pages) throws IOException {
        long t0 = System.nanoTime();
        List<Page> indexed = pages.stream().filter(PagefindRecords::indexed).toList();
        // serve's rebuilds have each page's data (and card) in memory already
        KeptSearchRecords kept = memo.hasEarlierBuild() ? KeptSearchRecords.NONE : KeptSearchRecords.read(out, siteCode());
        String[] keyHashes = new String[indexed.size()];
        byte[][] htmls = new byte[indexed.size()][];
        AtomicInteger made = new AtomicInteger();
        try {
            IntStream.range(0, indexed.size()).parallel().forEach(i -> {
                Page page = indexed.get(i);
                String keyHash = BuildState.contentHash(page.key());
                byte[] html = kept.html(page.path(), keyHash);
                if (html == null) {
                    html = PagefindRecords.of(page).html().getBytes(StandardCharsets.UTF_8);
                    made.incrementAndGet();
                }
                keyHashes[i] = keyHash;
                htmls[i] = html;
                try {
                    indexer.add(page.path(), html);
                } catch (IOException e) {
                    throw new UncheckedIOException(e);
                }
            });
        } catch (UncheckedIOException e) {
            throw new IOException("cannot write a search record: " + e.getCause().getMessage(), e.getCause());
        }
        indexer.index();
        KeptSearchRecords.write(out, siteCode(), indexed.stream().map(Page::path).toList(), List.of(keyHashes), List.of(htmls));
        log.accept(String.format("%-28s %6d ms (%d made, %d kept from the last build)", "search records", (System.nanoTime() - t0) / 1_000_000,
                made.get(), indexed.size() - made.get()));
    }

    private Map<String, ModelHistory.Dates> history() throws IOException {
        try {
            return ModelHistory.read(catalogRoot);
        } catch (HistoryException e) {
            throw new IOException(e.getMessage(), e);
        }
    }

    private SmokeResults smoke() throws IOException {
        return smokeReport == null ? SmokeResults.none() : SmokeResults.read(smokeReport);
    }

    /**
     * JBake bakes content/ on its own thread while the generator renders the models: it starts a
     * database and takes seconds whatever the content. It runs only when content/ or templates/ changed.
     */
    private CompletableFuture<Boolean> startContentBake(BuildState state, String templatesHash) {
        String hash = BuildState.folderHash(options.content()) + templatesHash;
        if (!state.changed(out, "@content", hash)) {
            return CompletableFuture.completedFuture(false);
        }
        return CompletableFuture.supplyAsync(() -> {
            try {
                timed("content (JBake, in parallel)", () -> ContentBake.bake(options, out));
                return true;
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException(e);
            }
        }, runnable -> new Thread(runnable, "slmhub-jbake").start());
    }

    private static <T> T await(CompletableFuture<T> stage) throws IOException, InterruptedException {
        try {
            return stage.get();
        } catch (ExecutionException e) {
            if (e.getCause() instanceof UncheckedIOException io) {
                throw io.getCause();
            }
            throw new IOException(e.getCause().getMessage(), e.getCause());
        }
    }

    private static SiteTemplates templates(SiteOptions options) throws IOException {
        return new SiteTemplates(options.templates(), Map.of("base", options.baseUrl(), "title", options.title(), "repoUrl", options.repoUrl()));
    }

    /**
     * What every page is rendered with besides its data: the templates, the site settings, and the
     * site code (a page's key names its models, not the code that turns them into data).
     */
    private static String templatesHash(SiteOptions options) {
        return BuildState.folderHash(options.templates()) + "\n" + options.baseUrl() + "\n" + options.repoUrl() + "\n" + options.title()
                + "\n" + siteCode();
    }

    /** The classes that turn a catalog into pages and data files, and the libraries' versions. */
    private static String siteCode() {
        String code = siteCode;
        if (code == null) {
            code = CheckerVersion.of(List.of("org/slmhub/site/", "org/slmhub/catalog/", "org/slmhub/history/", "org/slmhub/validate/ManifestSchema",
                    "schema/", "META-INF/maven/"), "site");
            siteCode = code;
        }
        return code;
    }

    private int writeData(SiteWriter writer, Rows rows, Map<String, ModelHistory.Dates> history, SmokeResults smoke, List<Page> pages) throws IOException {
        List<ModelManifest> models = entries.stream().map(CatalogEntry::manifest).toList();
        int written = writer.writeChanged(ApiFiles.outputs(models, smoke, rows::manifestKey, memo, out, siteCode()), siteCode());
        written += writer.write("schema/model.schema.json", ManifestSchema.text()) ? 1 : 0;
        written += writer.write("feed.xml", FeedAndSitemap.feed(models, history, options)) ? 1 : 0;
        List<String> paths = new ArrayList<>(pages.stream().map(Page::path).filter(p -> !p.equals("404.html")).toList());
        paths.addAll(contentPages());
        written += writer.write("sitemap.xml", FeedAndSitemap.sitemap(paths, options)) ? 1 : 0;
        return written;
    }

    /** The pages JBake bakes from content/: foo/bar.md becomes foo/bar.html. */
    private List<String> contentPages() throws IOException {
        if (!Files.isDirectory(options.content())) {
            return List.of();
        }
        try (var walk = Files.walk(options.content())) {
            return walk.filter(p -> p.toString().endsWith(".md")).sorted()
                    .map(p -> options.content().relativize(p).toString().replace('\\', '/').replaceAll("\\.md$", ".html")).toList();
        }
    }

    private interface Stage<T> {
        T run() throws IOException, InterruptedException;
    }

    private <T> T timed(String name, Stage<T> stage) throws IOException, InterruptedException {
        long t0 = System.nanoTime();
        T value = stage.run();
        log.accept(String.format("%-28s %6d ms", name, (System.nanoTime() - t0) / 1_000_000));
        return value;
    }
}
