package org.slmhub.smoke;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Broken files, killed workers and timeouts: each ends in a one-line reason, never a hang. */
class WorkerFailureTest {
    private static final long PAUSE_LONGER_THAN_ANY_TEST = 120_000;

    @TempDir
    static Path dir;
    private static Path tiny;
    private final List<ProcessHandle> workers = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void writeModel() throws Exception {
        tiny = TinyLlama.write(dir.resolve("tiny.gguf"));
    }

    @AfterEach
    void noWorkerOutlivesItsRun() {
        workers.forEach(worker -> assertFalse(worker.isAlive(), "worker " + worker.pid() + " still runs"));
        assertEquals(0, ProcessHandle.current().children().filter(ProcessHandle::isAlive).count(), "no child left");
    }

    private static SmokeRequest request(Path model, long loadTimeoutMillis, long generationTimeoutMillis) {
        return SmokeRequest.greedy(model, "Once upon a time", 16).withThreads(2)
                .withLimits(new SmokeLimits(loadTimeoutMillis, generationTimeoutMillis, 128));
    }

    private ForkedEngine pausing(String pause, Consumer<ProcessHandle> whenLoaded) {
        return new ForkedEngine(Map.of(WorkerProtocol.TEST_PAUSE_ENV, pause), worker -> {
            workers.add(worker);
            whenLoaded.accept(worker);
        });
    }

    /** What a fault in llama.cpp does to the worker; sh's kill builtin, as Java sends only SIGTERM and SIGKILL. */
    static void segfault(ProcessHandle worker) {
        try {
            new ProcessBuilder("sh", "-c", "kill -SEGV " + worker.pid()).start().waitFor(10, TimeUnit.SECONDS);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private static void assertOneLine(SmokeOutcome outcome, String expected) {
        assertTrue(outcome.reason().contains(expected), "reason should contain \"" + expected + "\": " + outcome.reason());
        assertFalse(outcome.reason().contains("\n"), outcome.reason());
    }

    @Test
    void truncatedModelFailsToLoadWithLlamaCppsReason() throws Exception {
        byte[] whole = Files.readAllBytes(tiny);
        Path half = Files.write(dir.resolve("half.gguf"), Arrays.copyOf(whole, whole.length / 2));

        SmokeOutcome outcome = new ForkedEngine().run(request(half, 60_000, 60_000));

        assertEquals(SmokeStatus.LOAD_FAILED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "data is not within the file bounds");
        assertEquals("", outcome.text());
    }

    @Test
    void randomBytesAfterTheMagicFailToLoad() throws Exception {
        byte[] noise = new byte[4096];
        new Random(7).nextBytes(noise);
        ByteBuffer file = ByteBuffer.allocate(8 + noise.length).order(ByteOrder.LITTLE_ENDIAN);
        file.put("GGUF".getBytes(StandardCharsets.US_ASCII)).putInt(3).put(noise);
        Path garbage = Files.write(dir.resolve("garbage.gguf"), file.array());

        SmokeOutcome outcome = new ForkedEngine().run(request(garbage, 60_000, 60_000));

        assertTrue(outcome.status() == SmokeStatus.LOAD_FAILED || outcome.status() == SmokeStatus.CRASHED, outcome.toString());
        assertOneLine(outcome, "llama.cpp");
    }

    @Test
    void workerKilledWhileGeneratingIsACrashNamingTheSignal() {
        SmokeOutcome outcome = pausing("generate:" + PAUSE_LONGER_THAN_ANY_TEST, ProcessHandle::destroyForcibly)
                .run(request(tiny, 60_000, 60_000));

        assertEquals(SmokeStatus.CRASHED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "killed by signal 9 (SIGKILL)");
        assertTrue(outcome.loadMillis() > 0, "the load had been reported: " + outcome);
        assertTrue(outcome.peakRssBytes() > 0, "sampled while the worker ran: " + outcome);
    }

    @Test
    void segfaultInTheWorkerIsACrashQuotingTheJvmCrashReport() {
        SmokeOutcome outcome = pausing("generate:" + PAUSE_LONGER_THAN_ANY_TEST, WorkerFailureTest::segfault)
                .run(request(tiny, 60_000, 60_000));

        assertEquals(SmokeStatus.CRASHED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "killed by signal 6 (SIGABRT)");
        assertOneLine(outcome, "JVM crash: SIGSEGV (0xb) at pc=0x");
    }

    @Test
    void slowGenerationTimesOutAndTheWorkerIsGone() {
        long start = System.nanoTime();
        SmokeOutcome outcome = pausing("generate:" + PAUSE_LONGER_THAN_ANY_TEST, worker -> { }).run(request(tiny, 60_000, 1_000));

        assertEquals(SmokeStatus.TIMED_OUT, outcome.status(), outcome.toString());
        assertOneLine(outcome, "generation phase");
        assertEquals(1, workers.size(), "the worker had reported its load");
        assertTrue(System.nanoTime() - start < 30_000_000_000L, "gave up near the timeout, not the pause");
    }

    @Test
    void busyLoopInGenerationTimesOutAndTheWorkerIsGone() {
        SmokeOutcome outcome = pausing("generate:spin", worker -> { }).run(request(tiny, 60_000, 1_000));

        assertEquals(SmokeStatus.TIMED_OUT, outcome.status(), outcome.toString());
        assertOneLine(outcome, "generation phase: no result within 1000 ms of loading");
    }

    @Test
    void nativeAllocationWithoutEndIsKilledAtTheMemoryCap() {
        long cap = 512L << 20;
        SmokeOutcome outcome = pausing("generate:native-memory", worker -> { })
                .run(SmokeRequest.greedy(tiny, "Once upon a time", 16).withThreads(2).withLimits(new SmokeLimits(60_000, 60_000, 128, cap)));

        assertEquals(SmokeStatus.CRASHED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "in the generation phase, over its cap of 512 MiB; worker killed");
        assertTrue(outcome.peakRssBytes() > cap, "the peak seen is over the cap: " + outcome);
        assertEquals(1, workers.size());
    }

    @Test
    void heapAllocationWithoutEndEndsInAnOutOfMemoryCrash() {
        SmokeOutcome outcome = pausing("generate:heap-memory", worker -> { }).run(request(tiny, 60_000, 60_000));

        assertEquals(SmokeStatus.CRASHED, outcome.status(), outcome.toString());
        assertOneLine(outcome, "OutOfMemoryError");
    }

    @Test
    void automaticMemoryCapIsTheModelSizePlusHeadroom() {
        assertEquals(100 + SmokeLimits.AUTOMATIC_HEADROOM_BYTES, SmokeLimits.DEFAULT.memoryCapFor(100));
        assertEquals(5L << 30, new SmokeLimits(1, 1, 64, 5L << 30).memoryCapFor(100));
    }

    @Test
    void slowLoadTimesOut() {
        SmokeOutcome outcome = pausing("load:" + PAUSE_LONGER_THAN_ANY_TEST, worker -> { }).run(request(tiny, 1_500, 60_000));

        assertEquals(SmokeStatus.TIMED_OUT, outcome.status(), outcome.toString());
        assertOneLine(outcome, "load phase");
        assertTrue(workers.isEmpty(), "never reported a load");
    }
}
