package org.slmhub.smoke;

/**
 * Bounds on one forked smoke run. {@link InProcessEngine} cannot enforce them.
 *
 * @param loadTimeoutMillis       from starting the worker JVM until the model is loaded
 * @param generationTimeoutMillis from the model being loaded until the worker's result
 * @param workerHeapMegabytes     the worker's {@code -Xmx}; weights live outside the Java heap
 *                                (llama.cpp maps the file), so the heap only holds text and JSON
 * @param workerMemoryBytes       the most resident memory the worker may reach before it is killed
 *                                (native allocations are not bounded by the heap); 0: automatic, see
 *                                {@link #memoryCapFor}
 */
public record SmokeLimits(long loadTimeoutMillis, long generationTimeoutMillis, int workerHeapMegabytes, long workerMemoryBytes) {
    /** Generous for models up to a few hundred MB on two cores; CI tightens or loosens per model. */
    public static final SmokeLimits DEFAULT = new SmokeLimits(120_000, 300_000, 256);
    /** Beyond the mapped weights: the JVM, the KV cache and llama.cpp's buffers for a small context. */
    public static final long AUTOMATIC_HEADROOM_BYTES = 2L << 30;

    /** With the automatic memory cap. */
    public SmokeLimits(long loadTimeoutMillis, long generationTimeoutMillis, int workerHeapMegabytes) {
        this(loadTimeoutMillis, generationTimeoutMillis, workerHeapMegabytes, 0);
    }

    public SmokeLimits {
        if (loadTimeoutMillis <= 0 || generationTimeoutMillis <= 0) {
            throw new IllegalArgumentException("timeouts must be positive, got load " + loadTimeoutMillis
                    + " ms and generation " + generationTimeoutMillis + " ms");
        }
        if (workerHeapMegabytes < 32) {
            throw new IllegalArgumentException("worker heap must be at least 32 MB, got " + workerHeapMegabytes);
        }
        if (workerMemoryBytes < 0) {
            throw new IllegalArgumentException("worker memory cap must be positive (or 0: automatic), got " + workerMemoryBytes);
        }
    }

    /** The cap for a model file of this size: the one set, else the file's size plus {@link #AUTOMATIC_HEADROOM_BYTES}. */
    public long memoryCapFor(long modelBytes) {
        return workerMemoryBytes > 0 ? workerMemoryBytes : modelBytes + AUTOMATIC_HEADROOM_BYTES;
    }
}
