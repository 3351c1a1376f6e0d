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
 * One request in a fresh worker JVM ({@link WorkerMain}), whatever its {@link WorkerTask}: the
 * worker's private temp folder, its start, the request on its stdin, its {@link Supervision}, and
 * its end. The folder is deleted after the run, with the native libraries extracted into it.
 */
final class ForkedWorker {
    private ForkedWorker() {
    }

    static <R, T extends WorkerResult<T>> T run(WorkerTask<R, T> task, R request, SmokeLimits limits, long memoryCapBytes,
            Map<String, String> testEnvironment, Consumer<ProcessHandle> onLoaded) {
        Path scratch;
        try {
            scratch = Files.createTempDirectory("slmhub-smoke-");
        } catch (IOException e) {
            return task.failure().failed(SmokeStatus.CRASHED, "cannot create the worker's temp folder: " + e.getMessage(), 0, 0);
        }
        Process worker = null;
        try {
            worker = WorkerCommand.start(task, limits, scratch, testEnvironment);
            WorkerStreams streams = WorkerStreams.attach(worker);
            send(worker, WorkerProtocol.toJson(request));
            return new Supervision<>(task, worker, streams, limits, memoryCapBytes, onLoaded).await();
        } catch (IOException e) {
            return task.failure().failed(SmokeStatus.CRASHED, "cannot start the worker JVM: " + e.getMessage(), 0, 0);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return task.failure().failed(SmokeStatus.CRASHED, "interrupted while waiting for the worker", 0, 0);
        } finally {
            if (worker != null) {
                kill(worker);
            }
            ScratchFolder.delete(scratch);
        }
    }

    /** The model file's size, for the automatic memory cap; 0 if unreadable (the worker reports that). */
    static long sizeOf(Path model) {
        try {
            return Files.size(model);
        } catch (IOException e) {
            return 0;
        }
    }

    /** A worker that died at once closes its stdin; its exit code then tells the story, not this write. */
    private static void send(Process worker, String json) {
        try (OutputStream stdin = worker.getOutputStream()) {
            stdin.write(json.getBytes(StandardCharsets.UTF_8));
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
