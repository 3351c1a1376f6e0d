package org.slmhub.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.search.Sort;
import org.apache.lucene.search.SortField;
import org.apache.lucene.store.Directory;
import org.apache.lucene.store.FSDirectory;
import org.slmhub.catalog.ModelManifest;

/**
 * Writes the search index of a catalog into a folder, replacing an index that was there. The index
 * keeps its documents sorted by name, then id, and records {@link IndexInfo} in its commit.
 */
public final class CatalogIndexer {
    private CatalogIndexer() {
    }

    /** What was written. */
    public record Summary(int models, long bytes) {
    }

    /**
     * @param dir a folder that is absent, empty, or holds an index (which is replaced)
     * @throws IndexException when the folder holds other files, which replacing would destroy
     */
    public static Summary write(Path dir, List<ModelManifest> models, IndexInputs inputs) throws IOException, IndexException {
        prepare(dir);
        ModelDocuments documents = new ModelDocuments(inputs);
        IndexWriterConfig config = new IndexWriterConfig(ModelAnalyzers.forIndexing())
                .setOpenMode(IndexWriterConfig.OpenMode.CREATE)
                .setRAMBufferSizeMB(256)
                // Documents in name order: equal scores rank by name, and listing by name reads only the first N.
                .setIndexSort(new Sort(new SortField(IndexFields.NAME_SORT, SortField.Type.STRING)))
                .setCommitOnClose(false);
        // One thread: on this project's shared 2-core machines a second indexing thread measured slower
        // (two segments to merge, and the other core is usually busy).
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            for (ModelManifest m : models) {
                writer.addDocument(documents.of(m));
            }
            writer.forceMerge(1); // one segment: smaller, and the fastest to search
            writer.setLiveCommitData(new IndexInfo(IndexInfo.SCHEMA, IndexInfo.FORMAT, inputs.catalogCommit(),
                    inputs.builtAt(), models.size()).toUserData().entrySet());
            writer.commit();
        }
        Files.deleteIfExists(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
        return new Summary(models.size(), sizeOf(dir));
    }

    private static void prepare(Path dir) throws IOException, IndexException {
        Files.createDirectories(dir);
        boolean empty;
        boolean index;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            empty = !files.iterator().hasNext();
        }
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir, "segments_*")) {
            index = files.iterator().hasNext();
        }
        if (!empty && !index) {
            throw new IndexException(IndexException.Kind.OTHER, dir + " is not empty and holds no search index; choose an empty or new folder for --out");
        }
    }

    static long sizeOf(Path dir) throws IOException {
        long total = 0;
        try (DirectoryStream<Path> files = Files.newDirectoryStream(dir)) {
            for (Path f : files) {
                if (Files.isRegularFile(f)) {
                    total += Files.size(f);
                }
            }
        }
        return total;
    }
}
