package org.slmhub.artifact;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.URI;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

/** Mirror folders: found by name, by digest, by scanning; always verified; used in place. */
class ArtifactStoreMirrorTest {

    private static final byte[] DATA = bytes(200_000, 7);
    private static final String SHA = ArtifactServer.sha256(DATA);
    private static final URI NO_SERVER = URI.create("https://example.invalid/model.gguf");

    @TempDir
    Path tmp;

    private static byte[] bytes(int size, long seed) {
        byte[] data = new byte[size];
        new Random(seed).nextBytes(data);
        return data;
    }

    private ArtifactStore offlineStore(Path... mirrors) {
        return ArtifactStore.builder(tmp.resolve("cache")).mirrors(List.of(mirrors)).allowDownload(false).build();
    }

    private static ArtifactRef ref(String file) {
        return new ArtifactRef(file, NO_SERVER, SHA, DATA.length);
    }

    private Path mirrorWith(String relativePath, byte[] content) throws Exception {
        Path mirror = tmp.resolve("mirror");
        Path file = mirror.resolve(relativePath);
        Files.createDirectories(file.getParent());
        Files.write(file, content);
        return mirror;
    }

    @Test
    void findsFileByNameAndUsesItInPlace() throws Exception {
        Path mirror = mirrorWith("model.gguf", DATA);

        Resolved resolved = offlineStore(mirror).resolve(ref("model.gguf"));

        assertEquals(new Resolved(mirror.resolve("model.gguf").toAbsolutePath(), Resolved.Source.MIRROR), resolved);
        assertFalse(Files.exists(tmp.resolve("cache")), "a mirror hit writes nothing to the cache");
    }

    @Test
    void findsFileByNameInSubfolderPath() throws Exception {
        Path mirror = mirrorWith("onnx/model.onnx", DATA);

        assertEquals(Resolved.Source.MIRROR, offlineStore(mirror).resolve(ref("onnx/model.onnx")).source());
    }

    @Test
    void findsFileNamedByDigest() throws Exception {
        Path mirror = mirrorWith(SHA, DATA);

        Resolved resolved = offlineStore(mirror).resolve(ref("model.gguf"));

        assertEquals(mirror.resolve(SHA).toAbsolutePath(), resolved.path());
    }

    @Test
    void findsBlobInMirrorLaidOutLikeTheCache() throws Exception {
        Path mirror = mirrorWith("blobs/sha256/" + SHA, DATA);

        Resolved resolved = offlineStore(mirror).resolve(ref("model.gguf"));

        assertEquals(mirror.resolve("blobs/sha256/" + SHA).toAbsolutePath(), resolved.path());
    }

    @Test
    void findsSameBytesUnderAnotherNameByScanning() throws Exception {
        Path mirror = mirrorWith("other-name.gguf", bytes(DATA.length, 99)); // same size, other bytes
        Files.createDirectories(mirror.resolve("sub"));
        Files.write(mirror.resolve("sub/renamed.gguf"), DATA);

        Resolved resolved = offlineStore(mirror).resolve(ref("model.gguf"));

        assertEquals(new Resolved(mirror.resolve("sub/renamed.gguf").toAbsolutePath(), Resolved.Source.MIRROR),
                resolved);
    }

    @Test
    void hashesEachMirrorFileOncePerStore() throws Exception {
        Path mirror = mirrorWith("decoy.bin", bytes(DATA.length, 99));
        Files.write(mirror.resolve("renamed.gguf"), DATA);
        MirrorSearch search = new MirrorSearch(List.of(mirror));

        search.find(ref("model.gguf"));
        search.find(ref("model.gguf"));

        assertEquals(2, search.filesHashed(), "decoy and renamed file hashed once each");
    }

    @Test
    void wrongBytesUnderTheRightNameAreNotUsed() throws Exception {
        byte[] wrong = bytes(DATA.length, 99);
        Path mirror = mirrorWith("model.gguf", wrong);
        Path good = tmp.resolve("second-mirror");
        Files.createDirectories(good);
        Files.write(good.resolve("model.gguf"), DATA);

        assertEquals(good.resolve("model.gguf").toAbsolutePath(),
                offlineStore(mirror, good).resolve(ref("model.gguf")).path(), "falls through to the next mirror");

        // Offline with only the wrong copy: the mirror holds other bytes under the name, a checksum mismatch.
        ArtifactException e = assertThrows(ArtifactException.class, () -> offlineStore(mirror).resolve(ref("model.gguf")));
        assertEquals(ArtifactException.Kind.CHECKSUM_MISMATCH, e.kind());
        assertEquals("model.gguf: mirror file " + mirror.resolve("model.gguf").toAbsolutePath() + " has sha256 "
                + ArtifactServer.sha256(wrong) + ", expected " + SHA, e.getMessage());
    }

    @Test
    void wrongSizeUnderTheRightNameIsNamedInTheError() throws Exception {
        Path mirror = mirrorWith("model.gguf", new byte[10]);

        ArtifactException e = assertThrows(ArtifactException.class, () -> offlineStore(mirror).resolve(ref("model.gguf")));

        assertEquals(ArtifactException.Kind.SIZE_MISMATCH, e.kind());
        assertEquals("model.gguf: mirror file " + mirror.resolve("model.gguf").toAbsolutePath() + " has 10 bytes, expected "
                + DATA.length, e.getMessage());
    }

    @Test
    void offlineWithNothingFoundIsUnavailable() throws Exception {
        Path missing = tmp.resolve("no-such-mirror");

        ArtifactException e = assertThrows(ArtifactException.class, () -> offlineStore(missing).resolve(ref("model.gguf")));

        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertEquals("model.gguf (sha256 " + SHA + ") is not in the cache (" + tmp.resolve("cache") + ") or any mirror (["
                + missing + "]) and downloads are disabled (offline); add a --mirror folder holding it or allow downloads",
                e.getMessage());
    }

    @Test
    void missingUrlWithDownloadsAllowedIsUnavailable() {
        ArtifactStore store = ArtifactStore.builder(tmp.resolve("cache")).build();
        ArtifactRef ref = new ArtifactRef("model.gguf", null, SHA, DATA.length);

        ArtifactException e = assertThrows(ArtifactException.class, () -> store.resolve(ref));

        assertEquals(ArtifactException.Kind.UNAVAILABLE, e.kind());
        assertEquals("model.gguf (sha256 " + SHA + ") is not in the cache (" + tmp.resolve("cache")
                + ") or any mirror (none given) and the manifest gives no url; add a --mirror folder holding it"
                + " or allow downloads", e.getMessage());
    }

    @Test
    void cacheComesBeforeMirrors() throws Exception {
        Path blob = tmp.resolve("cache/blobs/sha256/" + SHA);
        Files.createDirectories(blob.getParent());
        Files.write(blob, DATA);
        Path mirror = mirrorWith("model.gguf", DATA);

        assertEquals(new Resolved(blob, Resolved.Source.CACHE), offlineStore(mirror).resolve(ref("model.gguf")));
    }

    @Test
    void corruptCacheBlobIsRemovedAndMirrorUsed() throws Exception {
        Path blob = tmp.resolve("cache/blobs/sha256/" + SHA);
        Files.createDirectories(blob.getParent());
        Files.write(blob, new byte[5]);
        Path mirror = mirrorWith("model.gguf", DATA);

        assertEquals(Resolved.Source.MIRROR, offlineStore(mirror).resolve(ref("model.gguf")).source());
        assertFalse(Files.exists(blob), "the wrong-size blob is deleted");
    }
}
