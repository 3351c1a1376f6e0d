package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.artifact.ArtifactStore;

/** The archive round trip: write, publish (a folder or a local HTTP server), fetch, verify, unpack, search. */
class IndexArchiveTest {
    @TempDir
    Path tmp;
    Path indexDir;
    Path cache;

    @BeforeEach
    void buildIndex() throws Exception {
        indexDir = TestModels.index(tmp, List.of(TestModels.model("acme/tiny-chat").name("TinyChat").build(), TestModels.model("acme/other").build()));
        cache = tmp.resolve("cache");
    }

    private ArtifactStore store() {
        return ArtifactStore.builder(cache).build();
    }

    private static List<String> hits(Path folder, String text) throws Exception {
        try (ModelIndex index = ModelIndex.open(folder)) {
            return index.search(SearchRequest.builder(text).build()).hits().stream().map(ModelHit::id).toList();
        }
    }

    @Test
    void theArchiveIsDeterministicAndCarriesItsDigest() throws Exception {
        IndexArchive.Written first = IndexArchive.write(indexDir, tmp.resolve("out/slmhub-index.zip"));
        IndexArchive.Written second = IndexArchive.write(indexDir, tmp.resolve("again.zip"));
        assertEquals(first.sha256(), second.sha256());
        assertEquals(first.sha256() + "  slmhub-index.zip\n", Files.readString(tmp.resolve("out/slmhub-index.zip.sha256")));
        assertEquals(first.sha256(), IndexArchive.sha256(first.archive()));
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(first.archive()))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        assertEquals(names.stream().sorted().toList(), names, "entries in name order");
        assertFalse(names.contains("write.lock"));
    }

    @Test
    void unchangedFilesAreTakenFromTheArchiveTheyReplaceAndTheBytesAreTheSame() throws Exception {
        // enough models that replacing one leaves few deletions in the first segment, which Lucene then keeps as it is
        List<org.slmhub.catalog.ModelManifest> models = new ArrayList<>();
        for (int i = 0; i < 30; i++) {
            models.add(TestModels.model(i == 0 ? "acme/tiny-chat" : "acme/model-" + i).build());
        }
        indexDir = TestModels.index(tmp.resolve("thirty"), models);
        Path target = tmp.resolve("site/slmhub-index.zip");
        IndexArchive.Written first = IndexArchive.write(indexDir, target);
        assertEquals(0, first.reusedEntries(), "nothing to reuse");
        int files = entryNames(target).size();
        IndexArchive.Written again = IndexArchive.write(indexDir, target);
        assertEquals(files, again.reusedEntries(), "every file is unchanged");
        assertEquals(first.sha256(), again.sha256());

        // one model edited: Lucene adds a segment and new generations of the rest; the old segment's files are reused
        CatalogIndexer.update(indexDir, List.of(TestModels.model("acme/tiny-chat").name("TinyChat Two").build()), List.of(),
                IndexInputs.none(java.time.Instant.parse("2026-01-01T00:00:00Z")), 30);
        IndexArchive.Written updated = IndexArchive.write(indexDir, target);
        IndexArchive.Written fresh = IndexArchive.write(indexDir, tmp.resolve("fresh/slmhub-index.zip"));
        assertTrue(updated.reusedEntries() > 0 && updated.reusedEntries() < entryNames(target).size(), updated.toString());
        assertEquals(0, fresh.reusedEntries());
        assertArrayEquals(Files.readAllBytes(fresh.archive()), Files.readAllBytes(updated.archive()), "the same archive, whatever was reused");
        assertEquals(List.of("acme/tiny-chat"), hits(unpacked(updated.archive(), "u"), "two"));
        try (java.util.zip.ZipFile zip = new java.util.zip.ZipFile(updated.archive().toFile())) {
            assertEquals(entryNames(updated.archive()), zip.stream().map(ZipEntry::getName).toList(), "the central directory lists the same entries");
        }
    }

    @Test
    void aDamagedOrForeignArchiveIsNotReusedFrom() throws Exception {
        Path target = tmp.resolve("slmhub-index.zip");
        IndexArchive.Written good = IndexArchive.write(indexDir, target);
        byte[] bytes = Files.readAllBytes(target);
        bytes[bytes.length / 3] ^= 0x55; // inside an entry's compressed data
        Files.write(target, bytes);
        IndexArchive.Written mended = IndexArchive.write(indexDir, target);
        assertEquals(good.sha256(), mended.sha256(), "the damaged entry is compressed again");
        assertTrue(mended.reusedEntries() < entryNames(target).size(), mended.toString());

        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(target)); var files = Files.list(indexDir)) {
            zip.setComment("another writer's layout"); // the same files, but not as IndexZip writes them
            for (Path f : files.filter(f -> !f.getFileName().toString().equals("write.lock")).toList()) {
                zip.putNextEntry(new ZipEntry(f.getFileName().toString()));
                Files.copy(f, zip);
            }
        }
        IndexArchive.Written foreign = IndexArchive.write(indexDir, target);
        assertEquals(0, foreign.reusedEntries());
        assertEquals(good.sha256(), foreign.sha256());
    }

    private static List<String> entryNames(Path archive) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream zip = new ZipInputStream(Files.newInputStream(archive))) {
            for (ZipEntry e = zip.getNextEntry(); e != null; e = zip.getNextEntry()) {
                names.add(e.getName());
            }
        }
        return names;
    }

    private Path unpacked(Path archive, String name) throws Exception {
        Path into = tmp.resolve("unpacked-" + name);
        IndexArchive.unpack(archive, into);
        return into;
    }

    @Test
    void aLocalArchiveIsVerifiedAndUnpackedOnceIntoTheCache() throws Exception {
        IndexArchive.Written archive = IndexArchive.write(indexDir, tmp.resolve("slmhub-index.zip"));
        IndexLocation.Resolved resolved = IndexLocation.resolve(archive.archive().toString(), this::store, false);
        assertTrue(resolved.archive());
        assertEquals(cache.resolve("index").resolve(archive.sha256()), resolved.folder());
        assertEquals(List.of("acme/tiny-chat"), hits(resolved.folder(), "tinychat"));
        assertEquals(resolved, IndexLocation.resolve(archive.archive().toString(), this::store, true));

        Files.writeString(archive.digestFile(), "0".repeat(64) + "  slmhub-index.zip\n");
        IndexException wrong = assertThrows(IndexException.class, () -> IndexLocation.resolve(archive.archive().toString(), this::store, false));
        assertEquals("checksum mismatch for " + archive.archive() + ": slmhub-index.zip.sha256 says sha256 " + "0".repeat(64) + ", the file has "
                + archive.sha256() + "; the archive is damaged or not the one published", wrong.getMessage());
    }

    @Test
    void aFolderIsUsedAsItIs() throws Exception {
        assertEquals(new IndexLocation.Resolved(indexDir, false), IndexLocation.resolve(indexDir.toString(), () -> {
            throw new AssertionError("a folder needs no store");
        }, false));
        Path absent = tmp.resolve("absent");
        assertEquals("no search index at " + absent + "; build it with `slmhub index --out " + absent + "`",
                assertThrows(IndexException.class, () -> IndexLocation.resolve(absent.toString(), this::store, false)).getMessage());
    }

    @Test
    void anArchiveThatClimbsOutOfItsFolderIsRefused() throws IOException {
        Path evil = tmp.resolve("evil.zip");
        try (ZipOutputStream zip = new ZipOutputStream(Files.newOutputStream(evil))) {
            zip.putNextEntry(new ZipEntry("../segments_1"));
            zip.write(1);
        }
        IndexException e = assertThrows(IndexException.class, () -> IndexLocation.resolve(evil.toString(), this::store, false));
        assertEquals(evil + " is not a search index archive: it holds `../segments_1`", e.getMessage());
        assertFalse(Files.exists(cache.resolve("segments_1")));
        assertEquals(List.of(), Files.list(cache.resolve("index")).toList(), "no half-unpacked folder is left");
    }

    @Test
    void aUrlIsFetchedOnceThroughTheStoreThenWorksOffline() throws Exception {
        IndexArchive.Written archive = IndexArchive.write(indexDir, tmp.resolve("slmhub-index.zip"));
        String url;
        try (ArchiveServer server = new ArchiveServer()) {
            server.serve("/i/slmhub-index.zip", Files.readAllBytes(archive.archive()));
            server.serve("/i/slmhub-index.zip.sha256", Files.readAllBytes(archive.digestFile()));
            url = server.url("/i/slmhub-index.zip");
            IndexLocation.Resolved resolved = IndexLocation.resolve(url, this::store, false);
            assertEquals(List.of("acme/tiny-chat"), hits(resolved.folder(), "tinychat"));
            assertEquals(List.of("GET /i/slmhub-index.zip.sha256", "HEAD /i/slmhub-index.zip", "GET /i/slmhub-index.zip"), server.requests);
            assertArrayEquals(Files.readAllBytes(archive.archive()), Files.readAllBytes(cache.resolve("blobs/sha256/" + archive.sha256())));
        }
        // the server is gone: the digest in the URL finds the unpacked index in the cache
        IndexLocation.Resolved again = IndexLocation.resolve(url + "#sha256=" + archive.sha256(), this::store, true);
        assertEquals(cache.resolve("index").resolve(archive.sha256()), again.folder());
        assertEquals("--offline needs the archive's digest in the URL: " + url + "#sha256=HEX",
                assertThrows(IndexException.class, () -> IndexLocation.resolve(url, this::store, true)).getMessage());
    }

    @Test
    void aWrongDigestInTheUrlLeavesNothingInTheCache() throws Exception {
        IndexArchive.Written archive = IndexArchive.write(indexDir, tmp.resolve("slmhub-index.zip"));
        String wrong = "ab".repeat(32);
        try (ArchiveServer server = new ArchiveServer()) {
            server.serve("/slmhub-index.zip", Files.readAllBytes(archive.archive()));
            String url = server.url("/slmhub-index.zip");
            IndexException e = assertThrows(IndexException.class, () -> IndexLocation.resolve(url + "#sha256=" + wrong, this::store, false));
            assertEquals(IndexException.Kind.ARCHIVE, e.kind());
            assertTrue(e.getMessage().startsWith("checksum mismatch for slmhub-index.zip from " + url + ": expected sha256 " + wrong
                    + ", got " + archive.sha256()), e.getMessage());
            assertFalse(Files.exists(cache.resolve("index").resolve(wrong)));
            assertFalse(Files.exists(cache.resolve("blobs/sha256").resolve(wrong)));

            IndexException noDigest = assertThrows(IndexException.class, () -> IndexLocation.resolve(url, this::store, false));
            assertEquals("HTTP 404 for " + url + ".sha256; publish it beside the archive, or pass the digest as ARCHIVE_URL#sha256=HEX", noDigest.getMessage());
        }
        IndexException plain = assertThrows(IndexException.class, () -> IndexLocation.resolve("http://example.org/slmhub-index.zip#sha256=" + wrong, this::store, false));
        assertEquals("refusing to fetch http://example.org/slmhub-index.zip: only https URLs are allowed (plain http only to localhost)", plain.getMessage());
    }
}
