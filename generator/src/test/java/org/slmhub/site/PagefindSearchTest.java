package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebDriver;
import org.slmhub.TestPaths;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.cli.CliRun;
import org.slmhub.history.ModelHistory;

/**
 * The build with browser search; runs only where npx has Pagefind cached, so it never needs the
 * network. Then the records themselves: hostile names, licenses and quantizations indexed by the
 * real Pagefind and searched with its JS API in headless Chromium come back exactly as written.
 */
class PagefindSearchTest {
    /** Hostile text for the fields that become meta and filters: markup, an entity, quotes, a comma and a colon. */
    private static final String HOSTILE = "<b>x</b> &amp; \"q\", y: z &lt;";
    /** Searches with Pagefind's JS API; returns each result's url, meta, filters, content and excerpt (as text). */
    private static final String SEARCH = """
            const [term, options, done] = [arguments[0], arguments[1], arguments[arguments.length - 1]];
            (async () => {
              if (!window.pf) {
                window.pf = await import("/pagefind/pagefind.js");
                await window.pf.options({noWorker: true});
              }
              const found = await window.pf.search(term, options);
              const pages = await Promise.all(found.results.map(r => r.data()));
              return pages.map(p => ({url: p.url, meta: p.meta, filters: p.filters, content: p.content,
                excerpt: new DOMParser().parseFromString(p.excerpt, "text/html").body.textContent}));
            })().then(done, e => done("failed: " + e));""";

    @TempDir
    Path tmp;

    @Test
    void indexesModelPagesWithFiltersAndSorts() throws IOException {
        Assumptions.assumeTrue(Pagefind.availableOffline(),
                "npx cannot run pagefind@" + Pagefind.VERSION + " offline (not in the npm cache, or no Node.js): browser search not tested");
        Path catalog = SiteFixture.catalog(tmp);
        Path out = tmp.resolve("site");
        CliRun run = CliRun.of("build", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(), "--out", out.toString());
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("search: 3 pages"), run::toString);
        var entry = new ObjectMapper().readTree(out.resolve("pagefind/pagefind-entry.json").toFile());
        assertEquals(3, entry.get("languages").get("en").get("page_count").asInt());
        for (String file : List.of("pagefind.js", "pagefind-entry.json", "wasm.en.pagefind")) {
            assertTrue(Files.isRegularFile(out.resolve("pagefind").resolve(file)), file);
        }
        try (var filters = Files.list(out.resolve("pagefind/filter"))) {
            assertEquals(7, filters.count(), "one chunk per filter: task, license, architecture, format, quantization, language, size");
        }
        Document models = SiteFixture.page(out, "models/index.html");
        for (String id : List.of("search-input", "sort", "filter-task", "filter-license", "filter-architecture", "filter-format",
                "filter-quantization", "filter-language", "filter-size", "search-results", "result-count", "shown-count")) {
            assertNotNull(models.getElementById(id), id);
        }
        assertFalse(Files.readString(out.resolve("site.js")).contains("pagefind-ui"), "the site's own search UI, not Pagefind's");

        CliRun again = CliRun.of("build", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(), "--out", out.toString());
        assertTrue(again.out().contains("search: unchanged"), "same records, no new index\n" + again);
        Path manifest = catalog.resolve("ggml-org/stories260k/model.yaml");
        Files.writeString(manifest, Files.readString(manifest).replace("\nsummary: A 260K-parameter", "\nsummary: A retitled 260K-parameter"));
        CliRun edited = CliRun.of("build", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(), "--out", out.toString());
        assertTrue(edited.out().contains("search: 3 pages"), "an edited model is indexed again\n" + edited);
        assertTrue(edited.err().contains("(1 made, 2 kept from the last build)"), "one record made, the others kept\n" + edited);

        // the kept and the made records are the records a build from scratch makes
        Path fresh = tmp.resolve("fresh");
        CliRun scratch = CliRun.of("build", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(), "--out", fresh.toString());
        assertTrue(scratch.err().contains("(3 made, 0 kept from the last build)"), scratch::toString);
        assertArrayEquals(Files.readAllBytes(fresh.resolve(KeptSearchRecords.FILE)), Files.readAllBytes(out.resolve(KeptSearchRecords.FILE)));
    }

    /** Each page's fragment a file of its own (the default up to 1,000 pages), and fragments bundled (beyond 2 pages). */
    @ParameterizedTest(name = "separate fragments up to {0} pages")
    @ValueSource(ints = {Pagefind.SEPARATE_FRAGMENTS, 2})
    void searchResultsCarryEachRecordsMetaFiltersAndSortsAsWritten(int separateFragments) throws IOException, InterruptedException {
        Assumptions.assumeTrue(Chromium.present(), Chromium.ABSENT);
        Assumptions.assumeTrue(Pagefind.availableOffline(), "npx cannot run pagefind@" + Pagefind.VERSION + " offline: search results not tested");
        List<SearchRecord> records = List.of(
                record(manifest("acme/hostile", "Name " + HOSTILE, "Zebrafish tells stories. " + HOSTILE, HOSTILE, "llama", "Q8_0 " + HOSTILE, 1_000_000),
                        "2026-01-02"),
                record(manifest("acme/my-index.html", "Indexed", "Quokka writes code.", "MIT", "qwen2", "Q4_K_M", 5_000_000), "2025-05-05"),
                record(manifest("other/plain", "Plain", "Wombat answers questions.", "MIT", "llama", "Q4_K_M", 2_000_000_000L), "2026-03-03"));
        Path site = tmp.resolve("site");
        try (Pagefind.Indexer indexer = Pagefind.start(site, separateFragments)) {
            for (SearchRecord r : records) {
                indexer.add(r);
            }
            indexer.index();
            assertEquals("3 pages", indexer.finish());
        }
        try (var fragments = Files.list(site.resolve("pagefind/fragment"))) {
            assertEquals(separateFragments < records.size() ? separateFragments : records.size(), fragments.count(), "fragment files");
        }
        Files.writeString(site.resolve("index.html"), "<!DOCTYPE html><title>search</title>");
        SearchRecord hostile = records.get(0);
        List<String> urls = records.stream().map(SearchRecord::url).toList();

        try (SiteServer server = new SiteServer(site, 0, "/")) {
            WebDriver browser = Chromium.start(Chromium.options(tmp));
            try {
                browser.manage().timeouts().scriptTimeout(Duration.ofSeconds(30)); // a hang guard
                browser.get("http://127.0.0.1:" + server.port() + "/");
                List<Map<String, Object>> all = search(browser, null, Map.of("sort", Map.of("params", "asc")));
                assertEquals(urls, all.stream().map(r -> r.get("url")).toList(), "smallest first; a name holding index.html keeps it");
                for (int i = 0; i < records.size(); i++) {
                    SearchRecord r = records.get(i);
                    Map<String, Object> result = all.get(i);
                    assertEquals(r.meta(), result.get("meta"), r.url());
                    assertEquals(r.filters(), result.get("filters"), r.url());
                    assertEquals(r.content().replaceAll("\\s+", " ").strip(), result.get("content"), "the same words: " + r.url());
                    String excerpt = (String) result.get("excerpt");
                    // the summary first, its markup as text (Pagefind's excerpt escapes < and > but leaves an entity's text as it is)
                    String summary = r.content().lines().findFirst().orElseThrow();
                    assertTrue(excerpt.startsWith(summary.replaceFirst("&.*", "")), summary + " | " + excerpt);
                }
                assertEquals(List.of(urls.get(2), urls.get(1), urls.get(0)), urlsOf(search(browser, null, Map.of("sort", Map.of("params", "desc")))));
                assertEquals(List.of(urls.get(2), urls.get(0), urls.get(1)), urlsOf(search(browser, null, Map.of("sort", Map.of("date", "desc")))));

                // hostile filter values find their model, and only it
                for (String filter : List.of("license", "quantization")) {
                    String value = hostile.filters().get(filter).get(0);
                    assertTrue(value.toLowerCase(Locale.ROOT).contains(HOSTILE.toLowerCase(Locale.ROOT)), value); // quantizations are upper case
                    assertEquals(List.of(urls.get(0)), urlsOf(search(browser, null, Map.of("filters", Map.of(filter, value)))), filter);
                }
                assertEquals(List.of(urls.get(1), urls.get(2)), urlsOf(search(browser, null,
                        Map.of("filters", Map.of("license", "MIT"), "sort", Map.of("params", "asc")))));
                assertEquals(List.of(urls.get(0), urls.get(2)), urlsOf(search(browser, null,
                        Map.of("filters", Map.of("architecture", "llama"), "sort", Map.of("params", "asc")))));
                assertEquals(List.of(urls.get(1)), urlsOf(search(browser, "quokka", Map.of())));
                assertEquals(List.of(urls.get(0)), urlsOf(search(browser, "zebrafish", Map.of("filters", Map.of("size", "under 100M")))));
                // meta, filter and sort text is not searched: the format and the size band are in no content
                assertEquals(List.of(), search(browser, "gguf", Map.of()));
                assertEquals(List.of(), search(browser, "000000001000000", Map.of()));
            } finally {
                browser.quit();
            }
        }
    }

    @Test
    void aFailedRunSaysWhyInPagefindsWordsAndRemovesTheRecords() throws IOException, InterruptedException {
        Assumptions.assumeTrue(Pagefind.availableOffline(), "npx cannot run pagefind@" + Pagefind.VERSION + " offline: failures not tested");
        Path records = Files.createDirectories(tmp.resolve("records"));
        Path output = tmp.resolve("site/pagefind");
        try (Pagefind.Indexer indexer = new Pagefind.Indexer(pages -> Pagefind.command(pages, output), records, output)) {
            indexer.add(new SearchRecord("models/a/b/index.html", "en", "", Map.of("title", "B"), Map.of(), Map.of())); // no words
            indexer.index();
            IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, indexer::finish);
            System.out.println("a failed Pagefind run, as the build reports it: " + e.getMessage());
            assertTrue(e.getMessage().startsWith("Pagefind failed (exit 1): ") && e.getMessage().contains("not able to build an index"),
                    e.getMessage());
            assertEquals(1, e.getMessage().split("not able to build an index", -1).length - 1, "each line once: " + e.getMessage());
            assertFalse(Files.exists(records), "the records are removed after a failed run");
        }
    }

    private static SearchRecord record(ModelManifest m, String updated) {
        Instant day = Instant.parse(updated + "T00:00:00Z");
        ModelView.Context c = new ModelView.Context("/", new CardHtml().lazy(m.card()), new ModelHistory.Dates(day, day, List.of("a")),
                Optional.empty(), List.of(), List.of(), "");
        return PagefindRecords.of(new Page(ModelView.modelPath(m.id()) + "index.html", PagefindRecords.MODEL_TEMPLATE, ModelView.page(m, c)));
    }

    /** A model whose license is {@code license} (an SPDX id, or the name of an other license) and whose weights are one file. */
    private static ModelManifest manifest(String id, String name, String summary, String license, String architecture, String quantization,
                                          long params) {
        boolean spdx = license.equals("MIT");
        ModelManifest.Artifact a = new ModelManifest.Artifact("m.gguf", "gguf", quantization, "https://example.org/m.gguf", "ab".repeat(32), 100, null);
        return new ModelManifest(1, id, name, "Acme", summary, "## Intended use\n\nTests.", spdx ? license : "other", spdx ? null : license,
                spdx ? null : "https://example.org/license", List.of("en"), "text-generation", List.of("tiny"), architecture, params, 2048, List.of(),
                null, List.of(), null, List.of(a), null, null, List.of(), null);
    }

    @SuppressWarnings("unchecked")
    private static List<Map<String, Object>> search(WebDriver browser, String term, Map<String, Object> options) {
        Object found = ((JavascriptExecutor) browser).executeAsyncScript(SEARCH, term, options);
        assertTrue(found instanceof List, "search " + term + " " + options + ": " + found);
        List<Map<String, Object>> results = new ArrayList<>();
        for (Object r : (List<Object>) found) {
            results.add(new LinkedHashMap<>((Map<String, Object>) r));
        }
        return results;
    }

    private static List<Object> urlsOf(List<Map<String, Object>> results) {
        return results.stream().map(r -> r.get("url")).toList();
    }
}
