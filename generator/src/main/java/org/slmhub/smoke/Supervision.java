package org.slmhub.smoke;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Watches one worker through its two phases: until {@code SLMHUB-LOADED} under the load timeout
 * (JVM start included), then until {@code SLMHUB-RESULT} under the generation timeout. A phase
 * that runs over gets the worker killed; so does a worker whose resident memory passes its cap
 * (sampled with the polls: it can overshoot by what it allocates in {@value #POLL_MILLIS} ms). A
 * worker that ends without a result is a crash.
 */
final class Supervision<T extends WorkerResult<T>> {
    /** How often the worker's peak memory is sampled while waiting: the last sample survives its death. */
    static final long POLL_MILLIS = 100;
    /** Bound on each wait after a result, an end of output or a kill: a worker halts right after its result. */
    static final long EXIT_GRACE_MILLIS = 10_000;

    private final WorkerTask<?, T> task;
    private final Process worker;
    private final WorkerStreams streams;
    private final SmokeLimits limits;
    private final long memoryCapBytes;
    private final Consumer<ProcessHandle> onLoaded;
    private final JvmCrashBanner crashBanner = new JvmCrashBanner();
    private long peakRssBytes;
    private long loadMillis;

    Supervision(WorkerTask<?, T> task, Process worker, WorkerStreams streams, SmokeLimits limits, long memoryCapBytes,
            Consumer<ProcessHandle> onLoaded) {
        this.task = task;
        this.worker = worker;
        this.streams = streams;
        this.limits = limits;
        this.memoryCapBytes = memoryCapBytes;
        this.onLoaded = onLoaded;
    }

    T await() throws InterruptedException {
        boolean loaded = false;
        long deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.loadTimeoutMillis());
        while (true) {
            String line = streams.nextLine(Math.min(POLL_MILLIS, remainingMillis(deadline)));
            peakRssBytes = Math.max(peakRssBytes, PeakMemory.ofProcess(worker.pid()));
            if (peakRssBytes > memoryCapBytes) {
                return overMemoryCap(loaded);
            }
            if (line == null) {
                if (remainingMillis(deadline) <= 0) {
                    return timedOut(loaded);
                }
            } else if (WorkerStreams.isEnd(line)) {
                return endedWithoutResult();
            } else if (WorkerProtocol.after(WorkerProtocol.RESULT, line) != null) {
                return result(WorkerProtocol.after(WorkerProtocol.RESULT, line));
            } else if (!loaded && WorkerProtocol.after(WorkerProtocol.LOADED, line) != null) {
                loaded = true;
                loadMillis = parseMillis(WorkerProtocol.after(WorkerProtocol.LOADED, line));
                deadline = System.nanoTime() + TimeUnit.MILLISECONDS.toNanos(limits.generationTimeoutMillis());
                onLoaded.accept(worker.toHandle());
            } else {
                crashBanner.read(line);
            }
        }
    }

    private T timedOut(boolean loaded) throws InterruptedException {
        ForkedWorker.kill(worker);
        String phase = loaded
                ? "generation phase: no result within " + limits.generationTimeoutMillis() + " ms of loading"
                : "load phase: model not loaded within " + limits.loadTimeoutMillis() + " ms of starting the worker";
        return failed(SmokeStatus.TIMED_OUT, "timed out in the " + phase + "; worker killed", loadMillis, peakRssBytes);
    }

    private T overMemoryCap(boolean loaded) throws InterruptedException {
        ForkedWorker.kill(worker);
        return failed(SmokeStatus.CRASHED, String.format(java.util.Locale.ROOT,
                "used %d MiB of memory in the %s phase, over its cap of %d MiB; worker killed",
                peakRssBytes >> 20, loaded ? "generation" : "load", memoryCapBytes >> 20), loadMillis, peakRssBytes);
    }

    /** Stdout ended without a result: the worker died (or closed stdout, and is given a grace period to exit). */
    private T endedWithoutResult() throws InterruptedException {
        if (!worker.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS)) {
            ForkedWorker.kill(worker);
            return failed(SmokeStatus.CRASHED, "worker closed its output without a result and did not exit",
                    loadMillis, peakRssBytes);
        }
        streams.awaitStderr(EXIT_GRACE_MILLIS);
        String how = "worker " + ExitStatus.describe(worker.exitValue()) + " without a result";
        String reason = crashBanner.summary().map(crash -> how + "; JVM crash: " + crash)
                .or(() -> streams.crashLine().map(line -> how + "; stderr: " + line))
                .orElse(how);
        return failed(SmokeStatus.CRASHED, reason, loadMillis, peakRssBytes);
    }

    /** The worker's own outcome, with the memory peak the parent saw if higher, and llama.cpp's words for a failed load. */
    private T result(String json) throws InterruptedException {
        T reported;
        try {
            reported = WorkerProtocol.fromJson(json, task.resultType());
        } catch (JsonProcessingException e) {
            return failed(SmokeStatus.CRASHED, "unreadable worker result: " + e.getOriginalMessage(),
                    loadMillis, peakRssBytes);
        }
        worker.waitFor(EXIT_GRACE_MILLIS, TimeUnit.MILLISECONDS);
        T outcome = reported.withPeakRssBytes(Math.max(reported.peakRssBytes(), peakRssBytes));
        if (outcome.status() == SmokeStatus.COMPLETED || !task.quotesStderr()) {
            return outcome;
        }
        streams.awaitStderr(EXIT_GRACE_MILLIS);
        return streams.firstProblemLine().map(line -> outcome.withReason(outcome.reason() + ": " + line)).orElse(outcome);
    }

    private T failed(SmokeStatus status, String reason, long loadMillis, long peakRssBytes) {
        return task.failure().failed(status, reason, loadMillis, peakRssBytes);
    }

    private static long remainingMillis(long deadlineNanos) {
        return TimeUnit.NANOSECONDS.toMillis(deadlineNanos - System.nanoTime());
    }

    private static long parseMillis(String text) {
        try {
            return Long.parseLong(text);
        } catch (NumberFormatException e) {
            return 0;
        }
    }
}
