package org.slmhub.gguf;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A real tokenizer holds 150k tokens, scores and merges: they are counted, not kept. */
class GgufLongArraysTest {
    private static final int VOCABULARY = 150_000;

    @TempDir
    Path dir;

    @Test
    void keepsOnlyTheLengthOfAVocabularySizedTokenizer() throws Exception {
        List<String> tokens = IntStream.range(0, VOCABULARY).mapToObj(i -> "tok" + i).toList();
        List<Float> scores = Collections.nCopies(VOCABULARY, -1f);
        List<String> merges = IntStream.range(0, VOCABULARY).mapToObj(i -> "t " + i).toList();
        Path file = GgufTestFiles.write(dir, new GgufWriter(3)
                .put("tokenizer.ggml.model", "gpt2")
                .array("tokenizer.ggml.tokens", GgufType.STRING, tokens)
                .array("tokenizer.ggml.scores", GgufType.FLOAT32, scores)
                .array("tokenizer.ggml.merges", GgufType.STRING, merges)
                .put("general.architecture", "qwen2")
                .tensor("output.weight", GgmlType.F16, 16, 4)
                .bytes());

        GgufReader.read(file); // warm-up, so the timing below measures reading, not class loading
        long start = System.nanoTime();
        GgufFile gguf = GgufReader.read(file);
        Duration took = Duration.ofNanos(System.nanoTime() - start);

        GgufArray read = (GgufArray) gguf.metadata().get("tokenizer.ggml.tokens");
        assertEquals(VOCABULARY, read.length());
        assertTrue(read.isElided());
        assertTrue(read.elements().isEmpty());
        assertEquals(VOCABULARY, ((GgufArray) gguf.metadata().get("tokenizer.ggml.scores")).length());
        assertEquals(VOCABULARY, ((GgufArray) gguf.metadata().get("tokenizer.ggml.merges")).length());
        assertTrue(gguf.hasTokenizer());
        assertEquals("qwen2", gguf.architecture().orElseThrow(), "entries after the arrays are read");
        assertEquals(64, gguf.parameterCount());
        assertTrue(took.toMillis() < 2_000, "reading 450k array elements took " + took.toMillis() + " ms");
    }

    @Test
    void keepsArraysUpToTheLimitAndElidesLongerOnes() throws Exception {
        int limit = MetadataValueReader.KEPT_ARRAY_LIMIT;
        List<Integer> atLimit = new ArrayList<>(Collections.nCopies(limit, 3));
        List<Integer> overLimit = new ArrayList<>(Collections.nCopies(limit + 1, 3));
        GgufFile gguf = GgufReader.read(GgufTestFiles.write(dir, new GgufWriter(3)
                .array("kept", GgufType.INT32, atLimit)
                .array("elided", GgufType.INT32, overLimit)
                .bytes()));

        GgufArray kept = (GgufArray) gguf.metadata().get("kept");
        GgufArray elided = (GgufArray) gguf.metadata().get("elided");
        assertFalse(kept.isElided());
        assertEquals(atLimit, kept.elements());
        assertTrue(elided.isElided());
        assertEquals(limit + 1, elided.length());
        assertEquals(GgufType.INT32, elided.elementType());
    }
}
