package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeFalse;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real quantized all-MiniLM-L6-v2 through ONNX Runtime and DJL's tokenizer, in worker JVMs. */
class ForkedEmbedderTest {
    static final String CAT = "A cat sits on the mat";
    static final String KITTEN = "A kitten rests on a rug";
    static final String STOCKS = "Stock markets fell today";
    private static final Duration HANG_GUARD = Duration.ofSeconds(120);

    @TempDir
    static Path dir;
    private static MiniLm.ModelFiles miniLm;

    @BeforeAll
    static void extractModel() throws IOException {
        miniLm = MiniLm.extractTo(dir);
    }

    /** Two threads everywhere: runs compared value for value must sum floats in the same order. */
    static EmbeddingRequest request(MiniLm.ModelFiles files) {
        return EmbeddingRequest.of(files.model(), files.tokenizer(), List.of(CAT, KITTEN, STOCKS)).withThreads(2);
    }

    static <T> T timed(String what, Supplier<T> run) {
        long start = System.nanoTime();
        T result = assertTimeoutPreemptively(HANG_GUARD, run::get);
        System.out.printf("%s: %d ms%n", what, (System.nanoTime() - start) / 1_000_000);
        return result;
    }

    @Test
    void miniLmPutsTheCatNearerTheKittenThanTheStockMarket() {
        EmbeddingOutcome outcome = timed("forked MiniLM, 3 sentences", () -> new ForkedEmbedder().run(request(miniLm)));

        assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
        assertEquals("", outcome.reason());
        assertEquals(MiniLm.DIMENSION, outcome.dimension());
        assertEquals(3, outcome.vectors().size());
        double catKitten = EmbeddingExpectations.cosine(outcome.vectors().get(0), outcome.vectors().get(1));
        double catStocks = EmbeddingExpectations.cosine(outcome.vectors().get(0), outcome.vectors().get(2));
        System.out.printf("cos(cat, kitten) = %.4f, cos(cat, stocks) = %.4f; load %d ms, embed %d ms, %.0f sentences/s, peak RSS %d MiB%n",
                catKitten, catStocks, outcome.loadMillis(), outcome.embedMillis(), outcome.sentencesPerSecond(), outcome.peakRssBytes() >> 20);
        assertTrue(catKitten > catStocks, catKitten + " should exceed " + catStocks);
        for (float[] vector : outcome.vectors()) {
            assertEquals(MiniLm.DIMENSION, vector.length);
            assertEquals(1.0, norm(vector), 1e-5, "normalized");
        }
        assertTrue(outcome.engine().startsWith("ONNX Runtime 1.23.2, DJL tokenizers 0.38.0"), outcome.engine());
        assertTrue(outcome.loadMillis() > 0 && outcome.sentencesPerSecond() > 0, outcome.toString());
        assertTrue(outcome.peakRssBytes() > 50L << 20, "a JVM with ONNX Runtime and a 23 MB model uses more than 50 MB: " + outcome.peakRssBytes());
    }

    @Test
    void twoWorkersAndThisJvmGiveTheSameVectors() {
        EmbeddingRequest request = request(miniLm);

        EmbeddingOutcome first = timed("first worker", () -> new ForkedEmbedder().run(request));
        EmbeddingOutcome second = timed("second worker", () -> new ForkedEmbedder().run(request));
        EmbeddingOutcome inProcess = timed("in this JVM", () -> new SentenceEmbedder().run(request));

        for (EmbeddingOutcome outcome : List.of(first, second, inProcess)) {
            assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
        }
        System.out.printf("largest difference: between workers %.2e, worker and this JVM %.2e%n",
                largestDifference(first, second), largestDifference(first, inProcess));
        assertTrue(largestDifference(first, second) <= 1e-6, "deterministic across worker JVMs");
        assertTrue(largestDifference(first, inProcess) <= 1e-6, "the worker and this JVM run the same code path");
    }

    @Test
    void clsPoolingWithoutNormalizingGivesAnotherUnscaledVector() {
        EmbeddingRequest mean = request(miniLm).withSentences(List.of(CAT));
        EmbeddingOutcome pooledMean = timed("mean pooling", () -> new ForkedEmbedder().run(mean));
        EmbeddingOutcome cls = timed("cls pooling", () -> new ForkedEmbedder().run(mean.withPooling(EmbeddingRequest.CLS, false)));

        assertEquals(SmokeStatus.COMPLETED, cls.status(), cls.reason());
        assertEquals(MiniLm.DIMENSION, cls.dimension());
        assertTrue(Math.abs(norm(cls.vectors().get(0)) - 1) > 0.01, "not normalized: " + norm(cls.vectors().get(0)));
        double similarity = EmbeddingExpectations.cosine(cls.vectors().get(0), pooledMean.vectors().get(0));
        System.out.printf("cos(cls, mean) of one sentence = %.4f%n", similarity);
        assertTrue(similarity < 0.999, "the first token is not the mean: " + similarity);
    }

    /**
     * ONNX Runtime and the tokenizer extract their native libraries into the worker's own folder,
     * and DJL writes nothing into the home folder ({@code ~/.djl.ai}, JNA's {@code ~/.cache/JNA}).
     */
    @Test
    void nativeLibrariesGoIntoTheWorkersFolderAndNothingIntoHome() {
        Path home = Path.of(System.getProperty("user.home"));
        List<Path> untouched = List.of(home.resolve(".djl.ai"), home.resolve(".cache/JNA"));
        assumeFalse(untouched.stream().anyMatch(Files::exists), "one of " + untouched + " exists already, so the check would prove nothing");
        AtomicReference<List<String>> extracted = new AtomicReference<>(List.of());
        AtomicReference<Path> scratch = new AtomicReference<>();

        EmbeddingOutcome outcome = timed("forked MiniLM", () -> new ForkedEmbedder(Map.of(), worker -> {
            scratch.set(folderOf(worker));
            extracted.set(filesUnder(scratch.get()));
        }).run(request(miniLm)));

        assertEquals(SmokeStatus.COMPLETED, outcome.status(), outcome.reason());
        System.out.println("extracted by the worker into " + scratch.get() + ": " + extracted.get());
        assertTrue(extracted.get().stream().anyMatch(file -> file.endsWith("/libonnxruntime.so")), extracted.get().toString());
        assertTrue(extracted.get().stream().anyMatch(file -> file.endsWith("/libtokenizers.so")), extracted.get().toString());
        assertFalse(Files.exists(scratch.get()), "the worker's folder is deleted after the run");
        untouched.forEach(path -> assertFalse(Files.exists(path), path + " was created"));
    }

    /** The worker's folder is its working folder (and its java.io.tmpdir). */
    private static Path folderOf(ProcessHandle worker) {
        try {
            return Files.readSymbolicLink(Path.of("/proc", Long.toString(worker.pid()), "cwd"));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static List<String> filesUnder(Path folder) {
        try (Stream<Path> walk = Files.walk(folder)) {
            return walk.filter(Files::isRegularFile).map(Path::toString).sorted().toList();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static double norm(float[] vector) {
        double squares = 0;
        for (float v : vector) {
            squares += (double) v * v;
        }
        return Math.sqrt(squares);
    }

    private static double largestDifference(EmbeddingOutcome a, EmbeddingOutcome b) {
        double largest = 0;
        for (int i = 0; i < a.vectors().size(); i++) {
            for (int d = 0; d < a.dimension(); d++) {
                largest = Math.max(largest, Math.abs(a.vectors().get(i)[d] - b.vectors().get(i)[d]));
            }
        }
        return largest;
    }
}
