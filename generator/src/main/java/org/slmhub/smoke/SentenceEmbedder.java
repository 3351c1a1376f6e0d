package org.slmhub.smoke;

import ai.djl.huggingface.tokenizers.Encoding;
import ai.djl.huggingface.tokenizers.HuggingFaceTokenizer;
import ai.onnxruntime.OnnxTensor;
import ai.onnxruntime.OnnxValue;
import ai.onnxruntime.OrtEnvironment;
import ai.onnxruntime.OrtException;
import ai.onnxruntime.OrtLoggingLevel;
import ai.onnxruntime.OrtSession;
import java.io.IOException;
import java.nio.FloatBuffer;
import java.nio.LongBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.LongConsumer;

/**
 * Embeds sentences in this JVM with ONNX Runtime and DJL's Hugging Face tokenizer: the code path
 * the worker runs ({@link ForkedEmbedder}). It has no timeouts, and a native crash takes this JVM
 * down. A model, tokenizer or graph it cannot use gives a failed {@link EmbeddingOutcome} with a
 * one-line reason, never an exception.
 *
 * <p>Sentences are embedded one at a time, not as one padded batch. A batch was measured at most
 * about 1.5 times faster on two cores (64 sentences: 56-77 against 35-65 sentences/s; 3 sentences:
 * no difference), but its vectors depend on the other sentences in it: a quantized model quantizes
 * its activations with one scale per tensor, padding included, and MiniLM's batched vectors
 * differed from the single ones by up to 0.02 per value, twenty times a recorded value's
 * tolerance. One at a time, a sentence's vector is the same whatever it is embedded with.
 */
public final class SentenceEmbedder {
    private final LongConsumer onLoaded;

    public SentenceEmbedder() {
        this(loadMillis -> { });
    }

    /** @param onLoaded called with the load time once tokenizer and model are loaded, before embedding */
    SentenceEmbedder(LongConsumer onLoaded) {
        this.onLoaded = onLoaded;
    }

    public EmbeddingOutcome run(EmbeddingRequest request) {
        // DJL takes a tokenizer path that is no file for the name of one on the Hugging Face hub
        for (Path file : List.of(request.model(), request.tokenizer())) {
            if (!Files.isRegularFile(file)) {
                return failed(SmokeStatus.LOAD_FAILED, file + ": no such file", 0);
            }
        }
        DjlSettings.ensurePrivate();
        long start = System.nanoTime();
        HuggingFaceTokenizer tokenizer;
        try {
            tokenizer = HuggingFaceTokenizer.builder()
                    .optTokenizerPath(request.tokenizer())
                    .optAddSpecialTokens(true)
                    .optTruncation(true)
                    .optMaxLength(request.maxSequenceLength())
                    .optPadding(false) // tokenizer.json may pad every sentence to a fixed length
                    .build();
        } catch (IOException | RuntimeException | LinkageError e) {
            return failed(SmokeStatus.LOAD_FAILED, "cannot load the tokenizer " + request.tokenizer() + ": " + OneLine.of(e), 0);
        }
        try (tokenizer) {
            return withTokenizer(request, tokenizer, start);
        }
    }

    private EmbeddingOutcome withTokenizer(EmbeddingRequest request, HuggingFaceTokenizer tokenizer, long start) {
        OrtEnvironment environment;
        OrtSession session;
        EmbeddingGraph graph;
        try {
            environment = OrtEnvironment.getEnvironment(OrtLoggingLevel.ORT_LOGGING_LEVEL_ERROR, "slmhub");
        } catch (RuntimeException | LinkageError e) { // the native library cannot load
            return failed(SmokeStatus.LOAD_FAILED, "cannot load ONNX Runtime's native library: " + OneLine.of(e), 0);
        }
        try (OrtSession.SessionOptions options = new OrtSession.SessionOptions()) {
            options.setIntraOpNumThreads(request.threads());
            session = environment.createSession(request.model().toString(), options);
        } catch (OrtException | RuntimeException e) {
            return failed(SmokeStatus.LOAD_FAILED, "ONNX Runtime cannot load " + request.model() + ": " + OneLine.of(e), 0);
        }
        try (session) {
            try {
                graph = EmbeddingGraph.of(session);
            } catch (EmbeddingGraph.UnusableGraphException e) {
                return failed(SmokeStatus.LOAD_FAILED, request.model() + ": " + e.getMessage(), 0);
            }
            long loadMillis = (System.nanoTime() - start) / 1_000_000;
            onLoaded.accept(loadMillis);
            return embed(request, tokenizer, environment, session, graph, loadMillis);
        } catch (OrtException e) {
            return failed(SmokeStatus.LOAD_FAILED, "ONNX Runtime: " + OneLine.of(e), 0);
        }
    }

    private static EmbeddingOutcome embed(EmbeddingRequest request, HuggingFaceTokenizer tokenizer, OrtEnvironment environment,
            OrtSession session, EmbeddingGraph graph, long loadMillis) {
        long start = System.nanoTime();
        List<float[]> vectors = new ArrayList<>();
        try {
            for (String sentence : request.sentences()) {
                vectors.add(embedOne(request, tokenizer.encode(sentence), environment, session, graph));
            }
        } catch (OrtException | RuntimeException e) {
            return failed(SmokeStatus.GENERATION_FAILED, "embedding failed: " + OneLine.of(e), loadMillis);
        } catch (UnexpectedOutputException e) {
            return failed(SmokeStatus.GENERATION_FAILED, request.model() + ": " + e.getMessage(), loadMillis);
        }
        long nanos = System.nanoTime() - start;
        Set<Integer> dimensions = new LinkedHashSet<>();
        vectors.forEach(vector -> dimensions.add(vector.length));
        if (dimensions.size() != 1) {
            return failed(SmokeStatus.GENERATION_FAILED, request.model() + ": the vectors differ in length: " + dimensions, loadMillis);
        }
        return new EmbeddingOutcome(SmokeStatus.COMPLETED, "", vectors.get(0).length, vectors, loadMillis, nanos / 1_000_000,
                vectors.size() / (nanos / 1e9), PeakMemory.ofThisProcess(), OnnxEngineVersion.DESCRIPTION);
    }

    /** One sentence as a batch of one: no padding, so every token is attended and pooled. */
    private static float[] embedOne(EmbeddingRequest request, Encoding encoding, OrtEnvironment environment, OrtSession session,
            EmbeddingGraph graph) throws OrtException, UnexpectedOutputException {
        long[] ids = encoding.getIds();
        long[] mask = encoding.getAttentionMask();
        long[] shape = {1, ids.length};
        List<OnnxTensor> tensors = new ArrayList<>();
        try {
            Map<String, OnnxTensor> inputs = new LinkedHashMap<>();
            for (String name : graph.inputs()) {
                long[] values = switch (name) {
                    case EmbeddingGraph.INPUT_IDS -> ids;
                    case EmbeddingGraph.ATTENTION_MASK -> mask;
                    default -> encoding.getTypeIds();
                };
                OnnxTensor tensor = OnnxTensor.createTensor(environment, LongBuffer.wrap(values), shape);
                tensors.add(tensor);
                inputs.put(name, tensor);
            }
            try (OrtSession.Result result = session.run(inputs, Set.of(graph.output()))) {
                return vector(request, result.get(0), ids.length, mask);
            }
        } finally {
            tensors.forEach(OnnxTensor::close);
        }
    }

    private static float[] vector(EmbeddingRequest request, OnnxValue value, int tokens, long[] mask)
            throws OrtException, UnexpectedOutputException {
        if (!(value instanceof OnnxTensor tensor)) {
            throw new UnexpectedOutputException("the first output is not a tensor but " + value.getInfo());
        }
        long[] shape = tensor.getInfo().getShape();
        FloatBuffer buffer = tensor.getFloatBuffer();
        if (buffer == null) {
            throw new UnexpectedOutputException("the first output is not a float tensor but " + tensor.getInfo());
        }
        float[] values = new float[buffer.remaining()];
        buffer.get(values);
        float[] vector;
        if (shape.length == 3 && shape[0] == 1 && shape[1] == tokens) {
            int dimension = (int) shape[2];
            vector = request.pooling().equals(EmbeddingRequest.CLS) ? VectorPooling.first(values, 0, tokens, dimension)
                    : VectorPooling.mean(values, 0, tokens, dimension, mask);
        } else if (shape.length == 2 && shape[0] == 1) {
            vector = VectorPooling.row(values, 0, (int) shape[1]);
        } else {
            throw new UnexpectedOutputException("for " + tokens + " tokens the first output has shape " + Arrays.toString(shape)
                    + "; " + EmbeddingGraph.SHAPES_READ);
        }
        if (vector.length == 0) {
            throw new UnexpectedOutputException("the model returned vectors of length 0");
        }
        return request.normalize() ? VectorPooling.normalize(vector) : vector;
    }

    private static EmbeddingOutcome failed(SmokeStatus status, String reason, long loadMillis) {
        return EmbeddingOutcome.failed(status, reason, loadMillis, PeakMemory.ofThisProcess());
    }

    /** The model ran, but its output is not what its declaration promised. */
    private static final class UnexpectedOutputException extends Exception {
        UnexpectedOutputException(String message) {
            super(message);
        }
    }
}
