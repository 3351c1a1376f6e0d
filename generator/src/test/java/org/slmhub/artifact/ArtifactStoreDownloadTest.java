package org.slmhub.artifact;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.io.IOException;
import java.net.ServerSocket;
import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.Stream;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTimeoutPreemptively;
import static org.junit.jupiter.api.Assertions.assertTrue;

/** Downloads from a real local HTTP server into a temporary cache. */
class ArtifactStoreDownloadTest {

    private static final int SIZE = 3 * 1024 * 1024;
    private static final int MIB = 1024 * 1024;

    @TempDir
    Path tmp;

    private ArtifactServer server;
    private Path cache;
    private ArtifactStore store;

    @BeforeEach
    void start() throws IOException {
        server = new ArtifactServer(SIZE);
        cache = tmp.resolve("cache");
        store = newStore();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private ArtifactStore newStore() {
        return ArtifactStore.builder(cache).connectTimeout(Duration.ofSeconds(2))
                .readTimeout(Duration.ofMillis(1500)).build();
    }

    private ArtifactRef ref() {
        return new ArtifactRef("model.bin", server.uri("/model.bin"), server.sha256, SIZE);
    }

    private Path blob() {
        return cache.resolve("blobs/sha256/" + server.sha256);
    }

    private Path partial() {
        return cache.resolve("tmp/" + server.sha256 + ".partial");
    }

    private void assertNoBlobAndNoPartial() throws IOException {
        assertFalse(Files.exists(blob()), "no blob may be left in the cache");
        try (Stream<Path> files = Files.walk(cache)) {
            assertEquals(List.of(), files.filter(p -> p.toString().endsWith(".partial")).toList());
        }
    }

    @Test
    void downloadsVerifiesAndThenServesFromCacheWithoutRequest() throws Exception {
        Resolved first = store.resolve(ref());

        assertEquals(new Resolved(blob(), Resolved.Source.DOWNLOAD), first);
        assertArrayEquals(server.data, Files.readAllBytes(first.path()));
        assertFalse(Files.exists(partial()));
        assertEquals(1, server.requests.get());

        Resolved second = newStore().resolve(ref());
        assertEquals(new Resolved(blob(), Resolved.Source.CACHE), second);
        assertEquals(1, server.requests.get(), "a cache hit makes no HTTP request");
    }

    @Test
    void resumesFromValidPartialWithRangeRequest() throws Exception {
        Files.createDirectories(partial().getParent());
        Files.write(partial(), Arrays.copyOf(server.data, MIB));

        Resolved resolved = store.resolve(ref());

        assertEquals(Resolved.Source.DOWNLOAD, resolved.source());
        assertEquals(List.of("bytes=" + MIB + "-"), server.ranges);
        assertEquals(SIZE - MIB, server.bytesServed.get(), "only the missing tail is transferred");
        assertArrayEquals(server.data, Files.readAllBytes(resolved.path()));
    }

    @Test
    void brokenConnectionKeepsPartialAndNextRunResumes() throws Exception {
        server.thenReply(Replies.cutAfter(MIB + 12345));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref()));
        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().startsWith("download of model.bin from " + server.uri("/model.bin") + " stopped after "),
                e.getMessage());
        assertTrue(e.getMessage().endsWith("; run again to resume"), e.getMessage());
        long kept = Files.size(partial());
        assertTrue(kept > 0 && kept <= MIB + 12345, "partial keeps the prefix it got: " + kept);
        assertFalse(Files.exists(blob()));

        long servedBefore = server.bytesServed.get();
        Resolved resolved = store.resolve(ref());

        assertEquals("bytes=" + kept + "-", server.ranges.get(1));
        assertEquals(SIZE - kept, server.bytesServed.get() - servedBefore);
        assertArrayEquals(server.data, Files.readAllBytes(resolved.path()));
        assertFalse(Files.exists(partial()));
    }

    @Test
    void serverIgnoringRangeStartsOver() throws Exception {
        Files.createDirectories(partial().getParent());
        Files.write(partial(), Arrays.copyOf(server.data, MIB));
        server.thenReply(Replies.IGNORE_RANGE);

        Resolved resolved = store.resolve(ref());

        assertEquals(List.of("bytes=" + MIB + "-"), server.ranges);
        assertEquals(SIZE, server.bytesServed.get());
        assertArrayEquals(server.data, Files.readAllBytes(resolved.path()));
    }

    @Test
    void wrongPrefixIsDetectedAndDownloadedAgainFromZero() throws Exception {
        Files.createDirectories(partial().getParent());
        Files.write(partial(), new byte[MIB]); // zeros: right length for a prefix, wrong bytes

        Resolved resolved = store.resolve(ref());

        assertEquals(List.of("bytes=" + MIB + "-", ""), server.ranges);
        assertArrayEquals(server.data, Files.readAllBytes(resolved.path()));
    }

    @Test
    void completePartialFromInterruptedRunIsVerifiedWithoutRequest() throws Exception {
        Files.createDirectories(partial().getParent());
        Files.write(partial(), server.data);

        assertEquals(new Resolved(blob(), Resolved.Source.DOWNLOAD), store.resolve(ref()));
        assertEquals(0, server.requests.get());
    }

    @Test
    void wrongDigestIsRejectedAndNothingIsKept() throws Exception {
        String declared = ArtifactServer.sha256("something else".getBytes());
        ArtifactRef ref = new ArtifactRef("model.bin", server.uri("/model.bin"), declared, SIZE);

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref));

        assertEquals(ArtifactException.Kind.CHECKSUM_MISMATCH, e.kind());
        assertEquals("checksum mismatch for model.bin from " + server.uri("/model.bin") + ": expected sha256 "
                + declared + ", got " + server.sha256
                + "; the download was discarded (the manifest's sha256 or url is wrong)", e.getMessage());
        assertFalse(Files.exists(cache.resolve("blobs/sha256/" + declared)));
        assertNoBlobAndNoPartial();
    }

    @Test
    void wrongDigestAfterResumeIsRetriedOnceFromZero() throws Exception {
        String declared = ArtifactServer.sha256("something else".getBytes());
        ArtifactRef ref = new ArtifactRef("model.bin", server.uri("/model.bin"), declared, SIZE);
        Path partial = cache.resolve("tmp/" + declared + ".partial");
        Files.createDirectories(partial.getParent());
        Files.write(partial, Arrays.copyOf(server.data, MIB));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref));

        assertEquals(ArtifactException.Kind.CHECKSUM_MISMATCH, e.kind());
        assertEquals(List.of("bytes=" + MIB + "-", ""), server.ranges, "resumed, then one clean try");
        assertNoBlobAndNoPartial();
    }

    @Test
    void wrongDigestAfterServerRestartedTheBodyIsNotRetried() throws Exception {
        String declared = ArtifactServer.sha256("something else".getBytes());
        ArtifactRef ref = new ArtifactRef("model.bin", server.uri("/model.bin"), declared, SIZE);
        Path partial = cache.resolve("tmp/" + declared + ".partial");
        Files.createDirectories(partial.getParent());
        Files.write(partial, Arrays.copyOf(server.data, MIB));
        server.thenReply(Replies.IGNORE_RANGE);

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref));

        assertEquals(ArtifactException.Kind.CHECKSUM_MISMATCH, e.kind());
        assertEquals(1, server.requests.get(), "the whole body came fresh, so a retry would only repeat it");
        assertNoBlobAndNoPartial();
    }

    @Test
    void shortFileIsASizeMismatchAndNothingIsKept() throws Exception {
        server.thenReply(Replies.shortFile(MIB));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref()));

        assertEquals(ArtifactException.Kind.SIZE_MISMATCH, e.kind());
        assertEquals("server sent only " + MIB + " of the declared " + SIZE + " bytes of model.bin from "
                + server.uri("/model.bin") + "; the manifest's size or url is wrong", e.getMessage());
        assertNoBlobAndNoPartial();
    }

    @Test
    void longerBodyIsCutOffAtDeclaredSize() throws Exception {
        server.thenReply(Replies.longerChunked(MIB));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref()));

        assertEquals(ArtifactException.Kind.TOO_LONG, e.kind());
        assertEquals("server sent more than the declared " + SIZE + " bytes of model.bin from "
                + server.uri("/model.bin") + "; the manifest's size or url is wrong", e.getMessage());
        assertNoBlobAndNoPartial();
    }

    @Test
    void longerAnnouncedLengthFailsBeforeTheBody() throws Exception {
        server.thenReply(Replies.longerAnnounced(10));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref()));

        assertEquals(ArtifactException.Kind.TOO_LONG, e.kind());
        assertEquals("server announced " + (SIZE + 10) + " bytes, more than the declared " + SIZE
                + " bytes of model.bin from " + server.uri("/model.bin") + "; the manifest's size or url is wrong",
                e.getMessage());
        assertNoBlobAndNoPartial();
    }

    @Test
    void sizeBeyondTheFreeDiskSpaceFailsBeforeAnyRequest() throws Exception {
        server.thenReply(Replies.ENDLESS); // what a lying size may come with: it must never be asked for
        long petabyte = 1L << 50;
        ArtifactRef huge = new ArtifactRef("model.bin", server.uri("/model.bin"), server.sha256, petabyte);

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(huge));

        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().startsWith("not enough disk space for model.bin: the manifest declares " + petabyte
                + " bytes, the cache at " + cache + " has "), e.getMessage());
        assertTrue(e.getMessage().endsWith(" bytes free; fix the manifest's size, free disk space or set SLMHUB_CACHE"
                + " to a larger disk"), e.getMessage());
        assertEquals(0, server.requests.get());
        assertNoBlobAndNoPartial();
    }

    @ParameterizedTest
    @ValueSource(ints = {404, 500})
    void httpErrorNamesStatusAndUrl(int status) throws Exception {
        server.thenReply(Replies.status(status));

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref()));

        assertEquals(ArtifactException.Kind.HTTP_ERROR, e.kind());
        String hint = status == 404 ? " (no such file: check the url in the manifest)"
                : " (server busy or failing: try again later)";
        assertEquals("HTTP " + status + " for model.bin from " + server.uri("/model.bin") + hint, e.getMessage());
        assertNoBlobAndNoPartial();
    }

    @Test
    void stalledServerTimesOutAndKeepsPrefix() throws Exception {
        server.thenReply(Replies.stallAfter(MIB));

        ArtifactException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ArtifactException.class, () -> store.resolve(ref())));

        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertTrue(e.getMessage().contains("(no data received for 1500 ms); run again to resume"), e.getMessage());
        assertTrue(Files.size(partial()) > 0);
        assertArrayEquals(server.data, Files.readAllBytes(store.resolve(ref()).path()));
    }

    @Test
    void slowButSteadyDownloadOutlastsTheReadTimeout() throws Exception {
        server.thenReply(Replies.trickle(4, 450)); // 1.8 s in all, never silent for the 1.5 s read timeout

        assertArrayEquals(server.data, Files.readAllBytes(store.resolve(ref()).path()));
    }

    @Test
    void serverThatNeverAnswersTimesOut() throws Exception {
        server.thenReply(Replies.NO_ANSWER);

        ArtifactException e = assertTimeoutPreemptively(Duration.ofSeconds(10),
                () -> assertThrows(ArtifactException.class, () -> store.resolve(ref())));

        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertEquals("cannot download model.bin from " + server.uri("/model.bin") + ": no response within 1500 ms",
                e.getMessage());
        assertNoBlobAndNoPartial();
    }

    @Test
    void refusedConnectionIsUnavailable() throws Exception {
        int closedPort;
        try (ServerSocket socket = new ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        URI url = URI.create("http://127.0.0.1:" + closedPort + "/model.bin");

        ArtifactException e = assertThrows(ArtifactException.class,
                () -> store.resolve(new ArtifactRef("model.bin", url, server.sha256, SIZE)));

        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertEquals("cannot download model.bin from " + url + ": connection refused", e.getMessage());
        assertNoBlobAndNoPartial();
    }

    @Test
    void followsRedirects() throws Exception {
        server.thenReply(Replies.redirectTo("/cdn/model.bin"));

        Resolved resolved = store.resolve(ref());

        assertEquals(2, server.requests.get());
        assertArrayEquals(server.data, Files.readAllBytes(resolved.path()));
    }

    @Test
    void resumeKeepsRangeHeaderAcrossRedirect() throws Exception {
        Files.createDirectories(partial().getParent());
        Files.write(partial(), Arrays.copyOf(server.data, MIB));
        server.thenReply(Replies.redirectTo("/cdn/model.bin"));

        Resolved resolved = store.resolve(ref());

        assertEquals(List.of("bytes=" + MIB + "-", "bytes=" + MIB + "-"), server.ranges);
        assertEquals(SIZE - MIB, server.bytesServed.get());
        assertArrayEquals(server.data, Files.readAllBytes(resolved.path()));
    }

    @Test
    void concurrentResolvesDownloadOnce() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(2);
        try {
            List<Future<Resolved>> results = pool.invokeAll(List.of(
                    () -> newStore().resolve(ref()), () -> newStore().resolve(ref())));

            assertEquals(Set.of(Resolved.Source.DOWNLOAD, Resolved.Source.CACHE),
                    Set.of(results.get(0).get().source(), results.get(1).get().source()));
        } finally {
            pool.shutdownNow();
        }
        assertEquals(1, server.requests.get(), "the second caller waits for the lock and finds the blob");
        assertArrayEquals(server.data, Files.readAllBytes(blob()));
    }

    @Test
    void corruptCacheBlobIsRemovedAndResolvedAgain() throws Exception {
        Files.createDirectories(blob().getParent());
        Files.write(blob(), new byte[100]);

        Resolved resolved = store.resolve(ref());

        assertEquals(new Resolved(blob(), Resolved.Source.DOWNLOAD), resolved);
        assertArrayEquals(server.data, Files.readAllBytes(blob()));
    }

    @Test
    void refusesInsecureUrlsWithoutNetwork() {
        for (String url : List.of("http://example.com/model.bin", "ftp://127.0.0.1/model.bin",
                "file:///etc/passwd", "http://10.0.0.1/model.bin")) {
            ArtifactRef ref = new ArtifactRef("model.bin", URI.create(url), server.sha256, SIZE);

            ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref));

            assertEquals(ArtifactException.Kind.NOT_ALLOWED, e.kind());
            assertEquals("refusing to download model.bin from " + url
                    + ": only https URLs are allowed (plain http only to localhost); fix the url in the manifest",
                    e.getMessage());
        }
        assertEquals(0, server.requests.get());
        assertFalse(Files.exists(cache), "nothing is created in the cache for a refused url");
    }

    @Test
    void localhostNameIsAllowedOverHttp() throws Exception {
        URI url = URI.create(server.uri("/model.bin").toString().replace("127.0.0.1", "localhost"));

        Resolved resolved = store.resolve(new ArtifactRef("model.bin", url, server.sha256, SIZE));

        assertEquals(Resolved.Source.DOWNLOAD, resolved.source());
    }

    @Test
    void progressReportsTheWholeTransfer() throws Exception {
        RecordingProgress progress = new RecordingProgress();
        ArtifactStore withProgress = ArtifactStore.builder(cache).progress(progress).build();

        withProgress.resolve(ref());

        assertEquals("model.bin", progress.file);
        assertEquals(SIZE, progress.total);
        assertEquals(SIZE, progress.advanced);
        assertEquals(1, progress.doneCalls);
    }

    private static final class RecordingProgress implements DownloadProgress {
        String file;
        long total;
        long advanced;
        int doneCalls;

        @Override
        public void start(String file, long total) {
            this.file = file;
            this.total = total;
        }

        @Override
        public void advanced(long bytes) {
            advanced += bytes;
        }

        @Override
        public void done() {
            doneCalls++;
        }
    }
}
