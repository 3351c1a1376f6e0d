package org.slmhub.smoke;

import java.util.List;
import java.util.Optional;
import java.util.function.LongConsumer;

/**
 * A kind of work a worker JVM does: its name on the worker's command line, the request it reads,
 * the result it answers, and how it runs in the worker.
 *
 * @param name          the worker's first argument
 * @param quotesStderr  a failed result gets the worker's first error-like stderr line appended:
 *                      llama.cpp logs why a load failed there, while ONNX Runtime and the
 *                      tokenizer put it in their exceptions, which the result quotes already
 */
record WorkerTask<R, T extends WorkerResult<T>>(String name, Class<R> requestType, Class<T> resultType,
        Failure<T> failure, Runner<R, T> runner, boolean quotesStderr) {

    /** A GGUF with llama.cpp: {@link InProcessEngine}. */
    static final WorkerTask<SmokeRequest, SmokeOutcome> GENERATE = new WorkerTask<>("generate", SmokeRequest.class,
            SmokeOutcome.class, SmokeOutcome::failed, (request, onLoaded) -> new InProcessEngine(true, onLoaded).run(request), true);
    /** An ONNX sentence-embedding model: {@link SentenceEmbedder}. */
    static final WorkerTask<EmbeddingRequest, EmbeddingOutcome> EMBED = new WorkerTask<>("embed", EmbeddingRequest.class,
            EmbeddingOutcome.class, EmbeddingOutcome::failed, (request, onLoaded) -> new SentenceEmbedder(onLoaded).run(request), false);

    static final List<WorkerTask<?, ?>> ALL = List.of(GENERATE, EMBED);

    static Optional<WorkerTask<?, ?>> named(String name) {
        return ALL.stream().filter(task -> task.name().equals(name)).findFirst();
    }

    /** A result that says what went wrong, with what was measured until then. */
    @FunctionalInterface
    interface Failure<T> {
        T failed(SmokeStatus status, String reason, long loadMillis, long peakRssBytes);
    }

    /** Runs a request in the worker; {@code onLoaded} gets the load time once the model is loaded. */
    @FunctionalInterface
    interface Runner<R, T> {
        T run(R request, LongConsumer onLoaded);
    }
}
