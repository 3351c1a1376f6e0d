package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;

/** One build of a three-model catalog under a sub-path, with a smoke report; the tests read its output. */
class SiteBuildTest {
    private static final String BASE = "/slmhub/";
    @TempDir
    static Path tmp;
    static Path out;
    static CliRun run;

    @BeforeAll
    static void build() throws IOException {
        Path catalog = SiteFixture.catalog(tmp);
        Path report = tmp.resolve("smoke.json");
        Files.writeString(report, """
                {"format": 1, "results": [{"id": "ggml-org/stories260k", "status": "passed", "artifact": {"quantization": "F32"},
                  "text": "Once upon a time, there was a little girl", "tokens_per_second": 812.5,
                  "peak_rss_bytes": 104857600, "date": "2026-11-20T10:00:00Z"}]}
                """);
        out = tmp.resolve("site");
        run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", out.toString(), "--base-url", BASE, "--smoke-report", report.toString(),
                "--repo-url", "https://github.com/acme/slmhub");
    }

    @Test
    void buildsAndReportsEachStage() {
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("3 models"), run::toString);
        for (String stage : List.of("load catalog", "validate", "history", "content (JBake, in parallel)", "render pages", "write data files")) {
            assertTrue(run.err().contains("build: " + stage), stage + "\n" + run);
        }
        assertFalse(run.err().contains("WARN") || run.err().contains("DEBUG") || run.err().contains("INFO"), run::toString);
    }

    @Test
    void everyModelHasAPageWithFactsFilesAndSnippets() throws IOException {
        for (String id : SiteFixture.MODELS) {
            Document page = SiteFixture.page(out, "models/" + id + "/index.html");
            assertEquals(id, page.getElementById("model-id").text());
            assertFalse(page.select("#artifacts tr.artifact code.sha256").isEmpty(), id);
            assertTrue(page.select("#run pre.snippet").stream().anyMatch(e -> e.text().startsWith("slmhub run " + id)), id);
            assertEquals("https://github.com/acme/slmhub/edit/main/models/" + id + "/model.yaml", page.getElementById("edit-link").attr("href"));
        }
        Document bartowski = SiteFixture.page(out, "models/bartowski/smollm2-360m-instruct/index.html");
        assertTrue(bartowski.select("#run pre[data-tool=Ollama]").text().startsWith("ollama run hf.co/bartowski/"), bartowski.select("#run").text());
        assertEquals(BASE + "models/huggingfacetb/smollm2-360m-instruct/", bartowski.select("#lineage a.base-model").attr("href"));
        Document original = SiteFixture.page(out, "models/huggingfacetb/smollm2-360m-instruct/index.html");
        assertEquals(BASE + "models/bartowski/smollm2-360m-instruct/", original.select("#lineage a.derivative").attr("href"));
    }

    @Test
    void smokeResultsShowWhereTheReportHasThem() throws IOException {
        Document stories = SiteFixture.page(out, "models/ggml-org/stories260k/index.html");
        assertEquals("passed", stories.getElementById("smoke-status").text());
        assertEquals("812.5 tokens/s", stories.getElementById("smoke-speed").text());
        assertTrue(stories.getElementById("smoke-text").text().startsWith("Once upon a time"));
        Document other = SiteFixture.page(out, "models/bartowski/smollm2-360m-instruct/index.html");
        assertEquals("Not smoked yet.", other.getElementById("smoke-status").text());
        assertEquals("Prove it on your machine with slmhub smoke bartowski/smollm2-360m-instruct; a site built with --smoke-report shows the result here.",
                other.getElementById("smoke-how").text());
        assertNull(stories.getElementById("smoke-how"), "a smoked model needs no hint");
    }

    @Test
    void cardsAreSanitized() throws IOException {
        String raw = Files.readString(out.resolve("models/ggml-org/stories260k/index.html"));
        assertFalse(raw.contains("alert("), "a script or javascript: link from the card survived");
        assertFalse(raw.contains("onclick"));
        Document page = SiteFixture.page(out, "models/ggml-org/stories260k/index.html");
        assertTrue(page.select("#card script").isEmpty());
        assertFalse(page.select("#card h2").isEmpty(), "the card's Markdown headings render");
    }

    @Test
    void everyPageAllowsOnlyTheSitesOwnScriptsAndNoInlineOnes() throws IOException {
        for (Path file : SiteFixture.htmlFiles(out)) {
            Document page = org.jsoup.Jsoup.parse(file.toFile(), "UTF-8");
            String policy = page.select("head meta[http-equiv=Content-Security-Policy]").attr("content");
            assertTrue(policy.contains("script-src 'self' 'wasm-unsafe-eval';") && policy.contains("default-src 'self'")
                    && policy.contains("object-src 'none'"), file + ": " + policy);
            for (var script : page.select("script")) {
                assertTrue(script.hasAttr("src") && script.data().isBlank(), file + " has an inline script: " + script);
            }
            assertTrue(page.select("[style], style").isEmpty(), file + " has inline styles, which the policy blocks");
        }
    }

    @Test
    void everyInternalLinkResolvesUnderTheBaseUrl() throws IOException {
        assertEquals(List.of(), SiteFixture.brokenLinks(out, BASE));
        assertTrue(Files.isRegularFile(out.resolve("docs/rules.html")), "JBake baked content/");
        assertTrue(SiteFixture.page(out, "docs/rules.html").getElementById("schema-unknown-field") != null, "rule anchors exist");
    }

    @Test
    void listingsCoverEveryDimension() throws IOException {
        assertEquals(3, SiteFixture.page(out, "models/index.html").select("tr.model-row").size());
        assertEquals(2, SiteFixture.page(out, "licenses/apache-2.0/index.html").select("tr.model-row").size());
        assertEquals(1, SiteFixture.page(out, "publishers/ggml-org/index.html").select("tr.model-row").size());
        assertTrue(Files.isRegularFile(out.resolve("tasks/text-generation/index.html")));
        assertTrue(Files.isRegularFile(out.resolve("architectures/llama/index.html")));
        assertEquals("3", SiteFixture.page(out, "index.html").getElementById("count-models").text());
        assertTrue(Files.isRegularFile(out.resolve("404.html")) && Files.isRegularFile(out.resolve("compare/index.html")));
    }

    @Test
    void searchFormOffersTheCatalogsFilterValuesWithCounts() throws IOException {
        Document models = SiteFixture.page(out, "models/index.html");
        assertEquals("All models (3)", models.selectFirst("h1").text());
        assertEquals(List.of("any", "Apache-2.0 (2)", "MIT (1)"), models.select("#filter-license option").eachText());
        assertEquals(List.of("", "Apache-2.0", "MIT"), models.select("#filter-license option").eachAttr("value"));
        assertEquals(List.of("any", "text-generation (3)"), models.select("#filter-task option").eachText());
        assertEquals(List.of("relevance", "smallest first", "largest first"), models.select("#sort option").eachText(),
                "no date sort: the fixture catalog is not in Git");
        assertTrue(models.select("#pager").isEmpty(), "one page, no pager");
        var stories = models.selectFirst("tr.model-row[data-id='ggml-org/stories260k']");
        assertEquals("MIT", stories.attr("data-license"));
        assertEquals("F32", stories.attr("data-quantization"));
        assertEquals("under 100M", stories.attr("data-size"));
    }

    @Test
    void apiListsEveryModelAndSchemaIsPublished() throws IOException {
        ObjectMapper json = new ObjectMapper();
        JsonNode index = json.readTree(out.resolve("api/models.json").toFile());
        assertEquals(1, Files.readString(out.resolve("api/models.json")).strip().lines().count(), "the index is compact JSON");
        assertEquals(SiteFixture.MODELS.stream().sorted().toList(), index.get("models").findValuesAsText("id"));
        assertEquals(SiteFixture.MODELS.size(), index.get("count").asInt());
        assertEquals(json.writeValueAsString(index) + "\n", Files.readString(out.resolve("api/models.json")),
                "entries joined as Jackson writes the whole index");
        for (String id : SiteFixture.MODELS) {
            JsonNode manifest = json.readTree(out.resolve("api/models/" + id + ".json").toFile());
            assertEquals(id, manifest.get("id").asText());
            assertTrue(manifest.get("artifacts").get(0).has("sha256"));
        }
        assertEquals("passed", index.get("models").findValue("smoke").get("status").asText());
        assertEquals("F32", index.get("models").findValue("smoke").get("quantization").asText(), "the variant whose speed it is");
        assertTrue(json.readTree(out.resolve("schema/model.schema.json").toFile()).has("$schema"));
    }

    @Test
    void feedAndSitemapAreWellFormedXml() throws Exception {
        var parser = DocumentBuilderFactory.newInstance();
        parser.setNamespaceAware(true);
        var feed = parser.newDocumentBuilder().parse(out.resolve("feed.xml").toFile());
        assertEquals("feed", feed.getDocumentElement().getLocalName());
        assertEquals(3, feed.getElementsByTagNameNS("http://www.w3.org/2005/Atom", "entry").getLength());
        var sitemap = parser.newDocumentBuilder().parse(out.resolve("sitemap.xml").toFile());
        var locs = sitemap.getElementsByTagNameNS("http://www.sitemaps.org/schemas/sitemap/0.9", "loc");
        assertTrue(locs.getLength() > 10);
        for (int i = 0; i < locs.getLength(); i++) {
            assertTrue(locs.item(i).getTextContent().startsWith(BASE), locs.item(i).getTextContent());
        }
    }
}
