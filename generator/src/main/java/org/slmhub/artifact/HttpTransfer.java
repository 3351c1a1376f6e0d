package org.slmhub.artifact;

import java.io.IOException;
import java.net.ConnectException;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.ByteBuffer;
import java.nio.channels.UnresolvedAddressException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.Flow;

import static org.slmhub.artifact.ArtifactException.Kind.HTTP_ERROR;
import static org.slmhub.artifact.ArtifactException.Kind.UNAVAILABLE;

/**
 * Fills a partial file from the artifact's URL. If the partial already holds bytes it asks only for
 * the rest ({@code Range: bytes=N-}): a 206 answer is appended, a 200 answer replaces everything.
 * Checking the digest is left to the caller.
 */
final class HttpTransfer {

    private static final String USER_AGENT = "slmhub-artifact-store";

    private final Duration connectTimeout;
    private final Duration readTimeout;
    private final DownloadProgress progress;
    private HttpClient client;

    HttpTransfer(Duration connectTimeout, Duration readTimeout, DownloadProgress progress) {
        this.connectTimeout = connectTimeout;
        this.readTimeout = readTimeout;
        this.progress = progress;
    }

    /**
     * Brings the partial file to the declared size, or fails; does nothing if it is already that long.
     *
     * @throws IOException only for trouble with the local file; network trouble is an ArtifactException
     */
    void fill(ArtifactRef ref, PartialFile partial) throws ArtifactException, IOException {
        while (partial.length() < ref.size() && mustRestart(ref, partial)) {
            partial.restart(); // the server cannot continue our partial; without a Range header this loop ends
        }
    }

    /** Created on first use: a store that finds everything in the cache or mirrors never starts one. */
    private synchronized HttpClient client() {
        if (client == null) {
            // NORMAL follows redirects (Hugging Face sends files from a CDN) but never from https to http.
            client = HttpClient.newBuilder().connectTimeout(connectTimeout)
                    .followRedirects(HttpClient.Redirect.NORMAL).build();
        }
        return client;
    }

    /** One request; true if the server cannot resume at our offset and we must start from zero. */
    private boolean mustRestart(ArtifactRef ref, PartialFile partial) throws ArtifactException, IOException {
        long offset = partial.length();
        HttpRequest.Builder request = HttpRequest.newBuilder(ref.url()).timeout(readTimeout)
                .header("User-Agent", USER_AGENT).GET();
        if (offset > 0) {
            request.header("Range", "bytes=" + offset + "-");
        }
        HttpResponse<Flow.Publisher<List<ByteBuffer>>> response = send(ref, request.build());
        try (StallGuardedBody body = StallGuardedBody.subscribe(response.body(), readTimeout)) {
            UrlPolicy.check(ref, response.uri()); // a redirect may point somewhere we do not download from
            int status = response.statusCode();
            boolean resumable = status == 206 && rangeStart(response) == offset;
            if (offset > 0 && (status == 416 || (status == 206 && !resumable))) {
                return true;
            }
            if (status == 200) {
                partial.restart();
            } else if (!resumable) {
                throw new ArtifactException(HTTP_ERROR, "HTTP " + status + " for " + ref.file() + " from "
                        + ref.url() + hint(status));
            }
            new BoundedBodyCopy(ref, partial, progress).copy(response, body);
            return false;
        }
    }

    private HttpResponse<Flow.Publisher<List<ByteBuffer>>> send(ArtifactRef ref, HttpRequest request)
            throws ArtifactException {
        try {
            return client().send(request, HttpResponse.BodyHandlers.ofPublisher());
        } catch (IOException e) {
            throw new ArtifactException(UNAVAILABLE,
                    "cannot download " + ref.file() + " from " + ref.url() + ": " + describe(e), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new ArtifactException(UNAVAILABLE, "download of " + ref.file() + " was interrupted", e);
        }
    }

    private static long rangeStart(HttpResponse<?> response) {
        // Content-Range: bytes 1048576-3145727/3145728
        String range = response.headers().firstValue("Content-Range").orElse("");
        if (!range.startsWith("bytes ") || range.indexOf('-') < 0) {
            return -1;
        }
        try {
            return Long.parseLong(range.substring("bytes ".length(), range.indexOf('-')).trim());
        } catch (NumberFormatException e) {
            return -1;
        }
    }

    private static String hint(int status) {
        if (status == 401 || status == 403) {
            return " (access denied: the file may be gated and need a login or token)";
        }
        if (status == 404 || status == 410) {
            return " (no such file: check the url in the manifest)";
        }
        if (status == 429 || status >= 500) {
            return " (server busy or failing: try again later)";
        }
        if (status >= 300 && status < 400) {
            // HttpClient hands back the redirect itself after too many hops, or one from https to http
            return " (a redirect slmhub does not follow: too many in a row, or from https to plain http)";
        }
        return "";
    }

    private String describe(IOException e) {
        return describe(e, connectTimeout, readTimeout);
    }

    /** A network failure in a few words a user can act on. */
    static String describe(IOException e, Duration connectTimeout, Duration readTimeout) {
        if (e instanceof HttpConnectTimeoutException) {
            return "could not connect within " + connectTimeout.toMillis() + " ms";
        }
        if (e instanceof HttpTimeoutException && "request timed out".equals(e.getMessage())) {
            return "no response within " + readTimeout.toMillis() + " ms";
        }
        if (e.getCause() instanceof UnresolvedAddressException) {
            return "unknown host";
        }
        if (e instanceof ConnectException && e.getMessage() == null) {
            return "connection refused";
        }
        return e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
    }
}
