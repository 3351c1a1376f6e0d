package org.slmhub.smoke;

import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Runs each request in a fresh worker JVM ({@link WorkerMain}) with the same {@code java} and
 * classpath as this one. A crash, a hang or a runaway allocation then ends the worker, not the
 * caller; every wait is bounded, and the worker is killed when a phase exceeds its timeout.
 *
 * <p>Each worker gets a private temp folder, its working folder too: the binding extracts its
 * native library under one fixed name and first deletes earlier copies, so workers sharing a
 * folder would break each other's. A JVM crash log (hs_err) lands there as well. The folder is
 * deleted after the run.
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
        Path scratch;
        try {
            scratch = Files.createTempDirectory("slmhub-smoke-");
        } catch (IOException e) {
            return SmokeOutcome.failed(SmokeStatus.CRASHED, "cannot create the worker's temp folder: " + e.getMessage(), 0, 0);
        }
        Process worker = null;
        try {
            worker = WorkerCommand.start(request.limits(), scratch, testEnvironment);
            WorkerStreams streams = WorkerStreams.attach(worker);
            send(worker, request);
            long memoryCap = request.limits().memoryCapFor(sizeOf(request.model()));
            return new Supervision(worker, streams, request.limits(), memoryCap, onLoaded).await();
        } catch (IOException e) {
            return SmokeOutcome.failed(SmokeStatus.CRASHED, "cannot start the worker JVM: " + e.getMessage(), 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return SmokeOutcome.failed(SmokeStatus.CRASHED, "interrupted while waiting for the worker", 0, 0);
        } finally {
            if (worker != null) {
                kill(worker);
            }
            ScratchFolder.delete(scratch);
        }
    }

    private static long sizeOf(Path model) {
        try {
            return Files.size(model);
        } catch (IOException e) {
            return 0; // the worker reports the missing file
        }
    }

    /** A worker that died at once closes its stdin; its exit code then tells the story, not this write. */
    private static void send(Process worker, SmokeRequest request) {
        try (OutputStream stdin = worker.getOutputStream()) {
            stdin.write(WorkerProtocol.toJson(request).getBytes(StandardCharsets.UTF_8));
        } catch (IOException e) {
            // reported through the exit status
        }
    }

    /** Kills the worker if still alive and waits, bounded, until it is gone, so its folder can be deleted. */
    static void kill(Process worker) {
        if (!worker.isAlive()) {
            return;
        }
        worker.destroyForcibly();
        try {
            worker.waitFor(Supervision.EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
