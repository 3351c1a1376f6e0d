package org.slmhub.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;

/** `slmhub search` over an index of the seed catalog that `slmhub index` built once for the class. */
class SearchCommandTest {
    @TempDir
    static Path tmp;
    static Path index;
    static Path archive;
    static CliRun built;

    @BeforeAll
    static void buildIndex() {
        index = tmp.resolve("index");
        archive = tmp.resolve("site/slmhub-index.zip");
        built = CliRun.of("index", "--catalog", TestPaths.repoRoot().resolve("models").toString(), "--out", index.toString(),
                "--archive", archive.toString());
        assertEquals(0, built.exitCode(), built::toString);
    }

    private static CliRun search(String... args) {
        List<String> all = new ArrayList<>(List.of("search", "--index", index.toString()));
        all.addAll(List.of(args));
        return CliRun.of(all.toArray(String[]::new));
    }

    private static List<String> ids(CliRun run) throws Exception {
        List<String> ids = new ArrayList<>();
        new ObjectMapper().readTree(run.out()).get("results").forEach(r -> ids.add(r.get("id").asText()));
        return ids;
    }

    @Test
    void oneBlockPerModelThenTheCount() {
        CliRun run = search("qwen", "0.5");
        assertEquals(0, run.exitCode(), run::toString);
        assertEquals(List.of(
                "qwen/qwen2.5-0.5b-instruct  Qwen2.5-0.5B-Instruct",
                "    490M params · 32K context · Apache-2.0 · from 409 MiB · Q4_0 Q4_K_M Q8_0",
                "    Qwen's smallest Qwen2.5 chat model (0.49B) in Qwen's own GGUF builds; multilingual instruction following on a…",
                "1 of 1 matching model (index of 27)"), run.out().lines().toList());
        assertEquals("", run.err());
    }

    @Test
    void filtersWithHumanUnitsAndSorts() throws Exception {
        CliRun embeddings = search("--task", "feature-extraction", "--sort", "size", "--json");
        assertEquals(List.of("xenova/all-minilm-l6-v2", "yixuan-chia/snowflake-arctic-embed-s", "nomic-ai/nomic-embed-text-v1.5-gguf",
                "ggml-org/embeddinggemma-300m"), ids(embeddings));
        CliRun small = search("chat", "--lang", "fr", "--max-params", "1B", "--json");
        assertEquals(List.of("qwen/qwen2.5-0.5b-instruct"), ids(small));
        CliRun fits = search("--fits", "40MiB", "--min-params", "1M", "--sort", "params", "--json");
        assertEquals(List.of("xenova/all-minilm-l6-v2", "yixuan-chia/snowflake-arctic-embed-s", "tensorblock/llama-68m-chat-v1"), ids(fits));
        CliRun longContext = search("--min-context", "128K", "--publisher", "bartowski", "--json");
        assertEquals(List.of("bartowski/deepseek-r1-distill-qwen-1.5b", "bartowski/llama-3.2-1b-instruct"), ids(longContext));
        CliRun quant = search("--quant", "q4_k_s", "--json");
        assertEquals(List.of("thebloke/phi-2"), ids(quant));
    }

    @Test
    void badNumbersAreUsageErrorsThatSayWhatIsAccepted() {
        CliRun params = search("--max-params", "1.5X");
        assertEquals(2, params.exitCode(), params::toString);
        assertEquals("slmhub: error: --max-params: expected a count such as 270K, 135M or 1.5B, got `1.5X`\n", params.err());
        CliRun size = search("--fits", "4 gigs");
        assertEquals("slmhub: error: --fits: expected a size such as 800MB, 4GB or 2GiB (KB/MB/GB/TB are powers of 1000, KiB/MiB/GiB/TiB of 1024), got `4 gigs`\n", size.err());
        CliRun limit = search("--limit", "0");
        assertEquals("slmhub: error: --limit must be at least 1, got 0\n", limit.err());
    }

    @Test
    void facetsCountTheResultSet() {
        CliRun run = search("--tag", "embedding", "--facets", "--limit", "1");
        assertEquals(0, run.exitCode(), run::toString);
        assertTrue(run.out().contains("1 of 4 matching models (index of 27); --limit N shows more\nfacets:\n"), run::toString);
        assertTrue(run.out().contains("\n  license:   Apache-2.0 (3), other (1)\n"), run::toString);
        assertTrue(run.out().contains("\n  task:      feature-extraction (4)\n"), run::toString);
        assertTrue(run.out().contains("\n  smoke:     unknown (4)\n"), run::toString);
    }

    @Test
    void jsonHasEveryFieldAndTheFacets() throws Exception {
        CliRun run = search("tinystories", "--json", "--facets");
        assertEquals(0, run.exitCode(), run::toString);
        JsonNode json = new ObjectMapper().readTree(run.out());
        assertEquals("tinystories", json.get("query").asText());
        assertEquals(1, json.get("total").asInt());
        assertTrue(json.get("total_exact").asBoolean());
        JsonNode hit = json.get("results").get(0);
        assertEquals("ggml-org/stories260k", hit.get("id").asText());
        assertEquals(292800, hit.get("parameters").asLong());
        assertEquals(2048, hit.get("context_length").asLong());
        assertEquals(1185376, hit.get("smallest_size").asLong());
        assertEquals("F32", hit.get("quantizations").get(0).asText());
        assertEquals("MIT", hit.get("license").asText());
        assertEquals("unknown", hit.get("smoke").asText());
        assertEquals(1, json.get("facets").get("arch").get("llama").asInt());
    }

    @Test
    void querySyntaxAndItsErrors() throws Exception {
        assertEquals(List.of("aladar/llama-2-tiny-random", "ggml-org/stories260k"), ids(search("license:mit AND arch:llama", "--json", "--sort", "name")));
        assertEquals(List.of("xenova/all-minilm-l6-v2", "felladrin/flan-t5-small", "yixuan-chia/snowflake-arctic-embed-s"), ids(search("context:[* TO 512]", "--json", "--sort", "name")));
        CliRun bad = search("license:(mit");
        assertEquals(2, bad.exitCode(), bad::toString);
        assertEquals("slmhub: error: cannot parse the query `license:(mit`: Encountered \"<EOF>\" at line 1, column 12. "
                + "(query syntax: field:value, \"a phrase\", AND, OR, NOT, (groups), prefix*, params:[100M TO 1B])\n", bad.err());
        CliRun field = search("licence:mit");
        assertEquals("slmhub: error: unknown field `licence` in the query `licence:mit`; did you mean `license`? fields: name, tags, summary, card, "
                + "license, task, arch, format, quant, lang, publisher, tag, smoke, params, context, size, added, updated\n", field.err());
    }

    @Test
    void noHitsSaySoAndSuggestWhatExists() {
        CliRun word = search("granit3");
        assertEquals(1, word.exitCode(), word::toString);
        assertEquals("no models match `granit3`\n  `granit3` is in no name, tag or text; did you mean: granite?\n", word.out());
        CliRun value = search("--license", "mti");
        assertEquals("no models match with these filters\n  no model has --license `mti`; did you mean: mit?\n", value.out());
        CliRun typo = search("qwenn", "--limit", "1");
        assertEquals(0, typo.exitCode(), typo::toString);
        assertTrue(typo.out().startsWith("no model matches every word of `qwenn`; the closest matches:\nqwen/"), typo::toString);
    }

    @Test
    void aMissingIndexSaysHowToBuildIt() {
        Path absent = tmp.resolve("absent");
        CliRun run = CliRun.of("search", "--index", absent.toString(), "qwen");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("slmhub: error: no search index at " + absent + "; build it with `slmhub index --out " + absent + "`\n", run.err());
    }

    @Test
    void anIncompatibleIndexSaysHowToRebuildIt() throws Exception {
        Path old = Files.createDirectories(tmp.resolve("old-index"));
        try (var files = Files.list(index)) {
            for (Path f : files.toList()) {
                Files.copy(f, old.resolve(f.getFileName()));
            }
        }
        try (FSDirectory dir = FSDirectory.open(old);
             IndexWriter writer = new IndexWriter(dir, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            writer.setLiveCommitData(java.util.Map.of("slmhub.schema", "1", "slmhub.index.format", "0").entrySet());
            writer.commit();
        }
        CliRun run = CliRun.of("search", "--index", old.toString(), "qwen");
        assertEquals(2, run.exitCode(), run::toString);
        assertEquals("slmhub: error: the search index at " + old + " has index format 0 for manifest schema 1, and this slmhub reads format 1 for schema 1;"
                + " rebuild it with `slmhub index --out " + old + "`\n", run.err());
    }

    @Test
    void anArchiveIsVerifiedUnpackedAndSearched() throws Exception {
        Path cache = tmp.resolve("cache");
        String sha256 = Files.readString(archive.resolveSibling("slmhub-index.zip.sha256")).substring(0, 64);
        assertTrue(built.out().contains("and slmhub-index.zip.sha256: sha256 " + sha256 + "\n"), built::toString);

        CliRun found = CliRun.of("search", "--index", archive.toString(), "--cache", cache.toString(), "coder");
        assertEquals(0, found.exitCode(), found::toString);
        assertTrue(found.out().startsWith("qwen/qwen2.5-coder-1.5b-instruct  Qwen2.5-Coder-1.5B-Instruct\n"), found::toString);
        assertTrue(Files.isDirectory(cache.resolve("index").resolve(sha256)));

        Files.writeString(archive.resolveSibling("slmhub-index.zip.sha256"), "f".repeat(64) + "  slmhub-index.zip\n");
        CliRun wrong = CliRun.of("search", "--index", archive.toString(), "--cache", cache.toString(), "coder");
        assertEquals(2, wrong.exitCode(), wrong::toString);
        assertEquals("slmhub: error: checksum mismatch for " + archive + ": slmhub-index.zip.sha256 says sha256 " + "f".repeat(64) + ", the file has "
                + sha256 + "; the archive is damaged or not the one published\n", wrong.err());
    }
}
