package org.slmhub.smoke;

/**
 * What {@link Supervision} needs of a worker's result, whatever the worker ran: its status and
 * reason, and copies with the parent's memory peak or a longer reason.
 */
interface WorkerResult<T extends WorkerResult<T>> {
    SmokeStatus status();

    String reason();

    long peakRssBytes();

    T withPeakRssBytes(long bytes);

    T withReason(String newReason);
}
