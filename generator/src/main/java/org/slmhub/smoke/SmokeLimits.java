package org.slmhub.smoke;

/**
 * Bounds on one forked smoke run. {@link InProcessEngine} cannot enforce them.
 *
 * @param loadTimeoutMillis       from starting the worker JVM until the model is loaded
 * @param generationTimeoutMillis from the model being loaded until the worker's result
 * @param workerHeapMegabytes     the worker's {@code -Xmx}; weights live outside the Java heap
 *                                (llama.cpp maps the file), so the heap only holds text and JSON
 */
public record SmokeLimits(long loadTimeoutMillis, long generationTimeoutMillis, int workerHeapMegabytes) {
    /** Generous for models up to a few hundred MB on two cores; CI tightens or loosens per model. */
    public static final SmokeLimits DEFAULT = new SmokeLimits(120_000, 300_000, 256);

    public SmokeLimits {
        if (loadTimeoutMillis <= 0 || generationTimeoutMillis <= 0) {
            throw new IllegalArgumentException("timeouts must be positive, got load " + loadTimeoutMillis
                    + " ms and generation " + generationTimeoutMillis + " ms");
        }
        if (workerHeapMegabytes < 32) {
            throw new IllegalArgumentException("worker heap must be at least 32 MB, got " + workerHeapMegabytes);
        }
    }
}
