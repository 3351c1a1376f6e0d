package org.slmhub.smoke;

import java.util.List;

/**
 * What one embedding run did. Failures carry only what was known when they happened.
 *
 * @param status             what happened; {@link SmokeStatus#GENERATION_FAILED} means the model
 *                           loaded but running it failed
 * @param reason             one line saying why the run failed; empty when COMPLETED
 * @param dimension          the length of each vector; 0 unless COMPLETED
 * @param vectors            one per sentence of the request, in its order; empty unless COMPLETED
 * @param loadMillis         time to load the tokenizer and the model (in a worker: native library
 *                           extraction included, JVM start not)
 * @param embedMillis        time to tokenize, run and pool all the sentences
 * @param sentencesPerSecond sentences over the embedding time
 * @param peakRssBytes       peak resident memory (VmHWM) of the process that ran the model; 0 if unknown
 * @param engine             what ran the model, e.g. "ONNX Runtime 1.23.2, DJL tokenizers 0.38.0"
 */
public record EmbeddingOutcome(SmokeStatus status, String reason, int dimension, List<float[]> vectors, long loadMillis,
        long embedMillis, double sentencesPerSecond, long peakRssBytes, String engine) implements WorkerResult<EmbeddingOutcome> {

    public EmbeddingOutcome {
        if (status == null || reason == null || vectors == null || engine == null) {
            throw new IllegalArgumentException("status, reason, vectors and engine must not be null");
        }
        reason = reason.strip().replaceAll("\\s*\\R\\s*", " ");
        vectors = List.copyOf(vectors);
    }

    static EmbeddingOutcome failed(SmokeStatus status, String reason, long loadMillis, long peakRssBytes) {
        return new EmbeddingOutcome(status, reason, 0, List.of(), loadMillis, 0, 0, peakRssBytes, OnnxEngineVersion.DESCRIPTION);
    }

    public boolean completed() {
        return status == SmokeStatus.COMPLETED;
    }

    @Override
    public EmbeddingOutcome withPeakRssBytes(long bytes) {
        return new EmbeddingOutcome(status, reason, dimension, vectors, loadMillis, embedMillis, sentencesPerSecond, bytes, engine);
    }

    /** The same without the vectors: what a report keeps. */
    public EmbeddingOutcome withoutVectors() {
        return new EmbeddingOutcome(status, reason, dimension, List.of(), loadMillis, embedMillis, sentencesPerSecond, peakRssBytes, engine);
    }

    @Override
    public EmbeddingOutcome withReason(String newReason) {
        return new EmbeddingOutcome(status, newReason, dimension, vectors, loadMillis, embedMillis, sentencesPerSecond,
                peakRssBytes, engine);
    }
}
