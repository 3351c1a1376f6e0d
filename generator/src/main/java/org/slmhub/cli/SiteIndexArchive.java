package org.slmhub.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
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
    /** What the archive was built from (see {@link #inputs}); outside search/ so it is not an API file. */
    static final String INPUTS = ".slmhub-index-inputs";

    private SiteIndexArchive() {
    }

    /**
     * A fingerprint of what the archive depends on: every manifest's path, size and modification
     * time, the smoke report's, and the catalog's commit (history dates come from it).
     */
    static String inputs(List<CatalogEntry> entries, Path catalog, Path smokeReport) throws IOException {
        StringBuilder text = new StringBuilder();
        for (CatalogEntry e : entries) {
            text.append(e.file()).append(' ').append(Files.size(e.file())).append(' ').append(Files.getLastModifiedTime(e.file()).toMillis()).append('\n');
        }
        if (smokeReport != null) {
            text.append(smokeReport).append(' ').append(Files.size(smokeReport)).append(' ').append(Files.getLastModifiedTime(smokeReport).toMillis());
        }
        text.append('\n').append(CatalogCommit.of(catalog).orElse("no commit"));
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(text.toString().getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Whether the site folder's archive was built from these inputs. */
    static boolean current(Path siteOut, String inputs) throws IOException {
        Path file = siteOut.resolve(INPUTS);
        return Files.exists(siteOut.resolve(PATH)) && Files.exists(file) && Files.readString(file).equals(inputs);
    }

    static IndexArchive.Written write(List<CatalogEntry> entries, Path catalog, Path smokeReport, Path siteOut) throws IOException {
        Path work = Files.createTempDirectory("slmhub-site-index-");
        try {
            Map<String, String> smoke = smokeReport == null ? Map.of() : SmokeStatuses.read(smokeReport);
            IndexInputs inputs = new IndexInputs(ModelHistory.read(catalog), smoke, CatalogCommit.of(catalog).orElse(null), Instant.now());
            CatalogIndexer.write(work, entries.stream().map(CatalogEntry::manifest).toList(), inputs);
            Path archive = siteOut.resolve(PATH);
            Files.createDirectories(archive.getParent());
            IndexArchive.Written written = IndexArchive.write(work, archive);
            Files.writeString(siteOut.resolve(INPUTS), inputs(entries, catalog, smokeReport));
            return written;
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
