package org.slmhub.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.slmhub.catalog.CatalogEntry;
import org.slmhub.history.HistoryException;
import org.slmhub.history.ModelHistory;
import org.slmhub.index.CatalogCommit;
import org.slmhub.index.CatalogIndexer;
import org.slmhub.index.IndexArchive;
import org.slmhub.index.IndexException;
import org.slmhub.index.IndexInputs;
import org.slmhub.index.SmokeStatuses;

/**
 * The Lucene index the site publishes for offline search: built like {@code slmhub index}, zipped
 * to {@code search/slmhub-index.zip} with its {@code .sha256}, for
 * {@code slmhub search --index <site>/search/slmhub-index.zip}.
 */
final class SiteIndexArchive {
    static final String PATH = "search/slmhub-index.zip";

    private SiteIndexArchive() {
    }

    static IndexArchive.Written write(List<CatalogEntry> entries, Path catalog, Path smokeReport, Path siteOut) throws IOException {
        Path work = Files.createTempDirectory("slmhub-site-index-");
        try {
            Map<String, String> smoke = smokeReport == null ? Map.of() : SmokeStatuses.read(smokeReport);
            IndexInputs inputs = new IndexInputs(ModelHistory.read(catalog), smoke, CatalogCommit.of(catalog).orElse(null), Instant.now());
            CatalogIndexer.write(work, entries.stream().map(CatalogEntry::manifest).toList(), inputs);
            Path archive = siteOut.resolve(PATH);
            Files.createDirectories(archive.getParent());
            return IndexArchive.write(work, archive);
        } catch (IndexException | HistoryException e) {
            throw new IOException("cannot build the search index archive: " + e.getMessage(), e);
        } finally {
            try (Stream<Path> walk = Files.walk(work)) {
                for (Path p : walk.sorted(Comparator.reverseOrder()).toList()) {
                    Files.deleteIfExists(p);
                }
            }
        }
    }
}
