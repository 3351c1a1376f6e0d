package org.slmhub.smoke;

import java.nio.file.Path;
import java.util.List;

/**
 * One embedding run: load an ONNX feature-extraction model and its Hugging Face tokenizer, and
 * embed {@code sentences}.
 *
 * @param model             the .onnx file; made absolute, because the worker runs in another folder
 * @param tokenizer         the model's {@code tokenizer.json}; made absolute too
 * @param sentences         1 to {@value #MAX_SENTENCES} non-empty sentences, embedded in this order
 * @param maxSequenceLength tokens per sentence, special tokens included; longer input is truncated
 * @param pooling           {@value #MEAN} (over the attention-masked tokens) or {@value #CLS} (the
 *                          first token) when the model's first output is per token; ignored when
 *                          the model pools itself (a 2-D output)
 * @param normalize         scale each vector to length 1, as sentence-transformers models expect
 * @param threads           ONNX Runtime's intra-op threads
 * @param limits            timeouts, heap and memory cap of the worker JVM; the generation timeout
 *                          bounds the embedding
 */
public record EmbeddingRequest(Path model, Path tokenizer, List<String> sentences, int maxSequenceLength, String pooling,
        boolean normalize, int threads, SmokeLimits limits) {
    public static final int MAX_SENTENCES = 64;
    public static final int MAX_SEQUENCE_LENGTH = 8192;
    /** all-MiniLM-L6-v2's training length; sentences in a smoke test are far shorter. */
    public static final int DEFAULT_SEQUENCE_LENGTH = 256;
    public static final String MEAN = "mean";
    public static final String CLS = "cls";

    public EmbeddingRequest {
        if (model == null || tokenizer == null || sentences == null || pooling == null || limits == null) {
            throw new IllegalArgumentException("model, tokenizer, sentences, pooling and limits are required");
        }
        model = model.toAbsolutePath().normalize();
        tokenizer = tokenizer.toAbsolutePath().normalize();
        if (sentences.isEmpty() || sentences.size() > MAX_SENTENCES) {
            throw new IllegalArgumentException("1 to " + MAX_SENTENCES + " sentences, got " + sentences.size());
        }
        for (String sentence : sentences) {
            if (sentence == null || sentence.isBlank()) {
                throw new IllegalArgumentException("sentences must not be empty, got " + sentences);
            }
        }
        sentences = List.copyOf(sentences);
        if (maxSequenceLength < 2 || maxSequenceLength > MAX_SEQUENCE_LENGTH) {
            throw new IllegalArgumentException("max sequence length must be 2 to " + MAX_SEQUENCE_LENGTH + " tokens, got " + maxSequenceLength);
        }
        if (!pooling.equals(MEAN) && !pooling.equals(CLS)) {
            throw new IllegalArgumentException("pooling must be " + MEAN + " or " + CLS + ", got " + pooling);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, got " + threads);
        }
    }

    /** Mean pooling, normalized, {@value #DEFAULT_SEQUENCE_LENGTH} tokens, up to 4 threads, default limits. */
    public static EmbeddingRequest of(Path model, Path tokenizer, List<String> sentences) {
        int threads = Math.min(4, Runtime.getRuntime().availableProcessors());
        return new EmbeddingRequest(model, tokenizer, sentences, DEFAULT_SEQUENCE_LENGTH, MEAN, true, threads, SmokeLimits.DEFAULT);
    }

    public EmbeddingRequest withSentences(List<String> newSentences) {
        return new EmbeddingRequest(model, tokenizer, newSentences, maxSequenceLength, pooling, normalize, threads, limits);
    }

    public EmbeddingRequest withPooling(String newPooling, boolean newNormalize) {
        return new EmbeddingRequest(model, tokenizer, sentences, maxSequenceLength, newPooling, newNormalize, threads, limits);
    }

    public EmbeddingRequest withMaxSequenceLength(int tokens) {
        return new EmbeddingRequest(model, tokenizer, sentences, tokens, pooling, normalize, threads, limits);
    }

    public EmbeddingRequest withThreads(int count) {
        return new EmbeddingRequest(model, tokenizer, sentences, maxSequenceLength, pooling, normalize, count, limits);
    }

    public EmbeddingRequest withLimits(SmokeLimits newLimits) {
        return new EmbeddingRequest(model, tokenizer, sentences, maxSequenceLength, pooling, normalize, threads, newLimits);
    }
}
