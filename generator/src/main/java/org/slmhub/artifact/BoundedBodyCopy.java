package org.slmhub.artifact;

import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.util.List;

import static org.slmhub.artifact.ArtifactException.Kind.SIZE_MISMATCH;
import static org.slmhub.artifact.ArtifactException.Kind.TOO_LONG;
import static org.slmhub.artifact.ArtifactException.Kind.UNAVAILABLE;

/**
 * Appends one response body to a partial file, never beyond the artifact's declared size: a server
 * that sends a different (bigger) file must not be able to fill the disk. Reports progress as it goes.
 */
final class BoundedBodyCopy {

    private static final String WRONG_MANIFEST = "; the manifest's size or url is wrong";

    private final ArtifactRef ref;
    private final PartialFile partial;
    private final DownloadProgress progress;

    BoundedBodyCopy(ArtifactRef ref, PartialFile partial, DownloadProgress progress) {
        this.ref = ref;
        this.partial = partial;
        this.progress = progress;
    }

    /** @throws IOException only for trouble writing the partial file */
    void copy(HttpResponse<?> response, StallGuardedBody body) throws ArtifactException, IOException {
        checkAnnouncedLength(response);
        progress.start(ref.file(), ref.size());
        try {
            if (partial.length() > 0) {
                progress.resumedFrom(partial.length());
            }
            for (List<ByteBuffer> chunk = next(body); chunk != null; chunk = next(body)) {
                for (ByteBuffer buffer : chunk) {
                    int n = buffer.remaining();
                    if (partial.length() + n > ref.size()) {
                        throw new ArtifactException(TOO_LONG, "server sent more than the declared " + ref.size()
                                + " bytes of " + ref.file() + " from " + ref.url() + WRONG_MANIFEST);
                    }
                    partial.append(buffer);
                    progress.advanced(n);
                }
            }
        } finally {
            progress.done();
        }
        if (partial.length() < ref.size()) {
            throw new ArtifactException(SIZE_MISMATCH, "server sent only " + partial.length() + " of the declared "
                    + ref.size() + " bytes of " + ref.file() + " from " + ref.url() + WRONG_MANIFEST);
        }
    }

    /** Fails before reading the body when Content-Length already shows the file is not the declared one. */
    private void checkAnnouncedLength(HttpResponse<?> response) throws ArtifactException {
        long expected = ref.size() - partial.length();
        long announced = response.headers().firstValueAsLong("Content-Length").orElse(-1);
        if (announced > expected) {
            throw new ArtifactException(TOO_LONG, "server announced " + announced + " bytes, more than the declared "
                    + ref.size() + " bytes of " + ref.file() + " from " + ref.url() + WRONG_MANIFEST);
        }
        if (announced >= 0 && announced < expected) {
            throw new ArtifactException(SIZE_MISMATCH, "server announced " + announced + " bytes where "
                    + expected + " were expected (declared size " + ref.size() + " bytes) for " + ref.file()
                    + " from " + ref.url() + WRONG_MANIFEST);
        }
    }

    /** The next chunk; a network failure keeps the partial file so the next run can resume. */
    private List<ByteBuffer> next(StallGuardedBody body) throws ArtifactException {
        try {
            return body.next();
        } catch (IOException e) {
            String reason = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
            throw new ArtifactException(UNAVAILABLE, "download of " + ref.file() + " from " + ref.url()
                    + " stopped after " + partial.length() + " of " + ref.size() + " bytes (" + reason
                    + "); run again to resume", e);
        }
    }
}
