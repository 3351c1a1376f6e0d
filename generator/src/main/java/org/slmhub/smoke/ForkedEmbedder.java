package org.slmhub.smoke;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Embeds sentences in a fresh worker JVM, like {@link ForkedEngine} runs a GGUF: a crash in ONNX
 * Runtime or the tokenizer, a hang or a runaway allocation ends the worker, not the caller, and
 * each phase is bounded by the request's {@link SmokeLimits} (the generation timeout bounds the
 * embedding). The worker extracts ONNX Runtime's, the tokenizer's and JNA's native libraries into
 * its private temp folder, deleted after the run, and DJL runs offline there (see {@link DjlSettings}).
 */
public final class ForkedEmbedder {
    private final Map<String, String> testEnvironment;
    private final Consumer<ProcessHandle> onLoaded;

    public ForkedEmbedder() {
        this(Map.of(), worker -> { });
    }

    /** Test hooks: extra worker environment (see {@link WorkerProtocol#TEST_PAUSE_ENV}) and the loaded worker's handle. */
    ForkedEmbedder(Map<String, String> testEnvironment, Consumer<ProcessHandle> onLoaded) {
        this.testEnvironment = Map.copyOf(testEnvironment);
        this.onLoaded = onLoaded;
    }

    public EmbeddingOutcome run(EmbeddingRequest request) {
        long memoryCap = request.limits().memoryCapFor(ForkedWorker.sizeOf(request.model()));
        return ForkedWorker.run(WorkerTask.EMBED, request, request.limits(), memoryCap, testEnvironment, onLoaded);
    }
}
