package org.slmhub.index;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.store.FSDirectory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.slmhub.history.ModelHistory;

class CatalogIndexerTest {
    @TempDir
    Path tmp;

    @Test
    void recordsSchemaFormatCommitAndBuildTime() throws Exception {
        Path dir = tmp.resolve("index");
        Instant built = Instant.parse("2025-06-01T12:00:00Z");
        var dates = Map.of("acme/one", new ModelHistory.Dates(Instant.parse("2024-01-01T00:00:00Z"), Instant.parse("2025-02-01T00:00:00Z"), List.of("ana")));
        CatalogIndexer.Summary summary = CatalogIndexer.write(dir, List.of(TestModels.model("acme/one").build(), TestModels.model("acme/two").build()),
                new IndexInputs(dates, Map.of(), "0123456789abcdef0123456789abcdef01234567", built));
        assertEquals(2, summary.models());
        assertTrue(summary.bytes() > 0);
        assertFalse(Files.exists(dir.resolve("write.lock")), "nothing left behind that an archive would carry");
        try (ModelIndex index = ModelIndex.open(dir)) {
            assertEquals(new IndexInfo(1, IndexInfo.FORMAT, "0123456789abcdef0123456789abcdef01234567", built, 2), index.info());
            List<ModelHit> hits = index.search(SearchRequest.builder("").sort(SortOrder.NEWEST).build()).hits();
            assertEquals("acme/one", hits.get(0).id(), "models without Git dates sort last");
            assertEquals(Instant.parse("2024-01-01T00:00:00Z"), hits.get(0).added());
            assertEquals(Instant.parse("2025-02-01T00:00:00Z"), hits.get(0).updated());
            assertEquals(null, hits.get(1).added());
        }
    }

    @Test
    void replacesAnIndexButNotOtherFiles() throws Exception {
        Path dir = TestModels.index(tmp, List.of(TestModels.model("acme/one").build(), TestModels.model("acme/two").build()));
        TestModels.index(tmp, List.of(TestModels.model("acme/three").build()));
        try (ModelIndex index = ModelIndex.open(dir)) {
            assertEquals(1, index.size());
        }
        Path notes = Files.createDirectories(tmp.resolve("notes"));
        Files.writeString(notes.resolve("todo.txt"), "keep me");
        IndexException e = assertThrows(IndexException.class, () -> CatalogIndexer.write(notes, List.of(), IndexInputs.none(Instant.EPOCH)));
        assertEquals(notes + " is not empty and holds no search index; choose an empty or new folder for --out", e.getMessage());
        assertTrue(Files.exists(notes.resolve("todo.txt")));
    }

    @Test
    void aMissingOrOutdatedIndexSaysHowToRebuildIt() throws Exception {
        Path absent = tmp.resolve("nowhere");
        IndexException missing = assertThrows(IndexException.class, () -> ModelIndex.open(absent));
        assertEquals("no search index at " + absent + "; build it with `slmhub index --out " + absent + "`", missing.getMessage());
        Path empty = Files.createDirectories(tmp.resolve("empty"));
        assertEquals(IndexException.Kind.MISSING, assertThrows(IndexException.class, () -> ModelIndex.open(empty)).kind());

        Path dir = TestModels.index(tmp, List.of(TestModels.model("acme/one").build()));
        try (FSDirectory directory = FSDirectory.open(dir);
             IndexWriter writer = new IndexWriter(directory, new IndexWriterConfig().setOpenMode(IndexWriterConfig.OpenMode.APPEND))) {
            var data = new IndexInfo(1, 0, null, Instant.EPOCH, 1).toUserData();
            writer.setLiveCommitData(data.entrySet());
            writer.commit();
        }
        IndexException old = assertThrows(IndexException.class, () -> ModelIndex.open(dir));
        assertEquals(IndexException.Kind.INCOMPATIBLE, old.kind());
        assertEquals("the search index at " + dir + " has index format 0 for manifest schema 1, and this slmhub reads format "
                + IndexInfo.FORMAT + " for schema 1; rebuild it with `slmhub index --out " + dir + "`", old.getMessage());
    }
}
