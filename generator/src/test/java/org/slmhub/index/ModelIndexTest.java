package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.catalog.ModelManifest;

/** Searches over four made-up models whose differences each test picks on. */
class ModelIndexTest {
    @TempDir
    static Path tmp;
    static ModelIndex index;

    static List<ModelManifest> models() {
        return List.of(
                TestModels.model("acme/tiny-chat").name("TinyChat-100M").params(100_000_000).context(4096).tags("chat")
                        .languages("en", "fr").file("gguf", "Q4_K_M", 60_000_000).file("gguf", "Q8_0", 110_000_000).build(),
                TestModels.model("acme/big-coder").name("BigCoder-3B").params(3_000_000_000L).context(16384).license("Apache-2.0")
                        .arch("qwen2").tags("code").summary("A code model for completion.").file("gguf", "Q4_K_M", 1_900_000_000).build(),
                TestModels.model("other/embedder").name("Embedder-S").publisher("Other Labs").task("feature-extraction").arch("bert")
                        .params(33_000_000).context(512).license("Apache-2.0").tags("embedding").file("gguf", "F16", 66_000_000).build(),
                TestModels.model("other/onnx-gpt").name("GPT Tiny ONNX").publisher("Other Labs").arch("gpt2").params(124_000_000)
                        .context(1024).file("onnx", null, 500_000_000).build());
    }

    @BeforeAll
    static void build() throws Exception {
        index = ModelIndex.open(TestModels.index(tmp, models()));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    private static List<String> ids(SearchRequest request) throws IndexException {
        return index.search(request).hits().stream().map(ModelHit::id).toList();
    }

    private static SearchRequest.Builder all() {
        return SearchRequest.builder("");
    }

    @Test
    void recordsWhatItWasBuiltFrom() {
        assertEquals(new IndexInfo(IndexInfo.SCHEMA, IndexInfo.FORMAT, null, java.time.Instant.parse("2025-01-01T00:00:00Z"), 4), index.info());
        assertEquals(4, index.size());
    }

    @Test
    void aWordInTheNameComesFirst() throws IndexException {
        assertEquals("acme/big-coder", ids(SearchRequest.builder("coder").build()).get(0));
        assertEquals(java.util.Set.of("acme/tiny-chat", "other/onnx-gpt"), java.util.Set.copyOf(ids(SearchRequest.builder("tiny").build())));
    }

    @Test
    void withoutWordsFiltersListByName() throws IndexException {
        assertEquals(List.of("acme/big-coder", "other/embedder", "other/onnx-gpt", "acme/tiny-chat"), ids(all().build()));
        assertEquals(List.of("other/onnx-gpt", "acme/tiny-chat"), ids(all().filter(ModelFacet.LICENSE, "mit").build()));
        assertEquals(List.of("other/onnx-gpt"), ids(all().filter(ModelFacet.LICENSE, "MIT").filter(ModelFacet.FORMAT, "onnx").build()));
        // values of one filter are alternatives
        assertEquals(4, ids(all().filter(ModelFacet.LICENSE, "mit").filter(ModelFacet.LICENSE, "apache-2.0").build()).size());
        assertEquals(List.of("acme/tiny-chat"), ids(all().filter(ModelFacet.LANG, "fr").build()));
        assertEquals(List.of("other/embedder", "other/onnx-gpt"), ids(all().filter(ModelFacet.PUBLISHER, "other labs").build()));
        assertEquals(List.of("other/embedder", "other/onnx-gpt"), ids(all().filter(ModelFacet.PUBLISHER, "other").build()), "the id's publisher slug");
        assertEquals(4, ids(all().filter(ModelFacet.SMOKE, "unknown").build()).size());
    }

    @Test
    void rangesOverParametersContextAndSmallestFile() throws IndexException {
        assertEquals(List.of("other/embedder", "other/onnx-gpt", "acme/tiny-chat"), ids(all().range(ModelNumber.PARAMS, null, 150_000_000L).build()));
        assertEquals(List.of("acme/big-coder", "acme/tiny-chat"), ids(all().range(ModelNumber.CONTEXT, 4096L, null).build()));
        // tiny-chat fits by its smaller file although its Q8_0 does not
        assertEquals(List.of("other/embedder", "acme/tiny-chat"), ids(all().range(ModelNumber.SIZE, null, 100_000_000L).build()));
    }

    @Test
    void sortOrders() throws IndexException {
        assertEquals(List.of("other/embedder", "acme/tiny-chat", "other/onnx-gpt", "acme/big-coder"), ids(all().sort(SortOrder.PARAMS).build()));
        assertEquals(List.of("acme/tiny-chat", "other/embedder", "other/onnx-gpt", "acme/big-coder"), ids(all().sort(SortOrder.SIZE).build()));
        assertEquals(List.of("acme/tiny-chat", "other/onnx-gpt"), ids(SearchRequest.builder("tiny").sort(SortOrder.SIZE).build()));
        assertEquals(2, ids(all().limit(2).build()).size());
    }

    @Test
    void facetsCountTheWholeResultSet() throws IndexException {
        SearchResult r = index.search(all().limit(1).facets(true).build());
        assertEquals(4, r.total());
        assertTrue(r.totalExact());
        assertEquals(List.of(new SearchResult.FacetCount("Apache-2.0", 2), new SearchResult.FacetCount("MIT", 2)), r.facets().get(ModelFacet.LICENSE));
        assertEquals(List.of(new SearchResult.FacetCount("Q4_K_M", 2), new SearchResult.FacetCount("F16", 1), new SearchResult.FacetCount("Q8_0", 1)),
                r.facets().get(ModelFacet.QUANT));
        assertEquals(List.of(new SearchResult.FacetCount("unknown", 4)), r.facets().get(ModelFacet.SMOKE));
        SearchResult mit = index.search(all().filter(ModelFacet.LICENSE, "mit").facets(true).build());
        assertEquals(List.of(new SearchResult.FacetCount("gguf", 1), new SearchResult.FacetCount("onnx", 1)), mit.facets().get(ModelFacet.FORMAT));
        assertTrue(index.search(all().build()).facets().isEmpty(), "facets only when asked");
    }

    @Test
    void hitsCarryWhatThePrinterShows() throws IndexException {
        ModelHit hit = index.search(SearchRequest.builder("tinychat").build()).hits().get(0);
        assertEquals("acme/tiny-chat", hit.id());
        assertEquals("TinyChat-100M", hit.name());
        assertEquals(100_000_000, hit.parameters());
        assertEquals(4096, hit.contextLength());
        assertEquals(60_000_000, hit.smallestSize());
        assertEquals(List.of("Q4_K_M", "Q8_0"), hit.quantizations());
        assertEquals(List.of("en", "fr"), hit.languages());
        assertEquals("unknown", hit.smoke());
        assertTrue(hit.score() > 0);
    }

    @Test
    void luceneSyntaxWithFilterNamesAndHumanRanges() throws IndexException {
        assertEquals(List.of("acme/tiny-chat"), ids(SearchRequest.builder("license:mit AND arch:llama").build()));
        assertEquals(List.of("other/onnx-gpt", "acme/tiny-chat"), ids(SearchRequest.builder("params:[50M TO 150M]").sort(SortOrder.NAME).build()));
        assertEquals(List.of("acme/big-coder"), ids(SearchRequest.builder("\"code model\"").build()));
        assertEquals(List.of("acme/big-coder"), ids(SearchRequest.builder("size:{1GB TO *]").build()));
    }

    @Test
    void badSyntaxAndUnknownFieldsAreOneLine() {
        IndexException syntax = assertThrows(IndexException.class, () -> index.search(SearchRequest.builder("license:(mit").build()));
        assertEquals(IndexException.Kind.QUERY, syntax.kind());
        assertTrue(syntax.getMessage().startsWith("cannot parse the query `license:(mit`: Encountered \"<EOF>\" at line 1, column 12."), syntax.getMessage());
        assertFalse(syntax.getMessage().contains("\n"), syntax.getMessage());
        IndexException field = assertThrows(IndexException.class, () -> index.search(SearchRequest.builder("licence:mit").build()));
        assertTrue(field.getMessage().startsWith("unknown field `licence` in the query `licence:mit`; did you mean `license`? fields: name, tags,"), field.getMessage());
        IndexException number = assertThrows(IndexException.class, () -> index.search(SearchRequest.builder("params:[lots TO 1B]").build()));
        assertTrue(number.getMessage().contains("params: expected a count such as 270K, 135M or 1.5B, got `lots`"), number.getMessage());
    }

    @Test
    void aTypoStillFindsTheModelButSaysSo() throws IndexException {
        SearchResult r = index.search(SearchRequest.builder("tinychatt").build());
        assertTrue(r.relaxed());
        assertEquals("acme/tiny-chat", r.hits().get(0).id());
        assertFalse(index.search(SearchRequest.builder("tinychat").build()).relaxed());
    }

    @Test
    void noHitsSuggestExistingWordsAndValues() throws IndexException {
        SearchResult word = index.search(SearchRequest.builder("bret").build());
        assertEquals(0, word.total());
        assertEquals(List.of(new SearchResult.Suggestion(null, "bret", List.of("bert"))), word.suggestions());
        SearchResult value = index.search(all().filter(ModelFacet.LICENSE, "mti").filter(ModelFacet.ARCH, "llama").build());
        assertEquals(List.of(new SearchResult.Suggestion(ModelFacet.LICENSE, "mti", List.of("mit"))), value.suggestions());
        assertEquals(List.of(), index.search(all().filter(ModelFacet.LICENSE, "mit").filter(ModelFacet.ARCH, "bert").build()).suggestions(),
                "both values exist; only their combination is empty");
    }

    @Test
    void smokeStatusesBecomeAFacet(@TempDir Path dir) throws Exception {
        Path built = TestModels.index(dir, models(), TestModels.inputs(Map.of("acme/tiny-chat", "passed", "other/embedder", "load-failed")));
        try (ModelIndex smoked = ModelIndex.open(built)) {
            SearchResult r = smoked.search(all().facets(true).build());
            assertEquals(List.of(new SearchResult.FacetCount("unknown", 2), new SearchResult.FacetCount("load-failed", 1),
                    new SearchResult.FacetCount("passed", 1)), r.facets().get(ModelFacet.SMOKE));
            assertEquals(List.of("acme/tiny-chat"), smoked.search(all().filter(ModelFacet.SMOKE, "passed").build()).hits().stream().map(ModelHit::id).toList());
        }
    }
}
