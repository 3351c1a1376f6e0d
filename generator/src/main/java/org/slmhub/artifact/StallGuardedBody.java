package org.slmhub.artifact;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.BlockingQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Flow;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.TimeUnit;

/**
 * Pulls a response body chunk by chunk and fails if no chunk arrives within the stall timeout.
 * HttpClient's own request timeout stops at the response headers, and a blocking InputStream read
 * has no timeout, so a server that goes silent mid-body would otherwise hang the download forever.
 * Requests one chunk at a time, so at most one chunk is buffered.
 */
final class StallGuardedBody implements Flow.Subscriber<List<ByteBuffer>>, AutoCloseable {

    private static final Object END = new Object();

    private final BlockingQueue<Object> items = new LinkedBlockingQueue<>();
    private final CompletableFuture<Flow.Subscription> subscription = new CompletableFuture<>();
    private final Duration stallTimeout;

    private StallGuardedBody(Duration stallTimeout) {
        this.stallTimeout = stallTimeout;
    }

    static StallGuardedBody subscribe(Flow.Publisher<List<ByteBuffer>> body, Duration stallTimeout) {
        StallGuardedBody reader = new StallGuardedBody(stallTimeout);
        body.subscribe(reader);
        return reader;
    }

    /** The next chunk of the body, or null once it has ended. */
    List<ByteBuffer> next() throws IOException {
        Object item;
        try {
            item = items.poll(stallTimeout.toMillis(), TimeUnit.MILLISECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new InterruptedIOException("interrupted while waiting for data");
        }
        if (item == null) {
            throw new HttpTimeoutException("no data received for " + stallTimeout.toMillis() + " ms");
        }
        if (item == END) {
            items.add(END); // stay at the end if asked again
            return null;
        }
        if (item instanceof Throwable failure) {
            throw failure instanceof IOException io ? io : new IOException(failure);
        }
        subscription.join().request(1);
        @SuppressWarnings("unchecked")
        List<ByteBuffer> chunk = (List<ByteBuffer>) item;
        return chunk;
    }

    @Override
    public void onSubscribe(Flow.Subscription s) {
        subscription.complete(s);
        s.request(1);
    }

    @Override
    public void onNext(List<ByteBuffer> chunk) {
        items.add(chunk);
    }

    @Override
    public void onError(Throwable failure) {
        items.add(failure);
    }

    @Override
    public void onComplete() {
        items.add(END);
    }

    /** Cancels the body, which makes HttpClient drop the connection instead of reading the rest. */
    @Override
    public void close() {
        subscription.thenAccept(Flow.Subscription::cancel);
    }
}
