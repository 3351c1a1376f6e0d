package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.catalog.ModelManifest;

class SitePartsTest {
    @Test
    void humanUnits() {
        assertEquals("490M", HumanUnits.params(490_000_000L));
        assertEquals("1.5B", HumanUnits.params(1_540_000_000L));
        assertEquals("293K", HumanUnits.params(292_800L));
        assertEquals("469 MiB", HumanUnits.bytes(491_400_032L));
        assertEquals("32K", HumanUnits.tokens(32768));
        assertEquals("100M-1B", HumanUnits.sizeBand(490_000_000L));
        for (long n : new long[] {0, 7, 999, 1000, 65_536, 1_234_567, 494_000_000L, 1_540_000_000_000L, -12_345}) {
            assertEquals(String.format(java.util.Locale.ROOT, "%,d", n), HumanUnits.grouped(n), "grouped " + n);
        }
        assertEquals("000000494000000", HumanUnits.sortKey(494_000_000L));
        assertEquals("000000000000007", HumanUnits.sortKey(7));
    }

    @Test
    void slugsAreSafePathSegments() {
        assertEquals("apache-2.0", Slugs.of("Apache-2.0"));
        assertEquals("llama-3.2-community", Slugs.of("Llama 3.2 Community"));
        assertEquals("x", Slugs.of("../"));
    }

    @Test
    void snippetsUseHuggingFaceShortcutsOnlyForFilesHostedThere() {
        ModelManifest.Artifact hf = new ModelManifest.Artifact("m-q4_k_m.gguf", "gguf", "Q4_K_M",
                "https://huggingface.co/acme/m-GGUF/resolve/abc123/m-q4_k_m.gguf", "0".repeat(64), 100, null);
        Map<String, String> s = RunSnippets.of(manifest(hf), hf);
        assertEquals("llama-cli -hf acme/m-GGUF:Q4_K_M", s.get("llama.cpp"));
        assertEquals("ollama run hf.co/acme/m-GGUF:Q4_K_M", s.get("Ollama"));
        assertEquals("slmhub run acme/m:Q4_K_M", s.get("slmhub"));
        assertTrue(s.get("Java").contains("hub.load(\"acme/m:Q4_K_M\")"));

        ModelManifest.Artifact elsewhere = new ModelManifest.Artifact("m.gguf", "gguf", "Q8_0", "https://example.org/m.gguf", "1".repeat(64), 100, null);
        Map<String, String> other = RunSnippets.of(manifest(elsewhere), elsewhere);
        assertEquals("curl -L -o m.gguf https://example.org/m.gguf\nllama-cli -m m.gguf", other.get("llama.cpp"));
        assertFalse(other.containsKey("Ollama"));

        // shell syntax in a (valid) URL: quoted for curl, and never taken for a Hugging Face repository name
        ModelManifest.Artifact hostile = new ModelManifest.Artifact("m.gguf", "gguf", "Q8_0",
                "https://huggingface.co/$(id)/x/resolve/abc/it's.gguf", "2".repeat(64), 100, null);
        Map<String, String> quoted = RunSnippets.of(manifest(hostile), hostile);
        assertEquals("curl -L -o m.gguf 'https://huggingface.co/$(id)/x/resolve/abc/it'\\''s.gguf'\nllama-cli -m m.gguf", quoted.get("llama.cpp"));
        assertFalse(quoted.containsKey("Ollama") || quoted.containsKey("LM Studio"), quoted.toString());
    }

    /** The generator's templates escape even where a template forgot its {@code <#ftl output_format="HTML">} header. */
    @Test
    void templatesEscapeHtmlByDefault(@TempDir Path folder) throws IOException {
        Files.writeString(folder.resolve("layout.ftl"), "<#ftl output_format=\"HTML\">");
        Files.writeString(folder.resolve("bare.ftl"), "<h1>${name}</h1><p title=\"${name}\">${site.title}</p>");
        StringWriter out = new StringWriter();
        new SiteTemplates(folder, Map.of("title", "a & b")).render(new Page("x.html", "bare.ftl", Map.of("name", "<script>\"'")), out);
        assertEquals("<h1>&lt;script&gt;&quot;&#39;</h1><p title=\"&lt;script&gt;&quot;&#39;\">a &amp; b</p>", out.toString());
    }

    @Test
    void cardHtmlKeepsMarkdownAndDropsActiveContent() {
        String html = new CardHtml().render("## Intended use\n\n<script>alert(1)</script>\n\n[ok](https://example.org) "
                + "[bad](javascript:alert(2)) <img src=x onerror=alert(3)> <b onclick=\"x()\">bold</b>\n\n| a | b |\n|---|---|\n| 1 | 2 |\n");
        assertTrue(html.contains("<h2>Intended use</h2>"), html);
        assertTrue(html.contains("<a href=\"https://example.org\" rel=\"nofollow noopener\">ok</a>"), html);
        assertTrue(html.contains(" bad "), "a link with a disallowed protocol keeps its text only: " + html);
        assertTrue(html.contains("<table>"), html);
        assertFalse(html.contains("script") || html.contains("javascript:") || html.contains("onerror") || html.contains("onclick") || html.contains("<img"), html);
    }

    @Test
    void fingerprintsIgnoreMapOrder() {
        assertEquals(BuildState.fingerprint(Map.of("a", "1", "b", List.of("x", "y"))),
                BuildState.fingerprint(new java.util.TreeMap<>(Map.of("b", List.of("x", "y"), "a", "1"))));
        assertFalse(BuildState.fingerprint(Map.of("a", "1,2")).equals(BuildState.fingerprint(Map.of("a", List.of("1", "2")))));
        assertFalse(BuildState.fingerprint(Map.of("a", "1")).equals(BuildState.fingerprint(Map.of("a", "2"))), "a changed value changes it");
        assertFalse(BuildState.fingerprint(List.of("ab", "c")).equals(BuildState.fingerprint(List.of("a", "bc"))), "texts carry their lengths");
    }

    @Test
    void withoutNpxTheBuildNamesTheFixAndRemovesTheRecords(@TempDir Path tmp) throws IOException {
        Path records = Files.createDirectories(tmp.resolve("records"));
        Pagefind.Indexer indexer = new Pagefind.Indexer(pages -> List.of("slmhub-test-no-such-npx", "--site", pages.toString()),
                records, tmp.resolve("site/pagefind"));
        indexer.add(new SearchRecord("models/acme/m/index.html", "en", "words", Map.of("title", "M"), Map.of(), Map.of()));
        assertTrue(Files.isRegularFile(records.resolve("models/acme/m/index.html")));
        IOException e = org.junit.jupiter.api.Assertions.assertThrows(IOException.class, indexer::index);
        assertEquals(Pagefind.MISSING, e.getMessage());
        assertTrue(Pagefind.MISSING.contains("install Node.js") && Pagefind.MISSING.contains("--no-search"));
        assertFalse(Files.exists(records), "the records are removed when Node.js is missing");
        indexer.close();
    }

    @Test
    void fragmentsAreBundledAboutTenToAFileBeyondAThousandPages() {
        assertEquals(List.of(), Pagefind.fragmentArguments(27, Pagefind.SEPARATE_FRAGMENTS));
        assertEquals(List.of(), Pagefind.fragmentArguments(1000, Pagefind.SEPARATE_FRAGMENTS));
        assertEquals(List.of("--max-fragments", "1000"), Pagefind.fragmentArguments(1001, Pagefind.SEPARATE_FRAGMENTS));
        assertEquals(List.of("--max-fragments", "1000"), Pagefind.fragmentArguments(10_000, Pagefind.SEPARATE_FRAGMENTS));
        assertEquals(List.of("--max-fragments", "1001"), Pagefind.fragmentArguments(10_001, Pagefind.SEPARATE_FRAGMENTS));
        assertEquals(List.of("--max-fragments", "10000"), Pagefind.fragmentArguments(100_000, Pagefind.SEPARATE_FRAGMENTS));
    }

    @Test
    void anIndexerClosedBeforeItsRunRemovesTheRecords(@TempDir Path tmp) throws IOException {
        Path records = Files.createDirectories(tmp.resolve("records"));
        try (Pagefind.Indexer indexer = new Pagefind.Indexer(pages -> List.of("slmhub-test-no-such-npx"), records, tmp.resolve("pagefind"))) {
            indexer.add(new SearchRecord("models/a/b/index.html", "en", "w", Map.of(), Map.of(), Map.of()));
        }
        assertFalse(Files.exists(records));
    }

    @Test
    void cardOpeningIsTheFirstWordsOfTheTextWithoutMarkupOrUrls() {
        CardHtml cards = new CardHtml();
        assertEquals("Intended use A tiny model for stories. See the docs and run llama-cli.",
                cards.renderBoth("## Intended use\n\nA *tiny* model\nfor **stor**ies.\n\n- See [the docs](https://example.org/x)\n- and run `llama-cli`.").opening());
        String many = "one two three four five six seven eight nine ten ".repeat(10);
        String opening = cards.renderBoth("# Title\n\n" + many).opening();
        assertEquals(PagefindRecords.CARD_WORDS, opening.split(" ").length, opening);
        assertTrue(opening.startsWith("Title one two") && opening.endsWith("nine"), "whole words, not cut: " + opening);
        assertEquals("", cards.renderBoth("  ").opening());
    }

    @Test
    void searchRecordsHoldWordsFiltersAndSortsButNoDigestsOrWholeCards() {
        ModelManifest.Artifact a = new ModelManifest.Artifact("m-Q8_0.gguf", "gguf", "Q8_0", "https://example.org/m-Q8_0.gguf", "ab".repeat(32), 100, null);
        String card = "Opening words about llamas. " + "filler ".repeat(100) + "zebraword";
        ModelManifest m = new ModelManifest(1, "acme/m", "M", "Acme", "A summary", card, "MIT", null, null, List.of("en"), "text-generation",
                List.of("chat"), "llama", 1_000_000, 2048, List.of(), null, List.of(), null, List.of(a), null, null, List.of(), null);
        ModelView.Context c = new ModelView.Context("/sub/", new CardHtml().lazy(card), null, java.util.Optional.empty(), List.of(), List.of(), "e");
        SearchRecord record = PagefindRecords.of(new Page("models/acme/m/index.html", PagefindRecords.MODEL_TEMPLATE, ModelView.page(m, c)));
        assertEquals("/models/acme/m/", record.url(), "site-relative: the page passes the base URL to Pagefind");
        String content = record.content();
        for (String word : List.of("acme/m", "A summary", "chat", "text-generation", "llama", "MIT", "Q8_0", "Opening words about llamas")) {
            assertTrue(content.contains(word), word + " in " + content);
        }
        assertFalse(content.contains("zebraword"), "only the card's first " + PagefindRecords.CARD_WORDS + " words");
        assertFalse(content.contains("abab") || content.contains("https://"), "no digests or URLs");
        assertEquals(Map.of("title", "M", "id", "acme/m", "params", "1M", "license", "MIT"), record.meta());
        assertEquals(List.of("Q8_0"), record.filters().get("quantization"));
        assertEquals(List.of("under 100M"), record.filters().get("size"));
        assertEquals(Map.of("params", "000000001000000"), record.sort(), "no date sort without Git history");
    }

    @Test
    void searchRecordHtmlEscapesEveryValueAndKeepsMetaOutOfTheContent() {
        String hostile = "A <b>&amp;\"x\", y: z";
        SearchRecord record = new SearchRecord("models/acme/m/index.html", "en", "Summary " + hostile, Map.of("title", hostile),
                Map.of("license", List.of(hostile)), Map.of("params", "000000000000007"));
        String html = record.html();
        assertTrue(html.startsWith("<!DOCTYPE html>\n<html lang=\"en\">"), html);
        assertTrue(html.contains("<span data-pagefind-body>Summary A &lt;b&gt;&amp;amp;&quot;x&quot;, y: z</span>"), html);
        assertTrue(html.contains("<span data-pagefind-meta=\"title\">A &lt;b&gt;&amp;amp;&quot;x&quot;, y: z</span>"), html);
        // Pagefind 1.6.0 decodes a filter's text twice
        assertTrue(html.contains("<span data-pagefind-filter=\"license\">A &amp;lt;b&amp;gt;&amp;amp;amp;&amp;quot;x&amp;quot;, y: z</span>"), html);
        assertTrue(html.contains("<span data-pagefind-sort=\"params\">000000000000007</span>"), html);
        assertEquals(1, html.split("data-pagefind-body", -1).length - 1, "one body: meta, filters and sorts are outside it");
        assertTrue(html.indexOf("</span>") < html.indexOf("data-pagefind-meta"), "meta after the body's end");
        assertEquals("x &lt;&gt;&amp;&quot;' y", SearchRecord.escape("x <>&\"' y"));
    }

    @Test
    void siteMemoReusesByIdentityAndDependsAndForgetsWhatABuildDidNotAskFor() {
        SiteMemo memo = new SiteMemo();
        Object manifest = new Object();
        Object equalButOther = new Object();
        java.util.concurrent.atomic.AtomicInteger made = new java.util.concurrent.atomic.AtomicInteger();
        java.util.function.Supplier<String> make = () -> "v" + made.incrementAndGet();
        assertEquals("v1", memo.get("page", manifest, "d", make));
        assertEquals("v1", memo.get("page", manifest, "d", make), "same object, same dependencies: kept");
        assertEquals("v2", memo.get("page", equalButOther, "d", make), "another object: made anew");
        assertEquals("v3", memo.get("page", manifest, "changed", make), "dependencies changed: made anew");
        assertEquals("v4", memo.get("row", manifest, "changed", make), "kinds are separate");
        memo.endBuild();
        assertEquals("v3", memo.get("page", manifest, "changed", make), "kept into the next build");
        memo.endBuild();
        memo.endBuild();
        assertEquals("v5", memo.get("page", manifest, "changed", make), "a build that did not ask for it dropped it");
    }

    @Test
    void compareVariantsNamesEachFileAsPullTakesIt() {
        ModelManifest.Artifact q4 = new ModelManifest.Artifact("m-q4.gguf", "gguf", "Q4_K_M", "https://example.org/m-q4.gguf", "1".repeat(64), 100, null);
        ModelManifest.Artifact q8a = new ModelManifest.Artifact("m-q8-a.gguf", "gguf", "Q8_0", "https://example.org/a.gguf", "2".repeat(64), 200, null);
        ModelManifest.Artifact q8b = new ModelManifest.Artifact("m-q8-b.gguf", "gguf", "q8_0", "https://example.org/b.gguf", "3".repeat(64), 300, null);
        assertEquals("", ModelView.compareVariants(manifest(List.of(q4))), "one file: nothing to compare");
        // a quantization two files share names neither: their file names do
        assertEquals("acme%2Fm%3AQ4_K_M,acme%2Fm%3Am-q8-a.gguf,acme%2Fm%3Am-q8-b.gguf", ModelView.compareVariants(manifest(List.of(q4, q8a, q8b))));
    }

    private static ModelManifest manifest(ModelManifest.Artifact a) {
        return manifest(List.of(a));
    }

    private static ModelManifest manifest(List<ModelManifest.Artifact> artifacts) {
        return new ModelManifest(1, "acme/m", "M", "Acme", "s", "", "MIT", null, null, List.of("en"), "text-generation", List.of(),
                "llama", 1000, 2048, List.of(), null, List.of(), null, artifacts, null, null, List.of(), null);
    }
}
