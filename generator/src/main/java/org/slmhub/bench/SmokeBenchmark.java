package org.slmhub.bench;

import java.nio.file.Path;
import org.slmhub.smoke.ForkedEngine;
import org.slmhub.smoke.InProcessEngine;
import org.slmhub.smoke.SmokeLimits;
import org.slmhub.smoke.SmokeOutcome;
import org.slmhub.smoke.SmokeRequest;

/**
 * Times the smoke engine: a whole forked smoke run as its caller waits for it, and the decoding
 * speed of the worker against the same engine in this JVM. Each method runs once and returns
 * what it measured; the caller repeats, prints and takes medians.
 */
public final class SmokeBenchmark {
    public static final String PROMPT = "Once upon a time";
    /** What the catalog's manifests ask for in smoke.max_tokens. */
    public static final int SMOKE_TOKENS = 16;
    /** Context beyond the generated tokens, for the prompt. */
    private static final int PROMPT_ROOM = 64;
    public static final int MAX_THROUGHPUT_TOKENS = SmokeRequest.MAX_CONTEXT - PROMPT_ROOM;

    private final ForkedEngine worker = new ForkedEngine();
    private final InProcessEngine inProcess = new InProcessEngine();

    /** One forked run and the wall time around it: JVM start, load, generation and the worker's exit. */
    public record Timed(long wallMillis, SmokeOutcome outcome) {
    }

    public Timed forkLoadGenerate(Path model) {
        SmokeRequest request = SmokeRequest.greedy(model, PROMPT, SMOKE_TOKENS);
        long start = System.nanoTime();
        SmokeOutcome outcome = worker.run(request);
        return new Timed((System.nanoTime() - start) / 1_000_000, outcome);
    }

    /**
     * A generation long enough that decoding, not the prompt, dominates; the context and thread
     * count are fixed here so both engines run exactly the same request.
     */
    public static SmokeRequest throughputRequest(Path model, int tokens) {
        int context = Math.max(SmokeRequest.DEFAULT_CONTEXT, tokens + PROMPT_ROOM);
        int threads = SmokeRequest.greedy(model, PROMPT, 1).threads(); // what a real smoke run uses
        return new SmokeRequest(model, PROMPT, tokens, 0f, SmokeRequest.DEFAULT_SEED, context, threads,
                false, "", 0, SmokeLimits.DEFAULT);
    }

    /** The same request in a worker and in this JVM; compare their generation-only tokens/s. */
    public record Pair(SmokeOutcome worker, SmokeOutcome inProcess) {
    }

    public Pair workerAndInProcess(SmokeRequest request, boolean workerFirst) {
        if (workerFirst) {
            SmokeOutcome first = worker.run(request);
            return new Pair(first, inProcess.run(request));
        }
        SmokeOutcome first = inProcess.run(request);
        return new Pair(worker.run(request), first);
    }

    /** Loads the native library and runs the model once in this JVM, so the in-process runs after it are warm. */
    public SmokeOutcome warmUpInProcess(SmokeRequest request) {
        return inProcess.run(request);
    }
}
