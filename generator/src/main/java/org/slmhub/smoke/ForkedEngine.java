package org.slmhub.smoke;

import java.util.Map;
import java.util.function.Consumer;

/**
 * Runs each request in a fresh worker JVM ({@link WorkerMain}) with the same {@code java} and
 * classpath as this one. A crash, a hang or a runaway allocation then ends the worker, not the
 * caller; every wait is bounded, and the worker is killed when a phase exceeds its timeout.
 *
 * <p>Each worker gets a private temp folder, its working folder too: the binding extracts its
 * native library under one fixed name and first deletes earlier copies, so workers sharing a
 * folder would break each other's. A JVM crash log (hs_err) lands there as well. The folder is
 * deleted after the run ({@link ForkedWorker}, shared with {@link ForkedEmbedder}).
 */
public final class ForkedEngine implements SmokeEngine {
    private final Map<String, String> testEnvironment;
    private final Consumer<ProcessHandle> onLoaded;

    public ForkedEngine() {
        this(Map.of(), worker -> { });
    }

    /** Test hooks: extra worker environment (see {@link WorkerProtocol#TEST_PAUSE_ENV}) and the loaded worker's handle. */
    ForkedEngine(Map<String, String> testEnvironment, Consumer<ProcessHandle> onLoaded) {
        this.testEnvironment = Map.copyOf(testEnvironment);
        this.onLoaded = onLoaded;
    }

    @Override
    public SmokeOutcome run(SmokeRequest request) {
        long memoryCap = request.limits().memoryCapFor(ForkedWorker.sizeOf(request.model()));
        return ForkedWorker.run(WorkerTask.GENERATE, request, request.limits(), memoryCap, testEnvironment, onLoaded);
    }
}
