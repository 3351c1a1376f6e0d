package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Files and graphs the embedding engine cannot use, each a failure with a one-line reason; graphs
 * written by hand for what a real model cannot show; and what differs from the GGUF worker's
 * crash path (the same {@link Supervision}, tested in {@link WorkerFailureTest}).
 */
class EmbeddingFailureTest {
    @TempDir
    static Path dir;
    private static MiniLm.ModelFiles miniLm;

    @BeforeAll
    static void extractModel() throws IOException {
        miniLm = MiniLm.extractTo(dir);
    }

    private static EmbeddingRequest request(Path model, Path tokenizer) {
        return EmbeddingRequest.of(model, tokenizer, List.of(ForkedEmbedderTest.CAT)).withThreads(2);
    }

    private static EmbeddingOutcome forked(EmbeddingRequest request) {
        return ForkedEmbedderTest.timed("forked run", () -> new ForkedEmbedder().run(request));
    }

    private static void assertOneLine(EmbeddingOutcome outcome, String expected) {
        System.out.println(outcome.status() + ": " + outcome.reason());
        assertTrue(outcome.reason().contains(expected), "reason should contain \"" + expected + "\": " + outcome.reason());
        assertFalse(outcome.reason().contains("\n") || outcome.reason().contains("\tat ") || outcome.reason().contains("Exception"),
                "one line, no stack trace, no class names: " + outcome.reason());
        assertTrue(outcome.vectors().isEmpty());
    }

    @Test
    void truncatedModelFailsToLoadWithOnnxRuntimesReason() throws IOException {
        byte[] whole = Files.readAllBytes(miniLm.model());
        Path truncated = Files.write(dir.resolve("truncated.onnx"), Arrays.copyOf(whole, 1000));

        EmbeddingOutcome outcome = forked(request(truncated, miniLm.tokenizer()));

        assertEquals(SmokeStatus.LOAD_FAILED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "ONNX Runtime cannot load " + truncated + ": ");
        assertOneLine(outcome, "Protobuf parsing failed");
    }

    @Test
    void fileThatIsNotATokenizerFailsToLoad() throws IOException {
        Path notATokenizer = Files.writeString(dir.resolve("not-a-tokenizer.json"), "{\"model\": \"a sentence, not a tokenizer\"}");

        EmbeddingOutcome outcome = forked(request(miniLm.model(), notATokenizer));

        assertEquals(SmokeStatus.LOAD_FAILED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "cannot load the tokenizer " + notATokenizer + ": ");
    }

    @Test
    void missingTokenizerIsNamedNotLookedUpOnline() {
        Path absent = dir.resolve("sentence-transformers/all-MiniLM-L6-v2");

        EmbeddingOutcome outcome = new SentenceEmbedder().run(request(miniLm.model(), absent));

        assertEquals(SmokeStatus.LOAD_FAILED, outcome.status(), outcome.toString());
        assertEquals(absent + ": no such file", outcome.reason());
    }

    @Test
    void graphWithoutInputIdsFailsToLoad() throws IOException {
        Path model = OnnxGraphWriter.identity(dir.resolve("identity.onnx"), "pixel_values");

        EmbeddingOutcome outcome = forked(request(model, miniLm.tokenizer()));

        assertEquals(SmokeStatus.LOAD_FAILED, outcome.status(), outcome.toString());
        assertEquals(model + ": the graph has no input named input_ids; its inputs: pixel_values", outcome.reason());
    }

    @Test
    void outputOfRankZeroFailsToLoad() throws IOException {
        Path model = OnnxGraphWriter.scalarOutput(dir.resolve("scalar.onnx"));

        EmbeddingOutcome outcome = forked(request(model, miniLm.tokenizer()));

        assertEquals(SmokeStatus.LOAD_FAILED, outcome.status(), outcome.toString());
        assertEquals(model + ": the first output, sum, has rank 0; " + EmbeddingGraph.SHAPES_READ, outcome.reason());
    }

    /** A 2-D output is the model's own pooling, used as is: here the token ids, truncated to the maximum length. */
    @Test
    void twoDimensionalOutputIsUsedAsIsAndInputIsTruncated() throws IOException {
        Path model = OnnxGraphWriter.idsAsFloats(dir.resolve("ids.onnx"));
        long[] ids;
        DjlSettings.ensurePrivate(); // DJL in this JVM too must stay out of the home folder
        try (HuggingFaceTokenizer tokenizer = HuggingFaceTokenizer.builder().optTokenizerPath(miniLm.tokenizer())
                .optPadding(false).optTruncation(false).build()) {
            ids = tokenizer.encode(ForkedEmbedderTest.CAT).getIds();
        }

        EmbeddingOutcome whole = forked(request(model, miniLm.tokenizer()).withPooling(EmbeddingRequest.MEAN, false));
        EmbeddingOutcome truncated = forked(request(model, miniLm.tokenizer()).withPooling(EmbeddingRequest.MEAN, false)
                .withMaxSequenceLength(5));

        assertEquals(SmokeStatus.COMPLETED, whole.status(), whole.reason());
        assertEquals(ids.length, whole.dimension(), "one value per token, no padding: " + Arrays.toString(ids));
        assertEquals(Arrays.toString(floats(ids)), Arrays.toString(whole.vectors().get(0)));
        assertEquals(SmokeStatus.COMPLETED, truncated.status(), truncated.reason());
        assertEquals(5, truncated.dimension());
        float[] kept = truncated.vectors().get(0);
        assertEquals(ids[0], (long) kept[0], "[CLS] stays first");
        assertEquals(ids[ids.length - 1], (long) kept[4], "[SEP] stays last");
    }

    @Test
    void segfaultWhileEmbeddingIsACrashQuotingTheJvmCrashReport() {
        EmbeddingOutcome outcome = ForkedEmbedderTest.timed("forked run killed by SIGSEGV", () -> new ForkedEmbedder(
                Map.of(WorkerProtocol.TEST_PAUSE_ENV, "generate:120000"), WorkerFailureTest::segfault)
                .run(request(miniLm.model(), miniLm.tokenizer())));

        assertEquals(SmokeStatus.CRASHED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "killed by signal 6 (SIGABRT)");
        assertOneLine(outcome, "JVM crash: SIGSEGV (0xb) at pc=0x");
        assertTrue(outcome.loadMillis() > 0, "the load had been reported: " + outcome);
        assertTrue(outcome.engine().startsWith("ONNX Runtime "), outcome.engine());
    }


    private static float[] floats(long[] values) {
        float[] floats = new float[values.length];
        for (int i = 0; i < values.length; i++) {
            floats[i] = values[i];
        }
        return floats;
    }
}
