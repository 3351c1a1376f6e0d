package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.slmhub.TestPaths;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.catalog.CatalogFiles;
import org.slmhub.catalog.ModelManifest;
import org.slmhub.validate.ValidationReport;
import org.slmhub.validate.Validator;

/**
 * Ranking over the real seed catalog: for what a person types, the model they mean comes first.
 * When several models are equally meant (two publishers' builds of one model), the top results
 * must be exactly those, in any order. A change to fields, boosts or analysis that breaks one of
 * these has made search worse.
 */
class SeedCatalogRelevanceTest {
    @TempDir
    static Path tmp;
    static ModelIndex index;

    @BeforeAll
    static void indexTheSeedCatalog() throws Exception {
        CatalogFiles files = CatalogFiles.read(TestPaths.repoRoot().resolve("models"), List.of());
        ValidationReport report = new Validator().validate(files.manifests(), List.of(), files.misplaced());
        assertTrue(report.passed(), "the seed catalog validates");
        List<ModelManifest> models = report.entries().stream().map(CatalogEntry::manifest).toList();
        index = ModelIndex.open(TestModels.index(tmp, models, IndexInputs.none(Instant.EPOCH)));
    }

    @AfterAll
    static void close() throws Exception {
        index.close();
    }

    @ParameterizedTest(name = "{0} → {1}")
    @CsvSource(delimiter = ';', value = {
        "tinystories; ggml-org/stories260k",
        "stories; ggml-org/stories260k",
        "smol; bartowski/smollm2-1.7b-instruct | huggingfacetb/smollm2-1.7b-instruct | bartowski/smollm2-360m-instruct | huggingfacetb/smollm2-360m-instruct | ggml-org/smollm3-3b",
        "smollm2 360m; bartowski/smollm2-360m-instruct | huggingfacetb/smollm2-360m-instruct",
        "smollm3; ggml-org/smollm3-3b",
        "qwen 0.5; qwen/qwen2.5-0.5b-instruct",
        "qwen2.5 1.5b; qwen/qwen2.5-1.5b-instruct",
        "qwen3 0.6b; qwen/qwen3-0.6b",
        "qwenn; qwen/qwen3-0.6b | ggml-org/qwen3-1.7b | qwen/qwen2.5-0.5b-instruct | qwen/qwen2.5-1.5b-instruct | qwen/qwen2.5-coder-1.5b-instruct",
        "coder; qwen/qwen2.5-coder-1.5b-instruct",
        "embedding; nomic-ai/nomic-embed-text-v1.5-gguf | yixuan-chia/snowflake-arctic-embed-s | ggml-org/embeddinggemma-300m",
        "embedinggemma; ggml-org/embeddinggemma-300m",
        "nomic; nomic-ai/nomic-embed-text-v1.5-gguf",
        "snowflake arctic; yixuan-chia/snowflake-arctic-embed-s",
        "phi; thebloke/phi-2 | lmstudio-community/phi-3.1-mini-4k-instruct",
        "phi 2; thebloke/phi-2",
        "llama 1b; bartowski/llama-3.2-1b-instruct | hugging-quants/llama-3.2-1b-instruct",
        "lama 1b; bartowski/llama-3.2-1b-instruct | hugging-quants/llama-3.2-1b-instruct",
        "bartowski llama; bartowski/llama-3.2-1b-instruct",
        "gemma; bartowski/gemma-2-2b-it",
        "deepseek; bartowski/deepseek-r1-distill-qwen-1.5b",
        "granite; ibm-granite/granite-3.3-2b-instruct-gguf",
        "gpt2; onnx/gpt-2 | richarderkhov/distilgpt2",
        "distilgpt2; richarderkhov/distilgpt2",
        "thinking; qwen/qwen3-0.6b | ggml-org/qwen3-1.7b",
        "flan t5; felladrin/flan-t5-small",
        "tiny random; aladar/llama-2-tiny-random",
        "68m; tensorblock/llama-68m-chat-v1",
    })
    void theObviousAnswerComesFirst(String query, String expected) throws IndexException {
        Set<String> wanted = Arrays.stream(expected.split("\\|")).map(String::trim).collect(Collectors.toSet());
        List<ModelHit> hits = index.search(SearchRequest.builder(query).limit(wanted.size() + 3).build()).hits();
        List<String> ids = hits.stream().map(ModelHit::id).toList();
        assertEquals(wanted, Set.copyOf(ids.subList(0, Math.min(wanted.size(), ids.size()))), () -> "top results for `" + query + "`: " + ids);
    }
}
