package org.slmhub.index;

import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.apache.lucene.index.IndexWriter;
import org.apache.lucene.index.IndexWriterConfig;
import org.apache.lucene.index.NoMergePolicy;
import org.apache.lucene.index.SegmentInfos;
import org.apache.lucene.index.Term;
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
        // One thread: on this project's shared 2-core machines a second indexing thread measured slower
        // (two segments to merge, and the other core is usually busy).
        IndexWriterConfig config = config(IndexWriterConfig.OpenMode.CREATE)
                // A one-shot build: one flush of one segment (the RAM buffer holds a large catalog), no merges
                .setMergePolicy(NoMergePolicy.INSTANCE);
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config)) {
            // Added in the index's own order, the flush finds them sorted and writes them as they are
            // (otherwise it re-sorts postings and copies the stored fields through a temporary file).
            for (ModelManifest m : ModelDocuments.inIndexOrder(models)) {
                writer.addDocument(documents.of(m));
            }
            commit(writer, inputs, models.size());
        }
        if (segmentsIn(dir) > 1) { // a catalog larger than the RAM buffer: one segment, the fastest to search
            try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND))) {
                writer.forceMerge(1);
                commit(writer, inputs, models.size());
            }
        }
        Files.deleteIfExists(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
        return new Summary(models.size(), sizeOf(dir));
    }

    /**
     * Updates an index {@link #write} made: replaces the documents of {@code changed} models (new
     * ones are added), deletes {@code removed} ids, and records the new inputs. Rebuilding the site
     * after one edit then indexes one model instead of all of them. Each update adds a small segment;
     * Lucene's merge policy folds them together as they accumulate.
     *
     * @param total how many models the catalog has now (recorded in the commit)
     */
    public static Summary update(Path dir, List<ModelManifest> changed, List<String> removed, IndexInputs inputs, int total) throws IOException {
        ModelDocuments documents = new ModelDocuments(inputs);
        try (Directory directory = FSDirectory.open(dir); IndexWriter writer = new IndexWriter(directory, config(IndexWriterConfig.OpenMode.APPEND))) {
            for (ModelManifest m : changed) {
                writer.updateDocument(new Term(IndexFields.ID, m.id()), documents.of(m));
            }
            for (String id : removed) {
                writer.deleteDocuments(new Term(IndexFields.ID, id));
            }
            commit(writer, inputs, total);
        }
        Files.deleteIfExists(dir.resolve(IndexWriter.WRITE_LOCK_NAME));
        return new Summary(total, sizeOf(dir));
    }

    private static IndexWriterConfig config(IndexWriterConfig.OpenMode mode) {
        return new IndexWriterConfig(ModelAnalyzers.forIndexing())
                .setOpenMode(mode)
                .setRAMBufferSizeMB(256)
                // The archive is zipped whole: packing each segment into a compound file first only copies it.
                .setUseCompoundFile(false)
                // Documents in name order: equal scores rank by name, and listing by name reads only the first N.
                .setIndexSort(new Sort(new SortField(IndexFields.NAME_SORT, SortField.Type.STRING)))
                .setCommitOnClose(false);
    }

    private static void commit(IndexWriter writer, IndexInputs inputs, int models) throws IOException {
        writer.setLiveCommitData(new IndexInfo(IndexInfo.SCHEMA, IndexInfo.FORMAT, inputs.catalogCommit(),
                inputs.builtAt(), models).toUserData().entrySet());
        writer.commit();
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

    private static int segmentsIn(Path dir) throws IOException {
        try (Directory directory = FSDirectory.open(dir)) {
            return SegmentInfos.readLatestCommit(directory).size();
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
