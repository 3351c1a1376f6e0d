package org.slmhub.artifact;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.ByteBuffer;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;

import static org.slmhub.artifact.ArtifactException.Kind.NOT_ALLOWED;
import static org.slmhub.artifact.ArtifactException.Kind.TOO_LONG;
import static org.slmhub.artifact.ArtifactException.Kind.UNAVAILABLE;

/**
 * One small document over HTTP (a registry's manifest), under the rules downloads follow: https
 * anywhere, plain http only to this machine, no redirect elsewhere, a limit on the wait for each
 * chunk, and a limit on the bytes read, so a hostile server can neither stall nor flood the caller.
 */
public final class SmallFetch {
    /** The status, and the body when it is 200 (else empty). */
    public record Answer(int status, byte[] body) {
    }

    private SmallFetch() {
    }

    /**
     * @param what the document in words, for messages ("the manifest of acme/tiny")
     * @throws ArtifactException NOT_ALLOWED for a URL or redirect outside the rules, UNAVAILABLE for
     *                           network trouble, TOO_LONG past {@code maxBytes}
     */
    public static Answer get(URI url, String what, int maxBytes, Duration connectTimeout, Duration readTimeout) throws ArtifactException {
        check(url, what);
        HttpClient client = HttpClient.newBuilder().connectTimeout(connectTimeout).followRedirects(HttpClient.Redirect.NORMAL).build();
        HttpRequest request = HttpRequest.newBuilder(url).timeout(readTimeout).header("User-Agent", "slmhub-registry").GET().build();
        try {
            HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = client.send(request, HttpResponse.BodyHandlers.ofPublisher());
            try (StallGuardedBody body = StallGuardedBody.subscribe(response.body(), readTimeout)) {
                check(response.uri(), what);
                if (response.statusCode() != 200) {
                    return new Answer(response.statusCode(), new byte[0]);
                }
                ByteArrayOutputStream bytes = new ByteArrayOutputStream();
                for (List<ByteBuffer> chunk = body.next(); chunk != null; chunk = body.next()) {
                    for (ByteBuffer b : chunk) {
                        if (bytes.size() + b.remaining() > maxBytes) {
                            throw new ArtifactException(TOO_LONG, what + " from " + url + " is larger than " + maxBytes + " bytes");
                        }
                        byte[] part = new byte[b.remaining()];
                        b.get(part);
                        bytes.writeBytes(part);
                    }
                }
                return new Answer(200, bytes.toByteArray());
            }
        } catch (IOException e) {
            throw new ArtifactException(UNAVAILABLE, "cannot fetch " + what + " from " + url + ": "
                    + HttpTransfer.describe(e, connectTimeout, readTimeout), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactException(UNAVAILABLE, "fetching " + what + " was interrupted", e);
        }
    }

    private static void check(URI url, String what) throws ArtifactException {
        if (!UrlPolicy.allowed(url)) {
            throw new ArtifactException(NOT_ALLOWED, "refusing to fetch " + what + " from " + url
                    + ": only https URLs are allowed (plain http only to localhost)");
        }
    }
}
