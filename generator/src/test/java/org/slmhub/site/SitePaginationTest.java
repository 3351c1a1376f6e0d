package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;
import org.slmhub.smoke.TinyManifests;

/** A catalog one model larger than a page: the model list and its listings go on to a second page. */
class SitePaginationTest {
    private static final String BASE = "/slmhub/";
    private static final int MODELS = SitePlan.PAGE_SIZE + 1;
    @TempDir
    static Path tmp;
    static Path out;
    static List<String> ids;

    @BeforeAll
    static void build() throws IOException {
        Path catalog = tmp.resolve("models");
        ids = IntStream.range(0, MODELS).mapToObj(i -> String.format(Locale.ROOT, "acme/tiny-%03d", i)).toList();
        for (String id : ids) {
            String file = id.substring("acme/".length()) + ".gguf";
            var artifact = new TinyManifests.Artifact(file, "Q8_0", TinyManifests.sha256(id.getBytes(StandardCharsets.UTF_8)), 1000);
            TinyManifests.write(catalog, id, TinyManifests.yaml(id, List.of(artifact), TinyManifests.SMOKE));
        }
        out = tmp.resolve("site");
        CliRun run = CliRun.of("build", "--no-search", "--catalog", catalog.toString(), "--source", TestPaths.repoRoot().toString(),
                "--out", out.toString(), "--base-url", BASE);
        assertEquals(0, run.exitCode(), run::toString);
    }

    @Test
    void theModelListHasPageSizeRowsThenTheRestInIdOrder() throws IOException {
        Document first = SiteFixture.page(out, "models/index.html");
        Document second = SiteFixture.page(out, "models/page/2/index.html");
        List<String> shown = new ArrayList<>(first.select("tr.model-row").eachAttr("data-id"));
        assertEquals(SitePlan.PAGE_SIZE, shown.size());
        assertEquals(1, second.select("tr.model-row").size());
        shown.addAll(second.select("tr.model-row").eachAttr("data-id"));
        assertEquals(ids, shown);
        assertEquals("All models (101)", first.selectFirst("h1").text());
        assertEquals("All models (101)", second.selectFirst("h1").text());
        assertEquals(String.valueOf(SitePlan.PAGE_SIZE), first.getElementById("shown-count").text());
        assertEquals("101", first.getElementById("shown-of").text());
        assertEquals(List.of("any", "MIT (101)"), second.select("#filter-license option").eachText(), "the choices cover the catalog");
    }

    @Test
    void pagersLinkNeighboursAndEveryLinkResolves() throws IOException {
        Document first = SiteFixture.page(out, "models/index.html");
        Document second = SiteFixture.page(out, "models/page/2/index.html");
        assertEquals("Page 1 of 2", first.selectFirst("#pager .pager-status").text());
        assertEquals(BASE + "models/page/2/", first.selectFirst("#pager a.pager-next").attr("href"));
        assertTrue(first.select("#pager a.pager-prev").isEmpty());
        assertEquals("Page 2 of 2", second.selectFirst("#pager .pager-status").text());
        assertEquals(BASE + "models/", second.selectFirst("#pager a.pager-prev").attr("href"));
        assertTrue(second.select("#pager a.pager-next").isEmpty());
        assertEquals(List.of(), SiteFixture.brokenLinks(out, BASE));
        assertTrue(Files.readString(out.resolve("sitemap.xml")).contains("<loc>" + BASE + "models/page/2/</loc>"));
    }

    @Test
    void listingsArePaginatedToo() throws IOException {
        for (String listing : List.of("licenses/mit/", "publishers/acme/", "tasks/text-generation/", "architectures/llama/")) {
            Document first = SiteFixture.page(out, listing + "index.html");
            Document second = SiteFixture.page(out, listing + "page/2/index.html");
            assertEquals(SitePlan.PAGE_SIZE, first.select("tr.model-row").size(), listing);
            assertEquals(List.of(ids.get(MODELS - 1)), second.select("tr.model-row").eachAttr("data-id"), listing);
            assertEquals(BASE + listing + "page/2/", first.selectFirst("#pager a.pager-next").attr("href"), listing);
            assertEquals(BASE + listing, second.selectFirst("#pager a.pager-prev").attr("href"), listing);
            assertTrue(first.selectFirst("h1").text().endsWith("(101)"), listing);
        }
        assertEquals("License: MIT (101), page 2 · slmhub", SiteFixture.page(out, "licenses/mit/page/2/index.html").title());
    }
}
