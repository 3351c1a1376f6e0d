package org.slmhub.index;

import java.io.IOException;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Locale;
import java.util.Set;

/**
 * The two small requests an index archive URL needs before the artifact store downloads it: its
 * digest from {@code URL.sha256}, and its size (the store verifies both). The same rule as the
 * store's applies: https anywhere, plain http only to this machine (tests).
 */
final class RemoteArchive {
    private static final Set<String> LOOPBACK_HOSTS = Set.of("127.0.0.1", "::1", "[::1]", "localhost");
    private static final Duration TIMEOUT = Duration.ofSeconds(15);
    private static final int MAX_DIGEST_FILE = 4096;

    private RemoteArchive() {
    }

    static boolean isUrl(String spec) {
        String lower = spec.toLowerCase(Locale.ROOT);
        return lower.startsWith("https://") || lower.startsWith("http://");
    }

    /** The sha256 published beside the archive, as {@code sha256sum} writes it. */
    static String digest(URI archive) throws IndexException {
        URI file = URI.create(archive + ".sha256");
        HttpResponse<InputStream> response = send(file, HttpRequest.newBuilder(file).GET());
        try (InputStream body = response.body()) {
            String text = new String(body.readNBytes(MAX_DIGEST_FILE), StandardCharsets.UTF_8);
            return IndexArchive.parseDigest(text).orElseThrow(() -> new IndexException(IndexException.Kind.ARCHIVE,
                    file + " holds no sha256; pass the digest as " + archive + "#sha256=HEX"));
        } catch (IOException e) {
            throw failed(file, e);
        }
    }

    /** The archive's size from a HEAD request; the store needs it to bound the download. */
    static long size(URI archive) throws IndexException {
        HttpResponse<InputStream> response = send(archive, HttpRequest.newBuilder(archive).method("HEAD", HttpRequest.BodyPublishers.noBody()));
        try (InputStream ignored = response.body()) {
            long length = response.headers().firstValueAsLong("Content-Length").orElse(-1);
            if (length < 0) {
                throw new IndexException(IndexException.Kind.ARCHIVE, archive + " does not say its size (no Content-Length)");
            }
            return length;
        } catch (IOException e) {
            throw failed(archive, e);
        }
    }

    private static HttpResponse<InputStream> send(URI uri, HttpRequest.Builder request) throws IndexException {
        check(uri);
        HttpClient client = HttpClient.newBuilder().connectTimeout(TIMEOUT).followRedirects(HttpClient.Redirect.NORMAL).build();
        try {
            HttpResponse<InputStream> response = client.send(request.timeout(TIMEOUT).header("User-Agent", "slmhub-index").build(),
                    HttpResponse.BodyHandlers.ofInputStream());
            check(response.uri());
            if (response.statusCode() != 200) {
                response.body().close();
                throw new IndexException(IndexException.Kind.ARCHIVE, "HTTP " + response.statusCode() + " for " + uri
                        + (uri.toString().endsWith(".sha256") ? "; publish it beside the archive, or pass the digest as ARCHIVE_URL#sha256=HEX" : ""));
            }
            return response;
        } catch (IOException e) {
            throw failed(uri, e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IndexException(IndexException.Kind.ARCHIVE, "interrupted while fetching " + uri);
        }
    }

    private static void check(URI uri) throws IndexException {
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(Locale.ROOT);
        if (host.isEmpty() || !(scheme.equals("https") || (scheme.equals("http") && LOOPBACK_HOSTS.contains(host)))) {
            throw new IndexException(IndexException.Kind.ARCHIVE, "refusing to fetch " + uri + ": only https URLs are allowed (plain http only to localhost)");
        }
    }

    private static IndexException failed(URI uri, IOException e) {
        String why = e.getMessage() != null ? e.getMessage() : e.getClass().getSimpleName();
        return new IndexException(IndexException.Kind.ARCHIVE, "cannot fetch " + uri + ": " + why, e);
    }
}
