package org.slmhub.site;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.cli.CliRun;

/** The build with browser search; runs only where npx has Pagefind cached, so it never needs the network. */
class PagefindSearchTest {
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
    }
}
