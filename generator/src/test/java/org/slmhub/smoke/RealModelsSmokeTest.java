package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static java.util.stream.Collectors.toSet;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.TestPaths;
import org.slmhub.gguf.GgufFile;
import org.slmhub.gguf.GgufReader;
import org.slmhub.gguf.TensorInfo;

/** The real model fixtures in ../shared/fixtures/models, run in place by the forked engine. */
class RealModelsSmokeTest {
    /** stories260K's greedy continuation, the same in every run and every JVM (measured). */
    private static final String STORIES_CONTINUATION = ", there was a little girl named Lily. She loved to play";

    private Path models;

    @BeforeEach
    void findFixtures() {
        Optional<Path> shared = TestPaths.sharedModels();
        Assumptions.assumeTrue(shared.isPresent(), TestPaths.SHARED_ABSENT);
        models = shared.get();
    }

    /** The test model copies the header of a llama file llama.cpp runs: every llama.* key, the same tensors per layer. */
    @Test
    void tinyLlamaHasTheKeysAndTensorsOfStories260K(@TempDir Path dir) throws Exception {
        GgufFile stories = GgufReader.read(models.resolve("stories260K.gguf"));
        GgufFile tiny = GgufReader.read(TinyLlama.write(dir.resolve("tiny.gguf")));

        Set<String> llamaKeys = stories.metadata().keySet().stream().filter(key -> key.startsWith("llama.")).collect(toSet());
        assertTrue(tiny.metadata().keySet().containsAll(llamaKeys), "missing: " + llamaKeys);
        for (String key : List.of("tokenizer.ggml.model", "tokenizer.ggml.tokens", "tokenizer.ggml.scores",
                "tokenizer.ggml.token_type", "tokenizer.ggml.bos_token_id", "tokenizer.ggml.eos_token_id")) {
            assertTrue(tiny.metadata().containsKey(key), key);
        }
        assertEquals(firstLayerTensors(stories), firstLayerTensors(tiny));
    }

    private static Set<String> firstLayerTensors(GgufFile file) {
        return file.tensors().stream().map(TensorInfo::name)
                .filter(name -> !name.startsWith("blk.") || name.startsWith("blk.0.")).collect(toSet());
    }

    @Test
    void stories260KContinuesOnceUponATimeTheSameWayTwice() {
        SmokeRequest request = SmokeRequest.greedy(models.resolve("stories260K.gguf"), "Once upon a time", 16);
        ForkedEngine engine = new ForkedEngine();

        for (int run = 1; run <= 2; run++) {
            SmokeOutcome outcome = engine.run(request);
            assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
            assertEquals(STORIES_CONTINUATION, outcome.text(), "run " + run);
            assertEquals(16, outcome.tokenCount(), "run " + run);
            assertFalse(outcome.stoppedByItself());
        }
    }

    @Test
    void llama2TinyRandomLoadsAndWrites16Tokens() {
        SmokeOutcome outcome = new ForkedEngine().run(
                SmokeRequest.greedy(models.resolve("llama-2-tiny-random.gguf"), "Once upon a time", 16));

        assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
        assertEquals(16, outcome.tokenCount(), outcome.toString());
        assertFalse(outcome.immediateEos());
    }
}
